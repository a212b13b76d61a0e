#pragma once

#include "domain/approval/Route.h"
#include "domain/entertainment/Expense.h"

namespace bizdesk::services {

class Session;

/// Resolves the people on a request's routes from the organisation (§6.3.2, §6.3.3, §6.4.3):
/// submit and claim store what it returns; the detail shows a draft's route ahead from it.
class ExpenseRoutes
{
public:
    explicit ExpenseRoutes(Session &session) : m_session(session) {}

    /// dept head → the head's superior → executive when needed; `request.customerClass` set.
    domain::Route application(const domain::ExpenseRequest &request);
    /// The applicant's superior when overrun, then finance.
    domain::Route claim(const domain::ExpenseRequest &request, bool overrun);

private:
    Session &m_session;
};

} // namespace bizdesk::services
