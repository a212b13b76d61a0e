#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"
#include "ui/identity/FirstRunDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::Backend;
using bizdesk::testing::ScratchDatabase;

namespace {

QLineEdit *field(QDialog &dialog, const char *name)
{
    return dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
}

/// QTest::keyClicks only knows ASCII keys; Chinese arrives through the input method, which
/// inserts the composed text at once.
void type(QLineEdit *edit, const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

} // namespace

TEST(FirstRunDialog, creates_the_first_account_only_when_the_form_is_complete)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    ui::FirstRunDialog dialog(*database);
    dialog.show();
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());

    type(field(dialog, "nameEdit"), QStringLiteral("张建华"));
    type(field(dialog, "loginEdit"), QStringLiteral("zhangjh"));
    type(field(dialog, "passwordEdit"), QStringLiteral("short"));
    EXPECT_FALSE(ok->isEnabled()) << "a short password keeps the button disabled";
    type(field(dialog, "passwordEdit"), QStringLiteral("-but-now-long"));
    type(field(dialog, "repeatEdit"), QStringLiteral("different"));
    EXPECT_FALSE(ok->isEnabled()) << "passwords that differ keep the button disabled";
    field(dialog, "repeatEdit")->clear();
    type(field(dialog, "repeatEdit"), QStringLiteral("short-but-now-long"));
    EXPECT_TRUE(ok->isEnabled());

    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.createdLogin(), QStringLiteral("zhangjh"));
    EXPECT_GT(database->schemaVersion(), 0);
    EXPECT_EQ(storage::SqlQuery(*database, QStringLiteral("SELECT roles FROM users")).scalar().toString(),
              QStringLiteral("director,admin"));
}

TEST(FirstRunDialog, an_invalid_login_is_explained_and_nothing_is_created)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    ui::FirstRunDialog dialog(*database);
    dialog.show();
    type(field(dialog, "nameEdit"), QStringLiteral("张建华"));
    type(field(dialog, "loginEdit"), QStringLiteral("张 建华"));
    type(field(dialog, "passwordEdit"), QStringLiteral("long-enough-1"));
    type(field(dialog, "repeatEdit"), QStringLiteral("long-enough-1"));
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->text().contains(QStringLiteral("login")));
    EXPECT_EQ(database->schemaVersion(), 0) << "schema and account are one transaction";
}

TEST(FirstRunDialog, a_guessable_password_is_explained_with_the_services_rule)
{
    ScratchDatabase scratch(Backend::Sqlite);
    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
    ui::FirstRunDialog dialog(*database);
    dialog.show();
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    type(field(dialog, "nameEdit"), QStringLiteral("张建华"));
    type(field(dialog, "loginEdit"), QStringLiteral("zhangjh"));
    for (const auto &[password, reason] : {std::pair{QStringLiteral("12345678"), QStringLiteral("simple")},
                                           std::pair{QStringLiteral("sunshine"), QStringLiteral("dictionary")},
                                           std::pair{QStringLiteral("zhangjh-2026"), QStringLiteral("login")}}) {
        field(dialog, "passwordEdit")->clear();
        field(dialog, "repeatEdit")->clear();
        type(field(dialog, "passwordEdit"), password);
        type(field(dialog, "repeatEdit"), password);
        EXPECT_FALSE(ok->isEnabled()) << password.toStdString();
        EXPECT_FALSE(error->isHidden()) << password.toStdString();
        EXPECT_TRUE(error->text().contains(reason)) << password.toStdString() << ": " << error->text().toStdString();
    }
    // Changing the login re-checks the password against the new login.
    field(dialog, "loginEdit")->clear();
    type(field(dialog, "loginEdit"), QStringLiteral("director"));
    EXPECT_TRUE(ok->isEnabled()) << error->text().toStdString();
}
