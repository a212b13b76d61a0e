#include "UiTestSupport.h"

#include "services/customers/CustomerModule.h"
#include "services/identity/IdentityService.h"
#include "services/identity/TeamModule.h"
#include "services/modules/ReadableHistory.h"
#include "support/TestDatabase.h"
#include "ui/common/AuditHistoryView.h"
#include "ui/team/PeoplePage.h"
#include "ui/team/UserEditDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

class PeoplePageTest : public bizdesk::testing::BackendTest
{
};

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

QPushButton *saveButton(QWidget *dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save);
}

bool listHas(QTreeWidget *list, int column, const QString &text)
{
    for (QTreeWidgetItemIterator it(list); *it; ++it) {
        if ((*it)->text(column) == text)
            return true;
    }
    return false;
}

} // namespace

TEST_P(PeoplePageTest, lists_people_with_roles_department_superior_and_an_org_chart)
{
    ui::PeoplePage page(as(QStringLiteral("admin")));
    EXPECT_EQ(page.peopleList()->topLevelItemCount(), 10);
    EXPECT_TRUE(listHas(page.peopleList(), 1, QStringLiteral("sales1")));
    EXPECT_TRUE(listHas(page.departmentList(), 0, QStringLiteral("商务一部")));
    // The chart hangs everyone below the executive except admin, who has no superior.
    EXPECT_EQ(page.orgChart()->topLevelItemCount(), 2);
    int inChart = 0;
    for (QTreeWidgetItemIterator it(page.orgChart()); *it; ++it)
        ++inChart;
    EXPECT_EQ(inChart, 10);
}

TEST_P(PeoplePageTest, admin_adds_a_person_by_typing_into_the_dialog)
{
    ui::PeoplePage page(as(QStringLiteral("admin")));
    page.show();
    ASSERT_TRUE(page.newPersonAction()->isVisible());
    bool interacted = false;
    bizdesk::testing::whenModalShown<ui::UserEditDialog>([&](ui::UserEditDialog *dialog) {
        interacted = true;
        EXPECT_FALSE(saveButton(dialog)->isEnabled());
        bizdesk::testing::typeText(child<QLineEdit>(dialog, "loginEdit"), QStringLiteral("wangxm"));
        bizdesk::testing::typeText(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("王小明"));
        QTest::mouseClick(child<QCheckBox>(dialog, "roleSpecialist"), Qt::LeftButton, {}, QPoint(5, 5));
        auto *department = child<QComboBox>(dialog, "departmentCombo");
        department->setCurrentIndex(department->findText(QStringLiteral("商务一部")));
        auto *superior = child<QComboBox>(dialog, "superiorCombo");
        superior->setCurrentIndex(superior->findData(organisation().id(QStringLiteral("manager1"))));
        bizdesk::testing::typeText(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("wangxm@example.cn"));
        bizdesk::testing::typeText(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("long-enough-1"));
        bizdesk::testing::typeText(child<QLineEdit>(dialog, "repeatEdit"), QStringLiteral("long-enough-1"));
        EXPECT_TRUE(saveButton(dialog)->isEnabled()) << dialog->fieldError(QStringLiteral("password")).toStdString();
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
    });
    page.newPersonAction()->trigger();
    EXPECT_TRUE(interacted);

    const domain::User added = services::IdentityService(as(QStringLiteral("admin"))).user(QStringLiteral("wangxm"));
    EXPECT_EQ(added.displayName, QStringLiteral("王小明"));
    EXPECT_TRUE(added.roles.has(domain::Role::Specialist));
    EXPECT_EQ(added.departmentId, organisation().department(QStringLiteral("商务一部")));
    EXPECT_EQ(added.superiorId, organisation().id(QStringLiteral("manager1")));
    EXPECT_TRUE(listHas(page.peopleList(), 1, QStringLiteral("wangxm")));
    ASSERT_TRUE(page.selectedUser().has_value());
    EXPECT_EQ(page.selectedUser()->login, QStringLiteral("wangxm"));
    // The detail pane's history shows the creation.
    EXPECT_GE(page.history()->list()->topLevelItemCount(), 1);
    EXPECT_TRUE(listHas(page.history()->list(), 3, ui::AuditHistoryView::actionLabel(QStringLiteral("user.add"))));
}

