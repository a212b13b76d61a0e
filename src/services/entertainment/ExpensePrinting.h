#pragma once

#include "services/entertainment/EntertainmentService.h"
#include "services/printing/DocumentRenderer.h"

namespace bizdesk::services {

/// The printed 商務應酬申請表 (§6.3.1): the application, the claim and a signature row for every
/// approval step so far, in the UI language.
class ExpensePrinting
{
public:
    static PrintDocument applicationForm(const ExpenseDetail &detail);
};

} // namespace bizdesk::services
