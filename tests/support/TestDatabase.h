#pragma once

#include "domain/Clock.h"
#include "domain/identity/User.h"
#include "services/Session.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <map>
#include <memory>

namespace bizdesk::testing {

enum class Backend { Sqlite, PostgreSql };
std::string backendLabel(const ::testing::TestParamInfo<Backend> &info);

/// SHA-256 of a file's bytes: "left byte-for-byte untouched" checks.
QByteArray fileDigest(const QString &path);
/// Writes `bytes` to a new file (fixtures that are not databases).
void writeFile(const QString &path, const QByteArray &bytes);

/// The throwaway PostgreSQL started by scripts/test: postgresql://user@127.0.0.1:port/postgres.
/// Empty when not set; tests on PostgreSQL are then skipped (reported, never silently passed).
QString postgresAdminUrl();

/// A fresh, empty database on one backend: a SQLite file in a temp folder, or a newly created
/// PostgreSQL database dropped afterwards.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(Backend backend);
    ~ScratchDatabase();

    const QString &location() const { return m_location; }
    Backend backend() const { return m_backend; }
    /// A SQLite path in the same temp folder (for backups, imports, exports).
    QString pathFor(const QString &fileName) const;

private:
    Backend m_backend;
    QTemporaryDir m_folder;
    QString m_location;
    QString m_postgresName;
};

/// A migrated database with a small organisation, seeded fast (one password hash per process):
///   总经办: executive (head), director (superior: executive)
///   商务一部: manager1 (head, superior director), sales1, sales2 (superior manager1)
///   商务二部: manager2 (head, superior director), sales3 (superior manager2)
///   财务部: finance; 法务部: legal; admin (admin only)
/// Every password is TestOrganisation::password.
class TestOrganisation
{
public:
    static inline const QString password = QStringLiteral("correct-horse");

    explicit TestOrganisation(storage::Database &database);
    domain::UserId id(const QString &login) const { return m_ids.at(login); }
    domain::User user(const QString &login) const;
    domain::DepartmentId department(const QString &name) const { return m_departments.at(name); }

private:
    storage::Database &m_database;
    std::map<QString, domain::UserId> m_ids;
    std::map<QString, domain::DepartmentId> m_departments;
};

/// Parameterised fixture: each test gets an empty scratch database on SQLite and on PostgreSQL
/// (PostgreSQL cases are skipped, and reported so, when no server is configured).
class ScratchBackendTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override;
    std::unique_ptr<ScratchDatabase> m_scratch;
};

/// Parameterised fixture: each test runs on SQLite and on PostgreSQL with a fresh organisation.
class BackendTest : public ScratchBackendTest
{
protected:
    void SetUp() override;
    void TearDown() override;

    storage::Database &database() { return *m_database; }
    TestOrganisation &organisation() { return *m_organisation; }
    /// A session logged in as `login` (without the password check, which has its own tests).
    services::Session &as(const QString &login);

    domain::FixedClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc())};
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<TestOrganisation> m_organisation;
    std::map<QString, std::unique_ptr<services::Session>> m_sessions;
};

#define BIZDESK_INSTANTIATE_BACKENDS(Fixture)                                                                  \
    INSTANTIATE_TEST_SUITE_P(Backends, Fixture,                                                                \
                             ::testing::Values(::bizdesk::testing::Backend::Sqlite,                            \
                                               ::bizdesk::testing::Backend::PostgreSql),                       \
                             ::bizdesk::testing::backendLabel)

/// Expects `statement` to throw domain::Error of `kind`; evaluates to the error message.
#define EXPECT_ERROR_KIND(statement, expectedKind)                                                             \
    do {                                                                                                       \
        try {                                                                                                  \
            statement;                                                                                         \
            ADD_FAILURE() << "expected " #expectedKind " from " #statement;                                    \
        } catch (const ::bizdesk::domain::Error &error_) {                                                     \
            EXPECT_EQ(error_.kind(), ::bizdesk::domain::ErrorKind::expectedKind) << error_.message().toStdString(); \
        }                                                                                                      \
    } while (false)

} // namespace bizdesk::testing

namespace bizdesk::testing {
/// Readable parameter names in test output ("sqlite", "postgresql").
inline void PrintTo(Backend backend, std::ostream *os)
{
    *os << (backend == Backend::Sqlite ? "sqlite" : "postgresql");
}
} // namespace bizdesk::testing