TEST_P(PeoplePageTest, weak_password_keeps_save_disabled_and_says_why)
{
    ui::UserEditDialog dialog(as(QStringLiteral("admin")), std::nullopt);
    dialog.show();
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "loginEdit"), QStringLiteral("zhaol"));
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("赵丽"));
    child<QCheckBox>(&dialog, "roleFinance")->setChecked(true);
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("short"));
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "repeatEdit"), QStringLiteral("short"));
    EXPECT_FALSE(saveButton(&dialog)->isEnabled());
    EXPECT_FALSE(dialog.fieldError(QStringLiteral("password")).isEmpty());
    EXPECT_TRUE(dialog.fieldError(QStringLiteral("login")).isEmpty());

    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("-but-longer"));
    EXPECT_TRUE(dialog.fieldError(QStringLiteral("password")).isEmpty());
    EXPECT_FALSE(saveButton(&dialog)->isEnabled()) << "the repeat no longer matches";
    EXPECT_FALSE(dialog.fieldError(QStringLiteral("repeat")).isEmpty());
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "repeatEdit"), QStringLiteral("-but-longer"));
    EXPECT_TRUE(saveButton(&dialog)->isEnabled());

    // A bad e-mail is flagged as typed and blocks Save again.
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "emailEdit"), QStringLiteral("not-an-address"));
    EXPECT_FALSE(dialog.fieldError(QStringLiteral("email")).isEmpty());
    EXPECT_FALSE(saveButton(&dialog)->isEnabled());
}

TEST_P(PeoplePageTest, a_guessable_password_is_flagged_as_typed)
{
    ui::UserEditDialog dialog(as(QStringLiteral("admin")), std::nullopt);
    dialog.show();
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "loginEdit"), QStringLiteral("zhaol"));
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("赵丽"));
    child<QCheckBox>(&dialog, "roleFinance")->setChecked(true);
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("12345678"));
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "repeatEdit"), QStringLiteral("12345678"));
    EXPECT_FALSE(saveButton(&dialog)->isEnabled());
    EXPECT_TRUE(dialog.fieldError(QStringLiteral("password")).contains(QStringLiteral("simple")))
        << dialog.fieldError(QStringLiteral("password")).toStdString();
}

TEST_P(PeoplePageTest, service_errors_appear_under_their_field)
{
    ui::UserEditDialog dialog(as(QStringLiteral("admin")), std::nullopt);
    dialog.show();
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "loginEdit"), QStringLiteral("sales1")); // taken
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("<b>重名</b>"));
    child<QCheckBox>(&dialog, "roleSpecialist")->setChecked(true);
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("long-enough"));
    bizdesk::testing::typeText(child<QLineEdit>(&dialog, "repeatEdit"), QStringLiteral("long-enough"));
    ASSERT_TRUE(saveButton(&dialog)->isEnabled());
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(dialog.fieldError(QStringLiteral("login")).contains(QStringLiteral("sales1")));
}

TEST_P(PeoplePageTest, editing_a_superior_into_a_cycle_is_refused_in_the_dialog)
{
    services::Session &session = as(QStringLiteral("admin"));
    ui::UserEditDialog dialog(session, services::IdentityService(session).user(QStringLiteral("director")));
    dialog.show();
    auto *superior = child<QComboBox>(&dialog, "superiorCombo");
    superior->setCurrentIndex(superior->findData(organisation().id(QStringLiteral("sales1"))));
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(dialog.fieldError(QStringLiteral("superior")).contains(QStringLiteral("§2.1")))
        << dialog.fieldError(QStringLiteral("superior")).toStdString();
}

TEST_P(PeoplePageTest, only_permitted_actions_are_shown)
{
    ui::PeoplePage asManager(as(QStringLiteral("manager1")));
    EXPECT_FALSE(asManager.newPersonAction()->isVisible());
    EXPECT_FALSE(asManager.editPersonAction()->isVisible());
    EXPECT_FALSE(asManager.unlockPersonAction()->isVisible());
    EXPECT_FALSE(asManager.newDepartmentAction()->isVisible());

    asManager.show();
    ASSERT_TRUE(asManager.showRecord({services::userRecord, organisation().id(QStringLiteral("sales1"))}));
    EXPECT_FALSE(asManager.history()->list()->isVisible()) << "the change history is for auditors (§7)";

    ui::PeoplePage asDirector(as(QStringLiteral("director")));
    EXPECT_FALSE(asDirector.newPersonAction()->isVisible()) << "the seeded director is not an admin";
    EXPECT_TRUE(asDirector.newDepartmentAction()->isVisible());
    EXPECT_TRUE(asDirector.departmentHeadAction()->isVisible());
}

