#include "cli/CommandLine.h"
#include "services/customers/CustomerService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstdio>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

class CustomerCommandsTest : public BackendTest
{
protected:
    struct Result
    {
        int exit = 0;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QString &login, QStringList arguments)
    {
        qputenv("BIZDESK_PASSWORD", bizdesk::testing::TestOrganisation::password.toUtf8());
        cli::CommandLine commandLine;
        cli::registerAllCommands(commandLine);
        arguments = QStringList{QStringLiteral("--db"), m_scratch->location(), QStringLiteral("--as"), login,
                                QStringLiteral("--json")} + arguments;
        std::FILE *out = std::tmpfile();
        std::FILE *err = std::tmpfile();
        Result result;
        result.exit = commandLine.run(arguments, out, err);
        for (auto [file, target] : {std::pair{out, &result.out}, std::pair{err, &result.err}}) {
            std::rewind(file);
            char buffer[4096];
            std::size_t n = 0;
            while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
                target->append(buffer, static_cast<qsizetype>(n));
            std::fclose(file);
        }
        return result;
    }
};

} // namespace

TEST_P(CustomerCommandsTest, add_stage_contact_and_exit_codes_follow_the_contract)
{
    const Result added = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                                                        QStringLiteral("北京华信"), QStringLiteral("--class"), QStringLiteral("key")});
    ASSERT_EQ(added.exit, 0) << added.err.toStdString();
    const QJsonObject customer = QJsonDocument::fromJson(added.out).object();
    EXPECT_EQ(customer.value(QStringLiteral("class")).toString(), QStringLiteral("key"));
    EXPECT_EQ(customer.value(QStringLiteral("stage")).toString(), QStringLiteral("lead"));
    const QString id = QString::number(customer.value(QStringLiteral("id")).toInteger());

    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("won")}).exit, 4);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("signed")}).exit, 2);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("lost")}).exit, 2);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("contacted")}).exit, 0);
    EXPECT_EQ(run(QStringLiteral("sales2"), {QStringLiteral("customer"), QStringLiteral("show"), id}).exit, 3);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("99999")}).exit, 5);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral(" ")}).exit, 2);
    const Result duplicate = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("北京 华信")});
    EXPECT_EQ(duplicate.exit, 4);
    EXPECT_TRUE(duplicate.err.contains("\"kind\":\"conflict\"")) << duplicate.err.toStdString();
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("contact"), id, QStringLiteral("--kind"), QStringLiteral("call"),
                                             QStringLiteral("--note"), QStringLiteral(" ")}).exit, 2);
    const Result contact = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("contact"), id, QStringLiteral("--kind"),
                                                          QStringLiteral("visit"), QStringLiteral("--note"), QStringLiteral("上门拜访")});
    EXPECT_EQ(contact.exit, 0) << contact.err.toStdString();
    const Result search = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("search"), QStringLiteral("华信")});
    EXPECT_EQ(QJsonDocument::fromJson(search.out).object().value(QStringLiteral("customers")).toArray().size(), 1);
}

TEST_P(CustomerCommandsTest, import_dry_run_reports_rejections_and_writes_nothing)
{
    const Result result = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("import"),
                                                         QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fixtures/customers/utf8-bom-zh_TW.csv"),
                                                         QStringLiteral("--dry-run")});
    ASSERT_EQ(result.exit, 0) << result.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(result.out).object();
    EXPECT_EQ(report.value(QStringLiteral("imported")).toInt(), 2);
    EXPECT_EQ(report.value(QStringLiteral("rejected")).toArray().size(), 4);
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("director"))).count({}), 0);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("import"),
                                             QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fixtures/customers/truncated.csv")}).exit, 2);
}

