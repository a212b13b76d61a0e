#include "services/entertainment/ExpenseRoutes.h"

#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/approval/ApprovalDesk.h"
#include "services/policy/PolicyService.h"

namespace bizdesk::services {
using domain::UserId;

domain::Route ExpenseRoutes::application(const domain::ExpenseRequest &request)
{
    RepositoryDirectory directory(m_session.database());
    domain::ExpenseRoutingInput input{request.applicantId, request.departmentId, request.estimate,
                                      PolicyService(m_session).money(domain::policy::entertainmentExecutiveThreshold),
                                      request.customerClass};
    const std::optional<UserId> head = request.departmentId ? directory.departmentHead(*request.departmentId) : std::nullopt;
    return domain::RouteResolver::resolve(domain::ExpenseRouting::applicationPlan(input, head), request.applicantId, directory);
}

domain::Route ExpenseRoutes::claim(const domain::ExpenseRequest &request, bool overrun)
{
    RepositoryDirectory directory(m_session.database());
    return domain::RouteResolver::resolve(domain::ExpenseRouting::claimPlan(request.applicantId, overrun), request.applicantId,
                                          directory);
}

} // namespace bizdesk::services
