// Importing another CRM's export (issue 10): a GB18030 file in the column layout of a common
// Chinese CRM keeps class, address with 省/市/区, website, last contact, owner and customer code;
// the columns it does not import are listed; an unmappable class rejects its line; --update
// refreshes instead of duplicating.
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QStringEncoder>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;
using bizdesk::testing::CliHarness;

namespace {

const QString header = QStringLiteral("客户编码,客户名称,客户级别,省,市,区,详细地址,公司网址,联系人,手机,负责人,最近跟进时间,客户来源,创建时间,微信\r\n");

QString crmExport(const QString &huaxinWebsite = QStringLiteral("www.huaxin.cn"))
{
    return header
           + QStringLiteral("KH0001,上海华信科技有限公司,重点客户,上海市,上海市,浦东新区,张江路88号,%1,王经理,13800138001,王小明,2026-10-15 14:30,展会营销,2024-01-02,hx_wang\r\n").arg(huaxinWebsite)
           + QStringLiteral("KH0002,广州明达贸易有限公司,普通客户,广东省,广州市,天河区,体育西路1号,http://mingda.com.cn,陈先生,13900139002,sales1,2026/9/3,老客户介绍,2024-02-03,\r\n")
           + QStringLiteral("KH0003,深圳星河电子有限公司,钻石客户,广东省,深圳市,南山区,科技园1号,,刘女士,13700137003,sales1,2026-08-01,网络,2024-03-04,\r\n");
}

class CustomerImportCommandsTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        m_cli = std::make_unique<CliHarness>(m_scratch->location());
        const auto zone = m_cli->runAs(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("company"), QStringLiteral("set"), QStringLiteral("--name"),
                                                               QStringLiteral("测试公司"), QStringLiteral("--time-zone"), QStringLiteral("Asia/Shanghai")});
        ASSERT_EQ(zone.exitCode, 0) << zone.err.toStdString();
    }
    QString writeGb18030(const QString &name, const QString &text)
    {
        QStringEncoder encoder("GB18030");
        const QByteArray bytes = encoder(text);
        EXPECT_FALSE(encoder.hasError());
        const QString path = m_scratch->pathFor(name);
        bizdesk::testing::writeFile(path, bytes);
        return path;
    }
    bizdesk::testing::CliResult json(const QStringList &arguments) const
    {
        return m_cli->runAs(QStringLiteral("sales1"), QStringList{QStringLiteral("--json")} + arguments);
    }
    QJsonObject customer(const QString &code)
    {
        const auto found = json({QStringLiteral("customer"), QStringLiteral("search"), code});
        const QJsonArray rows = found.json().value(QStringLiteral("customers")).toArray();
        EXPECT_EQ(rows.size(), 1) << found.out.toStdString();
        const QString id = QString::number(rows.first().toObject().value(QStringLiteral("id")).toInteger());
        return json({QStringLiteral("customer"), QStringLiteral("show"), id}).json();
    }
    qint64 count(const char *sql)
    {
        return storage::SqlQuery(database(), QString::fromUtf8(sql)).scalar().toLongLong();
    }
    std::unique_ptr<CliHarness> m_cli;
};

} // namespace

