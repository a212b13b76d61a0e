#pragma once

#include "domain/identity/Role.h"

#include <QList>
#include <QString>

namespace bizdesk::domain {

/// Everything a role may or may not do. One table (PermissionTable) decides; every service asks it.
/// Record-level rules (own records, own department, separation of duties) come on top, in services.
enum class Action {
    // identity and administration
    ManageUsers,
    ManageDepartments,
    EditPolicy,
    ReadAudit,
    ManageDatabase,
    AssignTasks,
    // customers (§3)
    CreateCustomer,
    ReadAllCustomers,
    ReadDepartmentCustomers,
    EditCustomer,
    ReassignCustomer,
    ImportCustomers,
    ExportCustomers,
    ManageMarketResearch,
    // negotiations (§4)
    ManageNegotiations,
    // contracts (§5)
    DraftContract,
    ReadContracts,
    LegalReviewContract,
    FinanceReviewContract,
    ApproveContract,
    ExecutiveApproveContract,
    // entertainment (§6)
    ApplyEntertainment,
    ApproveEntertainment,
    FinanceReviewEntertainment,
    ReadAllEntertainment,
    // team (§2)
    ManageRecruitment,
    ManageTraining,
    RunAppraisals,
    CalibrateAppraisals,
    // reports
    ViewReports,
};

const QList<Action> &allActions();
/// Stable name ("approve_entertainment") for the permission matrix in docs and tests.
QString actionName(Action action);

/// The role × action table of docs/architecture.md, as data.
class PermissionTable
{
public:
    static bool allows(Role role, Action action);
    static bool allows(const RoleSet &roles, Action action);
};

} // namespace bizdesk::domain
