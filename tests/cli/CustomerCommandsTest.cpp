#include "cli/CommandLine.h"
#include "services/customers/CustomerService.h"
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

BIZDESK_INSTANTIATE_BACKENDS(CustomerCommandsTest);