TEST_P(CustomerImportCommandsTest, a_gb18030_crm_export_keeps_everything_or_says_what_it_leaves_out)
{
    const QString path = writeGb18030(QStringLiteral("crm.csv"), crmExport());
    const auto dry = json({QStringLiteral("customer"), QStringLiteral("import"), path, QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_EQ(dry.json().value(QStringLiteral("ignored_columns")).toArray(),
              (QJsonArray{QStringLiteral("创建时间"), QStringLiteral("微信")})); // told before anything is written
    EXPECT_EQ(count("SELECT count(*) FROM customers"), 0);

    const auto imported = json({QStringLiteral("customer"), QStringLiteral("import"), path});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const QJsonObject report = imported.json();
    EXPECT_EQ(report.value(QStringLiteral("encoding")).toString(), QStringLiteral("gb18030"));
    EXPECT_EQ(report.value(QStringLiteral("imported")).toInt(), 2);
    EXPECT_EQ(report.value(QStringLiteral("updated")).toInt(), 0);
    EXPECT_EQ(report.value(QStringLiteral("ignored_columns")).toArray(), (QJsonArray{QStringLiteral("创建时间"), QStringLiteral("微信")}));
    const QJsonArray rejected = report.value(QStringLiteral("rejected")).toArray();
    ASSERT_EQ(rejected.size(), 1);
    EXPECT_EQ(rejected.first().toObject().value(QStringLiteral("line")).toInt(), 4); // 钻石客户: never a silent default
    const QString why = rejected.first().toObject().value(QStringLiteral("error")).toString();
    EXPECT_TRUE(why.startsWith(QStringLiteral("Class:")) && why.contains(QStringLiteral("钻石客户"))) << why.toStdString();

    const QJsonObject huaxin = customer(QStringLiteral("KH0001"));
    EXPECT_EQ(huaxin.value(QStringLiteral("external_code")).toString(), QStringLiteral("KH0001"));
    EXPECT_EQ(huaxin.value(QStringLiteral("class")).toString(), QStringLiteral("key")); // §6.3.3 routing kept
    EXPECT_EQ(huaxin.value(QStringLiteral("address")).toString(), QStringLiteral("上海市浦东新区张江路88号"));
    EXPECT_EQ(huaxin.value(QStringLiteral("website")).toString(), QStringLiteral("www.huaxin.cn"));
    EXPECT_EQ(huaxin.value(QStringLiteral("channel")).toString(), QStringLiteral("exhibition"));
    EXPECT_EQ(huaxin.value(QStringLiteral("phone")).toString().remove(QLatin1Char(' ')), QStringLiteral("13800138001"));
    EXPECT_EQ(QDateTime::fromString(huaxin.value(QStringLiteral("last_contact_at")).toString(), Qt::ISODate).toUTC(),
              QDateTime(QDate(2026, 10, 15), QTime(6, 30), QTimeZone::utc())); // 14:30 in Shanghai
    EXPECT_EQ(huaxin.value(QStringLiteral("owner")).toString(), QStringLiteral("sales1")); // by display name 王小明

    const QJsonObject mingda = customer(QStringLiteral("KH0002"));
    EXPECT_EQ(mingda.value(QStringLiteral("class")).toString(), QStringLiteral("general")); // 普通客户
    EXPECT_EQ(mingda.value(QStringLiteral("address")).toString(), QStringLiteral("广东省广州市天河区体育西路1号"));
    EXPECT_EQ(mingda.value(QStringLiteral("channel")).toString(), QStringLiteral("referral")); // 老客户介绍

    const auto listed = json({QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("KH0002")});
    EXPECT_EQ(listed.json().value(QStringLiteral("customers")).toArray().size(), 1) << listed.out.toStdString();
}

TEST_P(CustomerImportCommandsTest, reimport_with_update_refreshes_matches_and_changes_nothing_else)
{
    const QString path = writeGb18030(QStringLiteral("crm.csv"), crmExport());
    ASSERT_EQ(json({QStringLiteral("customer"), QStringLiteral("import"), path}).exitCode, 0);
    const qint64 customers = count("SELECT count(*) FROM customers");
    const qint64 versions = count("SELECT sum(version) FROM customers");

    const auto refused = json({QStringLiteral("customer"), QStringLiteral("import"), path}).json();
    EXPECT_EQ(refused.value(QStringLiteral("imported")).toInt(), 0);
    EXPECT_EQ(refused.value(QStringLiteral("rejected")).toArray().size(), 3); // duplicates without --update

    const auto again = json({QStringLiteral("customer"), QStringLiteral("import"), path, QStringLiteral("--update")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.json().value(QStringLiteral("updated")).toInt(), 2);
    EXPECT_EQ(again.json().value(QStringLiteral("unchanged")).toInt(), 2);
    EXPECT_EQ(again.json().value(QStringLiteral("imported")).toInt(), 0);
    EXPECT_EQ(count("SELECT count(*) FROM customers"), customers);
    EXPECT_EQ(count("SELECT sum(version) FROM customers"), versions); // the same file changes nothing

    const QString changed = writeGb18030(QStringLiteral("crm2.csv"), crmExport(QStringLiteral("https://huaxin.example.cn")));
    const auto refreshed = json({QStringLiteral("customer"), QStringLiteral("import"), changed, QStringLiteral("--update")});
    ASSERT_EQ(refreshed.exitCode, 0) << refreshed.err.toStdString();
    EXPECT_EQ(refreshed.json().value(QStringLiteral("updated")).toInt(), 2);
    EXPECT_EQ(refreshed.json().value(QStringLiteral("unchanged")).toInt(), 1);
    EXPECT_EQ(customer(QStringLiteral("KH0001")).value(QStringLiteral("website")).toString(), QStringLiteral("https://huaxin.example.cn"));
    EXPECT_EQ(customer(QStringLiteral("KH0002")).value(QStringLiteral("version")).toInt(), 1);
    EXPECT_EQ(count("SELECT count(*) FROM customers"), customers);
}

TEST_P(CustomerImportCommandsTest, messages_speak_the_users_language_with_field_labels_and_accepted_values)
{
    QTranslator chinese;
    ASSERT_TRUE(chinese.load(QStringLiteral(":/i18n/bizdesk_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const QString path = writeGb18030(QStringLiteral("crm.csv"), crmExport());
    const auto imported = json({QStringLiteral("customer"), QStringLiteral("import"), path, QStringLiteral("--dry-run")});
    const auto add = json({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("某公司"),
                           QStringLiteral("--class"), QStringLiteral("vip")});
    QCoreApplication::removeTranslator(&chinese);
    const QString why = imported.json().value(QStringLiteral("rejected")).toArray().first().toObject().value(QStringLiteral("error")).toString();
    EXPECT_TRUE(why.startsWith(QStringLiteral("客户类别："))) << why.toStdString(); // the label, never the key "class"
    EXPECT_TRUE(why.contains(QStringLiteral("重点客户（key）"))) << why.toStdString();
    EXPECT_EQ(add.exitCode, 2);
    EXPECT_TRUE(add.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("一般客户（general）"))) << add.err.toStdString();
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerImportCommandsTest);
