// Issue 8 §3: on PostgreSQL the logins people use are members of the group role bizdesk_app,
// which may read and append to the audit trail but never rewrite it.
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::Backend;
using bizdesk::testing::CliHarness;
using bizdesk::testing::ScratchDatabase;

namespace {

/// A login role for one test, dropped again afterwards (roles belong to the whole server).
class MemberLogin
{
public:
    explicit MemberLogin(const ScratchDatabase &scratch)
        : m_ownerLocation(scratch.location())
        , m_name(QStringLiteral("bizdesk_member_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12)))
    {
        // What the DBA does (docs/architecture.md): a login per person, member of bizdesk_app.
        asOwner(QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE bizdesk_app").arg(m_name));
    }
    ~MemberLogin()
    {
        try {
            asOwner(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_name));
        } catch (const std::exception &) {
            // the throwaway server goes away with the test run
        }
    }
    MemberLogin(const MemberLogin &) = delete;
    MemberLogin &operator=(const MemberLogin &) = delete;

    /// The scratch database, reached as this login.
    QString location() const
    {
        QUrl url(m_ownerLocation);
        url.setUserName(m_name);
        url.setPassword({});
        return url.toString();
    }

private:
    void asOwner(const QString &sql) const
    {
        auto owner = storage::Database::open(m_ownerLocation, storage::Database::CreateMode::MustExist);
        owner->execute(sql);
    }

    QString m_ownerLocation;
    QString m_name;
};

} // namespace

TEST(PostgreSqlApplicationRole, a_member_login_works_normally_but_cannot_update_delete_or_truncate_the_audit_trail)
{
    if (bizdesk::testing::postgresAdminUrl().isEmpty())
        GTEST_SKIP() << "PostgreSQL test server not configured (BIZDESK_TEST_POSTGRES)";
    ScratchDatabase scratch(Backend::PostgreSql);
    const auto init = CliHarness(scratch.location()).init(); // the owner creates the schema and bizdesk_app
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const MemberLogin member(scratch);

    // Day-to-day work as the member login: log in, add and read customers, read the trail.
    const CliHarness cli(member.location());
    const auto whoami = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("whoami")});
    EXPECT_EQ(whoami.exitCode, 0) << whoami.err.toStdString();
    const auto dept = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("商务一部")});
    EXPECT_EQ(dept.exitCode, 0) << dept.err.toStdString();
    const auto added = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"),
                                                         QStringLiteral("--name"), QStringLiteral("权限测试有限公司")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString id = QString::number(added.json().value(QStringLiteral("id")).toInteger());
    const auto shown = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("show"), id});
    EXPECT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    const auto log = cli.runAs(QStringLiteral("boss"), {QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("log")});
    EXPECT_EQ(log.exitCode, 0) << log.err.toStdString();
    const auto verify = cli.run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    ASSERT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    const qint64 entries = verify.json().value(QStringLiteral("entries")).toInteger();
    EXPECT_GE(entries, 3);

    // The same login running its own SQL may not rewrite history, nor the schema version.
    auto raw = storage::Database::open(member.location(), storage::Database::CreateMode::MustExist);
    for (const QString &sql : {QStringLiteral("UPDATE audit_log SET actor_login = 'someone else'"),
                               QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"),
                               QStringLiteral("TRUNCATE audit_log"),
                               QStringLiteral("UPDATE bizdesk_schema SET version = 1")}) {
        QSqlQuery query(raw->connection());
        EXPECT_FALSE(query.exec(sql)) << sql.toStdString();
        EXPECT_TRUE(query.lastError().text().contains(QStringLiteral("permission denied"))) << query.lastError().text().toStdString();
    }
    // Business tables stay writable to it (the application changes them).
    QSqlQuery update(raw->connection());
    EXPECT_TRUE(update.exec(QStringLiteral("UPDATE customers SET notes = notes WHERE id = %1").arg(id))) << update.lastError().text().toStdString();
    raw.reset();

    const auto after = CliHarness(scratch.location()).run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(after.exitCode, 0) << after.err.toStdString();
    EXPECT_EQ(after.json().value(QStringLiteral("entries")).toInteger(), entries);
}
