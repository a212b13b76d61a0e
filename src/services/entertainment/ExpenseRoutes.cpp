#include "services/entertainment/ExpenseRoutes.h"

#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/policy/PolicyService.h"
#include "storage/identity/UserRepository.h"

namespace bizdesk::services {
namespace {

using domain::UserId;

/// The organisation as the route resolver sees it, over the repositories.
class RepositoryDirectory final : public domain::OrganisationDirectory
{
public:
    explicit RepositoryDirectory(storage::Database &database) : m_users(database), m_departments(database) {}

    std::optional<UserId> departmentHead(domain::DepartmentId department) const override
    {
        const auto found = m_departments.findById(department);
        return found ? found->headId : std::nullopt;
    }
    std::optional<UserId> superiorOf(UserId person) const override { return m_users.superiorOf(person); }
    QList<UserId> holdersOf(domain::Role role) const override
    {
        QList<UserId> ids;
        for (const domain::User &user : m_users.withRole(role))
            ids << user.id;
        return ids;
    }

private:
    storage::UserRepository m_users;
    storage::DepartmentRepository m_departments;
};

} // namespace

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