TEST_P(CustomerCommandsTest, a_refused_add_with_owner_writes_nothing)
{
    // manager1 may not give a customer to sales3 (another department): exit 3 and nothing written.
    const Result refused = run(QStringLiteral("manager1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                                                            QStringLiteral("越权客户"), QStringLiteral("--owner"), QStringLiteral("sales3"),
                                                            QStringLiteral("--contact"), QStringLiteral("张伟")});
    EXPECT_EQ(refused.exit, 3) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("\"kind\":\"denied\"")) << refused.err.toStdString();
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("director"))).count({}), 0);
    EXPECT_EQ(storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_kind = 'customer'")).scalar().toLongLong(), 0);
    EXPECT_EQ(storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM customer_contacts")).scalar().toLongLong(), 0);

    // The command that lists who may own a customer says the same.
    const Result owners = run(QStringLiteral("manager1"), {QStringLiteral("customer"), QStringLiteral("owners")});
    ASSERT_EQ(owners.exit, 0) << owners.err.toStdString();
    const QJsonObject choices = QJsonDocument::fromJson(owners.out).object();
    QStringList logins;
    for (const QJsonValue &owner : choices.value(QStringLiteral("owners")).toArray())
        logins << owner.toObject().value(QStringLiteral("login")).toString();
    EXPECT_EQ(logins.first(), QStringLiteral("manager1"));
    logins.sort();
    EXPECT_EQ(logins, (QStringList{QStringLiteral("manager1"), QStringLiteral("sales1"), QStringLiteral("sales2")}));
    EXPECT_TRUE(choices.value(QStringLiteral("pool")).toBool());
    EXPECT_EQ(run(QStringLiteral("manager1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("一部客户"),
                                               QStringLiteral("--owner"), QStringLiteral("sales2")}).exit, 0);
}

TEST_P(CustomerCommandsTest, version_option_refuses_stale_edits_and_transitions_with_exit_4)
{
    const Result added = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("北京华信")});
    ASSERT_EQ(added.exit, 0) << added.err.toStdString();
    const QJsonObject customer = QJsonDocument::fromJson(added.out).object();
    const QString id = QString::number(customer.value(QStringLiteral("id")).toInteger());
    const QString seen = QString::number(customer.value(QStringLiteral("version")).toInt());
    const auto show = [&] {
        return QJsonDocument::fromJson(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("show"), id}).out).object();
    };
    const auto customerAudits = [&] {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_kind = 'customer'")).scalar().toLongLong();
    };

    const Result first = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("contacted"),
                                                        QStringLiteral("--version"), seen});
    ASSERT_EQ(first.exit, 0) << first.err.toStdString();
    const QString current = QString::number(QJsonDocument::fromJson(first.out).object().value(QStringLiteral("version")).toInt());
    const qint64 audits = customerAudits();

    // A script that still holds the first version loses, with exit 4, and changes nothing.
    const Result staleStage = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("needs_analysis"),
                                                             QStringLiteral("--version"), seen});
    EXPECT_EQ(staleStage.exit, 4);
    EXPECT_TRUE(staleStage.err.contains("\"kind\":\"conflict\"")) << staleStage.err.toStdString();
    const Result staleEdit = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("edit"), id, QStringLiteral("--notes"),
                                                            QStringLiteral("过时"), QStringLiteral("--version"), seen});
    EXPECT_EQ(staleEdit.exit, 4) << staleEdit.err.toStdString();
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("release"), id, QStringLiteral("--version"), seen}).exit, 4);
    EXPECT_EQ(run(QStringLiteral("manager1"), {QStringLiteral("customer"), QStringLiteral("assign"), id, QStringLiteral("sales2"),
                                               QStringLiteral("--version"), seen}).exit, 4);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("stage"), id, QStringLiteral("needs_analysis"),
                                             QStringLiteral("--version"), QStringLiteral("0")}).exit, 2);
    EXPECT_EQ(customerAudits(), audits);
    QJsonObject now = show();
    EXPECT_EQ(now.value(QStringLiteral("stage")).toString(), QStringLiteral("contacted"));
    EXPECT_EQ(now.value(QStringLiteral("notes")).toString(), QString());
    EXPECT_EQ(now.value(QStringLiteral("owner")).toString(), QStringLiteral("sales1"));

    // With the current version the edit goes through.
    const Result edit = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("edit"), id, QStringLiteral("--notes"),
                                                       QStringLiteral("新备注"), QStringLiteral("--version"), current});
    EXPECT_EQ(edit.exit, 0) << edit.err.toStdString();
    EXPECT_EQ(show().value(QStringLiteral("notes")).toString(), QStringLiteral("新备注"));

    // Complaints carry their own version.
    const Result complaint = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("contact"), id, QStringLiteral("--kind"),
                                                            QStringLiteral("complaint"), QStringLiteral("--note"), QStringLiteral("交付延期")});
    ASSERT_EQ(complaint.exit, 0) << complaint.err.toStdString();
    const QJsonObject entry = QJsonDocument::fromJson(complaint.out).object();
    const QString logId = QString::number(entry.value(QStringLiteral("id")).toInteger());
    const QString logVersion = QString::number(entry.value(QStringLiteral("version")).toInt());
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("complaint"), logId, QStringLiteral("--status"),
                                             QStringLiteral("in_progress"), QStringLiteral("--version"), logVersion}).exit, 0);
    EXPECT_EQ(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("complaint"), logId, QStringLiteral("--status"),
                                             QStringLiteral("resolved"), QStringLiteral("--resolution"), QStringLiteral("补发"),
                                             QStringLiteral("--version"), logVersion}).exit, 4);
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerCommandsTest);
