// The complete role × action matrix, written out by hand from the design notes' role table
// (../shared/design/architecture.md, §2.1, §2.2). It is deliberately not derived from
// domain::PermissionTable: a change to the table must be a change to this test as well.
#include "domain/identity/Permission.h"

#include <gtest/gtest.h>

#include <map>

using namespace bizdesk::domain;

namespace {

// Columns: Director Manager Specialist Finance Legal Executive Admin. 'x' allows, '.' denies.
const std::map<QString, const char *> &expectedMatrix()
{
    static const std::map<QString, const char *> matrix{
        //                                       D M S F L E A
        {QStringLiteral("manage_users"),                 "......x"},
        {QStringLiteral("manage_departments"),           "x.....x"},
        {QStringLiteral("edit_policy"),                  "x......"},
        {QStringLiteral("read_audit"),                   "x....xx"},
        {QStringLiteral("manage_database"),              "......x"},
        {QStringLiteral("assign_tasks"),                 "xx....."},
        {QStringLiteral("create_customer"),              "xxx...."},
        {QStringLiteral("read_all_customers"),           "x....x."},
        {QStringLiteral("read_department_customers"),    "xx...x."},
        {QStringLiteral("edit_customer"),                "xxx...."},
        {QStringLiteral("reassign_customer"),            "xx....."},
        {QStringLiteral("import_customers"),             "xxx...."},
        {QStringLiteral("export_customers"),             "xxx...."},
        {QStringLiteral("manage_market_research"),       "xxx...."},
        {QStringLiteral("manage_negotiations"),          "xxx...."},
        {QStringLiteral("draft_contract"),               "xx....."},
        {QStringLiteral("read_contracts"),               "xxxxxx."},
        {QStringLiteral("legal_review_contract"),        "....x.."},
        {QStringLiteral("finance_review_contract"),      "...x..."},
        {QStringLiteral("approve_contract"),             "x......"},
        {QStringLiteral("executive_approve_contract"),   ".....x."},
        {QStringLiteral("apply_entertainment"),          "xxx...."},
        {QStringLiteral("approve_entertainment"),        "xx...x."},
        {QStringLiteral("finance_review_entertainment"), "...x..."},
        {QStringLiteral("read_all_entertainment"),       "x..x.x."},
        {QStringLiteral("manage_recruitment"),           "xx....."},
        {QStringLiteral("manage_training"),              "xx....."},
        {QStringLiteral("run_appraisals"),               "xx....."},
        {QStringLiteral("calibrate_appraisals"),         "x......"},
        {QStringLiteral("view_reports"),                 "xx.x.x."},
    };
    return matrix;
}

const Role columns[] = {Role::Director, Role::Manager, Role::Specialist, Role::Finance,
                        Role::Legal,    Role::Executive, Role::Admin};

} // namespace

TEST(PermissionMatrix, every_role_and_every_action_is_written_out)
{
    ASSERT_EQ(std::size(columns), static_cast<size_t>(allRoles().size()));
    for (Role role : allRoles())
        EXPECT_NE(std::find(std::begin(columns), std::end(columns), role), std::end(columns)) << roleName(role).toStdString();
    EXPECT_EQ(expectedMatrix().size(), static_cast<size_t>(allActions().size()))
        << "a new Action needs its row in this test";
    for (Action action : allActions())
        EXPECT_TRUE(expectedMatrix().count(actionName(action))) << "no row for " << actionName(action).toStdString();
}

TEST(PermissionMatrix, each_cell_allows_or_denies_as_written)
{
    for (Action action : allActions()) {
        const auto row = expectedMatrix().find(actionName(action));
        if (row == expectedMatrix().end())
            continue; // reported by the test above
        for (size_t column = 0; column < std::size(columns); ++column) {
            const bool expected = row->second[column] == 'x';
            EXPECT_EQ(PermissionTable::allows(columns[column], action), expected)
                << roleName(columns[column]).toStdString() << " × " << actionName(action).toStdString();
            EXPECT_EQ(PermissionTable::allows(RoleSet{columns[column]}, action), expected)
                << "as a role set: " << roleName(columns[column]).toStdString() << " × "
                << actionName(action).toStdString();
        }
    }
}

TEST(PermissionMatrix, several_roles_allow_what_any_of_them_allows)
{
    const RoleSet directorAndAdmin{Role::Director, Role::Admin};
    EXPECT_TRUE(PermissionTable::allows(directorAndAdmin, Action::ManageUsers));
    EXPECT_TRUE(PermissionTable::allows(directorAndAdmin, Action::EditPolicy));
    EXPECT_FALSE(PermissionTable::allows(directorAndAdmin, Action::LegalReviewContract));
    EXPECT_FALSE(PermissionTable::allows(RoleSet{}, Action::ReadContracts));
}

TEST(PermissionMatrix, admins_take_no_business_approvals)
{
    for (Action action : {Action::ApproveContract, Action::ExecutiveApproveContract, Action::ApproveEntertainment,
                          Action::FinanceReviewEntertainment, Action::LegalReviewContract, Action::FinanceReviewContract})
        EXPECT_FALSE(PermissionTable::allows(Role::Admin, action)) << actionName(action).toStdString();
}
