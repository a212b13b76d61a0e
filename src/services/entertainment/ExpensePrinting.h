#pragma once

#include "domain/company/CompanyProfile.h"
#include "services/company/CompanyService.h" // callers fetch the profile they pass
#include "services/entertainment/EntertainmentService.h"
#include "services/printing/DocumentRenderer.h"

namespace bizdesk::services {

/// The printed 商務應酬申請表 (§6.3.1): the application, the claim and a signature row for every
/// approval step so far, in the UI language.
class ExpensePrinting
{
public:
    /// `company` heads the form; every user's printout of one request agrees.
    static PrintDocument applicationForm(const ExpenseDetail &detail, const domain::CompanyProfile &company);
};

} // namespace bizdesk::services
