#include "UiTestSupport.h"

#include "services/company/CompanyService.h"
#include "support/TestDatabase.h"
#include "ui/company/CompanyProfileDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

class CompanyProfileDialogTest : public bizdesk::testing::BackendTest
{
protected:
    static QPushButton *saveButton(ui::CompanyProfileDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>(u"buttonBox"_s)->button(QDialogButtonBox::Save);
    }
};

} // namespace

TEST_P(CompanyProfileDialogTest, the_administrator_types_the_name_picks_the_zone_and_saves)
{
    ui::CompanyProfileDialog dialog(as(u"admin"_s));
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    auto *zone = dialog.findChild<QComboBox *>(u"zoneCombo"_s);
    ASSERT_NE(saveButton(dialog), nullptr);
    EXPECT_FALSE(saveButton(dialog)->isEnabled()); // no name yet
    bizdesk::testing::typeText(name, u"华信软件有限公司"_s);
    EXPECT_TRUE(saveButton(dialog)->isEnabled());
    const int shanghai = zone->findData(u"Asia/Shanghai"_s);
    ASSERT_GE(shanghai, 0);
    zone->setCurrentIndex(shanghai);
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);

    const domain::CompanyProfile saved = services::CompanyService(as(u"sales1"_s)).profile();
    EXPECT_EQ(saved.name, u"华信软件有限公司"_s);
    EXPECT_EQ(saved.timeZone, u"Asia/Shanghai"_s);
    EXPECT_EQ(as(u"admin"_s).calendar().zoneId(), u"Asia/Shanghai"_s);
}

TEST_P(CompanyProfileDialogTest, others_see_the_profile_read_only)
{
    services::CompanyService admin(as(u"admin"_s));
    domain::CompanyProfile profile = admin.profile();
    profile.name = u"华信软件有限公司"_s;
    admin.update(profile);

    ui::CompanyProfileDialog dialog(as(u"sales1"_s));
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    EXPECT_EQ(name->text(), u"华信软件有限公司"_s);
    EXPECT_TRUE(name->isReadOnly());
    EXPECT_FALSE(dialog.findChild<QComboBox *>(u"zoneCombo"_s)->isEnabled());
    EXPECT_EQ(saveButton(dialog), nullptr);
}

BIZDESK_INSTANTIATE_BACKENDS(CompanyProfileDialogTest);
