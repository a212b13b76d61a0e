#include "domain/identity/Permission.h"

#include <vector>

namespace bizdesk::domain {
namespace {

using R = Role;

struct Grant
{
    Action action;
    QString name;
    RoleSet roles;
};

// The whole matrix in one place; docs/user-guide lists the same table.
const std::vector<Grant> &grants()
{
    static const std::vector<Grant> table{
        {Action::ManageUsers, QStringLiteral("manage_users"), {R::Admin}},
        {Action::ManageDepartments, QStringLiteral("manage_departments"), {R::Admin, R::Director}},
        {Action::EditPolicy, QStringLiteral("edit_policy"), {R::Director}},
        {Action::ReadAudit, QStringLiteral("read_audit"), {R::Director, R::Executive, R::Admin}},
        {Action::ManageDatabase, QStringLiteral("manage_database"), {R::Admin}},
        {Action::AssignTasks, QStringLiteral("assign_tasks"), {R::Director, R::Manager}},

        {Action::CreateCustomer, QStringLiteral("create_customer"), {R::Director, R::Manager, R::Specialist}},
        {Action::ReadAllCustomers, QStringLiteral("read_all_customers"), {R::Director, R::Executive}},
        {Action::ReadDepartmentCustomers, QStringLiteral("read_department_customers"), {R::Director, R::Executive, R::Manager}},
        {Action::EditCustomer, QStringLiteral("edit_customer"), {R::Director, R::Manager, R::Specialist}},
        {Action::ReassignCustomer, QStringLiteral("reassign_customer"), {R::Director, R::Manager}},
        {Action::ImportCustomers, QStringLiteral("import_customers"), {R::Director, R::Manager, R::Specialist}},
        {Action::ExportCustomers, QStringLiteral("export_customers"), {R::Director, R::Manager, R::Specialist}},
        {Action::ManageMarketResearch, QStringLiteral("manage_market_research"), {R::Director, R::Manager, R::Specialist}},

        {Action::ManageNegotiations, QStringLiteral("manage_negotiations"), {R::Director, R::Manager, R::Specialist}},

        {Action::DraftContract, QStringLiteral("draft_contract"), {R::Director, R::Manager}},
        {Action::ReadContracts, QStringLiteral("read_contracts"),
         {R::Director, R::Manager, R::Specialist, R::Finance, R::Legal, R::Executive}},
        {Action::LegalReviewContract, QStringLiteral("legal_review_contract"), {R::Legal}},
        {Action::FinanceReviewContract, QStringLiteral("finance_review_contract"), {R::Finance}},
        {Action::ApproveContract, QStringLiteral("approve_contract"), {R::Director}},
        {Action::ExecutiveApproveContract, QStringLiteral("executive_approve_contract"), {R::Executive}},

        {Action::ApplyEntertainment, QStringLiteral("apply_entertainment"), {R::Director, R::Manager, R::Specialist}},
        {Action::ApproveEntertainment, QStringLiteral("approve_entertainment"), {R::Director, R::Manager, R::Executive}},
        {Action::FinanceReviewEntertainment, QStringLiteral("finance_review_entertainment"), {R::Finance}},
        {Action::ReadAllEntertainment, QStringLiteral("read_all_entertainment"), {R::Director, R::Executive, R::Finance}},

        {Action::ManageRecruitment, QStringLiteral("manage_recruitment"), {R::Director, R::Manager}},
        {Action::ManageTraining, QStringLiteral("manage_training"), {R::Director, R::Manager}},
        {Action::RunAppraisals, QStringLiteral("run_appraisals"), {R::Director, R::Manager}},
        {Action::CalibrateAppraisals, QStringLiteral("calibrate_appraisals"), {R::Director}},

        {Action::ViewReports, QStringLiteral("view_reports"), {R::Director, R::Manager, R::Executive, R::Finance}},
    };
    return table;
}

const Grant &grantFor(Action action)
{
    for (const Grant &grant : grants()) {
        if (grant.action == action)
            return grant;
    }
    static const Grant none{action, QStringLiteral("unknown"), {}};
    return none;
}

} // namespace

const QList<Action> &allActions()
{
    static const QList<Action> actions = [] {
        QList<Action> list;
        for (const Grant &grant : grants())
            list << grant.action;
        return list;
    }();
    return actions;
}

QString actionName(Action action)
{
    return grantFor(action).name;
}

bool PermissionTable::allows(Role role, Action action)
{
    return grantFor(action).roles.has(role);
}

bool PermissionTable::allows(const RoleSet &roles, Action action)
{
    return grantFor(action).roles.hasAny(roles);
}

} // namespace bizdesk::domain
