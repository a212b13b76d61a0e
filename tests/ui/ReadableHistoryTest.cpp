#include "domain/entertainment/Expense.h"
#include "services/entertainment/EntertainmentModule.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/identity/IdentityService.h"
#include "services/identity/TeamModule.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"
#include "ui/common/AuditHistoryView.h"
#include "ui/entertainment/EntertainmentPage.h"

#include <QHeaderView>
#include <QRegularExpression>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

class ReadableHistoryTest : public bizdesk::testing::BackendTest
{
};

/// Every cell the user sees in a list, one line per row.
QString renderedText(const QTreeWidget *list)
{
    QStringList rows;
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < list->columnCount(); ++column)
            cells << list->topLevelItem(row)->text(column);
        rows << cells.join(QStringLiteral(" | "));
    }
    return rows.join(QLatin1Char('\n'));
}

/// What a reader must never see: stored state names, raw field keys, JSON booleans, logins.
void expectReadable(const QString &text)
{
    for (const char *raw : {"pending_", "draft", "approved", "true", "false", "sales1", "sales2", "manager1", "director",
                            "{", "\""})
        EXPECT_FALSE(text.contains(QLatin1String(raw))) << "shows " << raw << " in:\n" << text.toStdString();
    // A recorded key as the label of a change ("guests: …" at the start of a change or after "; ").
    static const QRegularExpression rawKey(QStringLiteral("(^|; |\\| )[a-z_]+:"));
    EXPECT_FALSE(text.contains(rawKey)) << "a raw field key in:\n" << text.toStdString();
}

} // namespace

TEST_P(ReadableHistoryTest, entertainment_history_shows_names_labels_and_state_names)
{
    domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm();
    form.staff = {organisation().id(QStringLiteral("sales1")), organisation().id(QStringLiteral("sales2"))};
    services::EntertainmentService applicant(as(QStringLiteral("sales1")));
    const qint64 id = applicant.submit(applicant.apply(form).id).id;
    services::EntertainmentService(as(QStringLiteral("manager1"))).approve(id, QStringLiteral("同意"));

    ui::AuditHistoryView view(as(QStringLiteral("director")));
    view.setRecord({services::expenseRecord, id});
    ASSERT_EQ(view.list()->topLevelItemCount(), 3);
    const QString text = renderedText(view.list());
    expectReadable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("王小明"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("李经理"))) << "the approver by name";
    EXPECT_TRUE(text.contains(QStringLiteral("Company staff: 王小明, 赵丽"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Guests: 王小明, 客户张总"))) << text.toStdString();
    EXPECT_TRUE(text.contains(domain::expenseStateDisplayName(domain::ExpenseState::PendingDeptReview)));
    EXPECT_TRUE(text.contains(QStringLiteral("State: %1 → %2")
                                  .arg(domain::expenseStateDisplayName(domain::ExpenseState::PendingDeptReview),
                                       domain::expenseStateDisplayName(domain::ExpenseState::PendingSuperiorApproval))))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Submitted for approval")));
    EXPECT_TRUE(text.contains(QStringLiteral("; Comment: 同意"))) << "a comment has no before value";
}

TEST_P(ReadableHistoryTest, approval_timeline_and_history_pane_of_the_entertainment_page_are_readable)
{
    services::EntertainmentService applicant(as(QStringLiteral("sales1")));
    const qint64 id = applicant.submit(applicant.apply(bizdesk::testing::sampleExpenseForm()).id).id;
    services::EntertainmentService(as(QStringLiteral("manager1"))).approve(id, QStringLiteral("同意"));
    ui::EntertainmentPage page(as(QStringLiteral("director")));
    page.show();
    ASSERT_TRUE(page.showRecord({services::expenseRecord, id}));
    int lists = 0;
    for (const QTreeWidget *list : page.findChildren<QTreeWidget *>()) {
        if (list->topLevelItemCount() == 0)
            continue;
        ++lists;
        const QString text = renderedText(list);
        expectReadable(text);
        EXPECT_TRUE(text.contains(QStringLiteral("李经理"))) << text.toStdString();
    }
    EXPECT_EQ(lists, 3) << "the route, the approval timeline and the change history";
}

TEST_P(ReadableHistoryTest, team_history_shows_yes_no_roles_departments_and_superiors_by_name)
{
    services::IdentityService identity(as(QStringLiteral("admin")));
    domain::User user = identity.user(QStringLiteral("sales2"));
    user.active = false;
    user.superiorId = organisation().id(QStringLiteral("director"));
    user.departmentId = organisation().department(QStringLiteral("商务二部"));
    user.roles.add(domain::Role::Manager);
    identity.updateUser(user);

    ui::AuditHistoryView view(as(QStringLiteral("admin")));
    view.setRecord({services::userRecord, user.id});
    ASSERT_GE(view.list()->topLevelItemCount(), 1);
    const QString change = view.list()->topLevelItem(0)->text(4);
    expectReadable(change);
    EXPECT_TRUE(change.contains(QStringLiteral("Active: Yes → No"))) << change.toStdString();
    EXPECT_TRUE(change.contains(QStringLiteral("Superior: 李经理 → 张建华"))) << change.toStdString();
    EXPECT_TRUE(change.contains(QStringLiteral("Department: 商务一部 → 商务二部"))) << change.toStdString();
    EXPECT_TRUE(change.contains(domain::roleDisplayName(domain::Role::Manager))) << change.toStdString();
    EXPECT_EQ(view.list()->topLevelItem(0)->text(1), QStringLiteral("系统管理员")) << "who, by display name";
    EXPECT_EQ(view.list()->topLevelItem(0)->text(3), QStringLiteral("Person changed"));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReadableHistoryTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