TEST_P(PeoplePageTest, unlock_and_enable_act_on_the_selected_person)
{
    services::Session &session = as(QStringLiteral("admin"));
    services::IdentityService(session).disableUser(QStringLiteral("sales3"));
    services::Session anonymous(database(), m_clock);
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_ANY_THROW(services::IdentityService(anonymous).logIn(QStringLiteral("sales1"), QStringLiteral("wrong-password")));

    ui::PeoplePage page(session);
    ASSERT_TRUE(page.showRecord({services::userRecord, organisation().id(QStringLiteral("sales1"))}));
    EXPECT_TRUE(page.unlockPersonAction()->isEnabled());
    EXPECT_FALSE(page.enablePersonAction()->isEnabled());
    page.unlockPersonAction()->trigger();
    EXPECT_FALSE(services::IdentityService(session).user(QStringLiteral("sales1")).isLockedAt(m_clock.nowUtc()));
    EXPECT_FALSE(page.unlockPersonAction()->isEnabled());

    ASSERT_TRUE(page.showRecord({services::userRecord, organisation().id(QStringLiteral("sales3"))}));
    EXPECT_TRUE(page.enablePersonAction()->isEnabled());
    EXPECT_FALSE(page.disablePersonAction()->isEnabled());
    page.enablePersonAction()->trigger();
    EXPECT_TRUE(services::IdentityService(session).user(QStringLiteral("sales3")).active);
}

TEST_P(PeoplePageTest, show_record_selects_the_person)
{
    ui::PeoplePage page(as(QStringLiteral("admin")));
    EXPECT_TRUE(page.showRecord({services::userRecord, organisation().id(QStringLiteral("sales2"))}));
    ASSERT_TRUE(page.selectedUser().has_value());
    EXPECT_EQ(page.selectedUser()->login, QStringLiteral("sales2"));
    EXPECT_FALSE(page.showRecord({services::customerRecord, 1}));
}

TEST_P(PeoplePageTest, history_describes_what_changed_from_before_to_after)
{
    const QString text = services::ReadableHistory(as(QStringLiteral("admin"))).describeChange(
        QStringLiteral("{\"id\":3,\"name\":\"王小明\",\"email\":\"a@b.cn\",\"version\":1}"),
        QStringLiteral("{\"id\":3,\"name\":\"<b>王大明</b>\",\"email\":\"a@b.cn\",\"version\":2}"));
    EXPECT_TRUE(text.contains(QStringLiteral("王小明 → <b>王大明</b>"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("a@b.cn"))) << "unchanged fields are left out";
    EXPECT_FALSE(text.contains(QStringLiteral("version")));
    EXPECT_EQ(ui::AuditHistoryView::actionLabel(QStringLiteral("module.unknown")), QStringLiteral("module.unknown"));
}

TEST_P(PeoplePageTest, selecting_a_department_shows_the_department_not_the_last_person)
{
    ui::PeoplePage page(as(QStringLiteral("admin")));
    page.resize(1000, 600);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    // A person first, as a user browsing the team would.
    ASSERT_TRUE(page.showRecord({services::userRecord, organisation().id(QStringLiteral("sales2"))}));
    const QString person = organisation().user(QStringLiteral("sales2")).displayName;
    ASSERT_EQ(page.detailTitle()->text(), person);

    auto *views = page.departmentList()->parentWidget()->parentWidget();
    auto *tabs = qobject_cast<QTabWidget *>(views);
    ASSERT_NE(tabs, nullptr);
    tabs->setCurrentWidget(page.departmentList());
    EXPECT_NE(page.detailTitle()->text(), person) << "switching to departments leaves the person";
    QTreeWidgetItem *second = nullptr;
    for (QTreeWidgetItemIterator it(page.departmentList()); *it; ++it) {
        if ((*it)->text(0) == QStringLiteral("商务二部"))
            second = *it;
    }
    ASSERT_NE(second, nullptr);
    const QRect rect = page.departmentList()->visualItemRect(second);
    QTest::mouseClick(page.departmentList()->viewport(), Qt::LeftButton, {}, rect.center());
    const QString head = organisation().user(QStringLiteral("manager2")).displayName;
    EXPECT_EQ(page.detailTitle()->text(), QStringLiteral("商务二部"));
    EXPECT_TRUE(page.detailText()->text().contains(head)) << page.detailText()->text().toStdString();
    EXPECT_FALSE(page.detailText()->text().contains(QStringLiteral("Login")));
    EXPECT_TRUE(page.departmentHeadAction()->isEnabled());

    page.refresh(); // as after any saved change
    EXPECT_EQ(page.detailTitle()->text(), QStringLiteral("商务二部")) << "still the department after a refresh";
    EXPECT_EQ(page.departmentList()->currentItem()->text(0), QStringLiteral("商务二部"));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PeoplePageTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
