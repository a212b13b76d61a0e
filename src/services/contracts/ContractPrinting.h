#pragma once

#include "domain/company/CompanyProfile.h"
#include "services/company/CompanyService.h" // callers fetch the profile they pass
#include "services/contracts/ContractService.h"
#include "services/printing/DocumentRenderer.h"

namespace bizdesk::services {

/// The printed contract approval sheet (合同审批单, §5.2, §5.3.1): the contract's header, the
/// amount in figures and in Chinese capitals, every step of the route with its approver,
/// decision, comment and date (steps ahead left blank and grey) and a signature cell for each.
class ContractPrinting
{
public:
    /// `company` heads the sheet; every user's printout of one contract agrees.
    static PrintDocument approvalSheet(const ContractDetail &detail, const domain::CompanyProfile &company);
};

} // namespace bizdesk::services
