#include "UiTestSupport.h"

#include "services/customers/CustomerModule.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/CustomerService.h"
#include "services/customers/MarketResearchService.h"
#include "services/customers/RetentionService.h"
#include "support/TestDatabase.h"
#include "ui/customers/CustomersPage.h"
#include "ui/shell/Application.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

class LabelsAndPreferencesTest : public bizdesk::testing::BackendTest
{
};

/// The text of every italic run in `document`.
QStringList italicRuns(const QTextDocument *document)
{
    QStringList runs;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().fontItalic())
                runs << it.fragment().text();
        }
    }
    return runs;
}

} // namespace

TEST_P(LabelsAndPreferencesTest, preferences_name_the_log_levels_in_the_users_language)
{
    const bizdesk::testing::ChineseInterface chinese;
    ui::PreferencesDialog dialog;
    auto *levels = dialog.findChild<QComboBox *>(QStringLiteral("logLevelCombo"));
    ASSERT_NE(levels, nullptr);
    ASSERT_EQ(levels->count(), 4);
    QStringList shown;
    for (int i = 0; i < levels->count(); ++i) {
        shown << levels->itemText(i);
        for (const char *raw : {"debug", "info", "warn", "error"})
            EXPECT_FALSE(levels->itemText(i).contains(QLatin1String(raw), Qt::CaseInsensitive)) << levels->itemText(i).toStdString();
    }
    EXPECT_EQ(shown, (QStringList{QStringLiteral("调试（全部记录，用于排查问题）"), QStringLiteral("信息"), QStringLiteral("警告"),
                                  QStringLiteral("仅错误")}));
    EXPECT_EQ(levels->itemData(1).toString(), QStringLiteral("info")) << "the setting keeps the logger's level name";
}

TEST_P(LabelsAndPreferencesTest, labels_are_upright_in_the_customer_detail_and_the_main_window)
{
    services::CustomerService service(as(QStringLiteral("manager1")));
    services::NewCustomer input;
    input.name = QStringLiteral("上海东方软件有限公司");
    input.industry = QStringLiteral("软件");
    input.phone = QStringLiteral("021-55550000");
    input.notes = QStringLiteral("关注售后服务");
    const qint64 id = service.add(input).id;
    services::CustomerCareService(as(QStringLiteral("manager1"))).recordContact(id, domain::ContactKind::Call, QStringLiteral("电话沟通需求"), m_clock.nowUtc(),
                          QDate(2026, 11, 20));

    ui::CustomersPage page(as(QStringLiteral("manager1")));
    ASSERT_TRUE(page.showRecord({services::customerRecord, id}));
    const QString text = page.detail()->toPlainText();
    ASSERT_TRUE(text.contains(QStringLiteral("Industry"))) << text.toStdString();
    ASSERT_TRUE(text.contains(QStringLiteral("Next follow-up")));
    EXPECT_EQ(italicRuns(page.detail()->document()), QStringList()) << "labels and notes are upright";

    ui::MainWindow window(as(QStringLiteral("manager1")));
    for (const QLabel *label : window.findChildren<QLabel *>())
        EXPECT_FALSE(label->font().italic()) << label->text().toStdString();
}

INSTANTIATE_TEST_SUITE_P(Sqlite, LabelsAndPreferencesTest, ::testing::Values(bizdesk::testing::Backend::Sqlite),
                         bizdesk::testing::backendLabel);
