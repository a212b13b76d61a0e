#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::CliHarness;

namespace {

class CompanyCommands : public ::testing::TestWithParam<bizdesk::testing::Backend>
{
protected:
    void SetUp() override
    {
        if (GetParam() == bizdesk::testing::Backend::PostgreSql && bizdesk::testing::postgresAdminUrl().isEmpty())
            GTEST_SKIP() << "BIZDESK_TEST_POSTGRES is not set";
        m_scratch = std::make_unique<bizdesk::testing::ScratchDatabase>(GetParam());
        m_cli = std::make_unique<CliHarness>(m_scratch->location());
        ASSERT_EQ(m_cli->init().exitCode, 0);
    }
    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    std::unique_ptr<CliHarness> m_cli;
};

} // namespace

TEST_P(CompanyCommands, the_administrator_sets_the_profile_that_everybody_reads)
{
    const auto set = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"set"_s, u"--name"_s, u"华信软件有限公司"_s,
                                               u"--address"_s, u"上海市浦东新区"_s, u"--time-zone"_s, u"Asia/Shanghai"_s});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_EQ(set.json()[u"name"_s].toString(), u"华信软件有限公司"_s);
    EXPECT_EQ(set.json()[u"time_zone"_s].toString(), u"Asia/Shanghai"_s);
    EXPECT_EQ(set.json()[u"version"_s].toInt(), 1);

    // --phone alone keeps the address and the zone.
    const auto phone = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"set"_s, u"--name"_s, u"华信软件有限公司"_s, u"--phone"_s, u"021-5555"_s});
    ASSERT_EQ(phone.exitCode, 0) << phone.err.toStdString();
    const auto shown = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"show"_s});
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_EQ(shown.json()[u"address"_s].toString(), u"上海市浦东新区"_s);
    EXPECT_EQ(shown.json()[u"phone"_s].toString(), u"021-5555"_s);
    EXPECT_EQ(shown.json()[u"time_zone"_s].toString(), u"Asia/Shanghai"_s);
}

TEST_P(CompanyCommands, bad_input_and_stale_versions_change_nothing)
{
    const auto zone = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"set"_s, u"--name"_s, u"甲"_s, u"--time-zone"_s, u"Mars/Olympus"_s});
    EXPECT_EQ(zone.exitCode, 2);
    EXPECT_TRUE(zone.error()[u"message"_s].toString().contains(u"time-zone"_s)) << zone.err.toStdString();
    const auto empty = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"set"_s, u"--name"_s, u"  "_s});
    EXPECT_EQ(empty.exitCode, 2);
    ASSERT_EQ(m_cli->runAs(u"boss"_s, {u"company"_s, u"set"_s, u"--name"_s, u"甲公司"_s}).exitCode, 0);
    const auto stale = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"set"_s, u"--name"_s, u"乙公司"_s, u"--version"_s, u"0"_s});
    EXPECT_EQ(stale.exitCode, 4);
    const auto shown = m_cli->runAs(u"boss"_s, {u"--json"_s, u"company"_s, u"show"_s});
    EXPECT_EQ(shown.json()[u"name"_s].toString(), u"甲公司"_s);
    EXPECT_EQ(shown.json()[u"version"_s].toInt(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CompanyCommands,
                         ::testing::Values(bizdesk::testing::Backend::Sqlite, bizdesk::testing::Backend::PostgreSql),
                         bizdesk::testing::backendLabel);
