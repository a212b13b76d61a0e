#include "support/TestDatabase.h"

#include "services/identity/PasswordHasher.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"
#include "storage/identity/UserRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace bizdesk::testing {
namespace {

/// One connection to the admin database, to create and drop scratch databases.
void runAdmin(const QString &sql)
{
    const auto location = storage::DatabaseLocation::parse(postgresAdminUrl());
    const QString name = QStringLiteral("bizdesk-test-admin");
    {
        QSqlDatabase admin = QSqlDatabase::contains(name) ? QSqlDatabase::database(name)
                                                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(location.host());
        admin.setPort(location.port());
        admin.setUserName(location.user());
        admin.setPassword(location.password());
        admin.setDatabaseName(location.databaseName());
        if (!admin.isOpen() && !admin.open())
            throw std::runtime_error("cannot reach the test PostgreSQL");
        QSqlQuery query(admin);
        if (!query.exec(sql))
            throw std::runtime_error("admin SQL failed: " + sql.toStdString());
    }
}

const QString &sharedPasswordHash()
{
    static const QString hash = services::PasswordHasher::hash(TestOrganisation::password);
    return hash;
}

} // namespace

std::string backendLabel(const ::testing::TestParamInfo<Backend> &info)
{
    return info.param == Backend::Sqlite ? "sqlite" : "postgresql";
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
}

QString postgresAdminUrl()
{
    return qEnvironmentVariable("BIZDESK_TEST_POSTGRES");
}

ScratchDatabase::ScratchDatabase(Backend backend)
    : m_backend(backend)
{
    if (backend == Backend::Sqlite) {
        m_location = m_folder.filePath(QStringLiteral("test.sqlite"));
        return;
    }
    m_postgresName = QStringLiteral("bizdesk_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    runAdmin(QStringLiteral("CREATE DATABASE %1").arg(m_postgresName));
    auto url = storage::DatabaseLocation::parse(postgresAdminUrl());
    m_location = QStringLiteral("postgresql://%1%2@%3:%4/%5")
                     .arg(url.user(), url.password().isEmpty() ? QString() : QLatin1Char(':') + url.password(), url.host())
                     .arg(url.port())
                     .arg(m_postgresName);
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_postgresName.isEmpty()) {
        try {
            runAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName));
        } catch (const std::exception &) {
            // the server is going away with scripts/test anyway
        }
    }
}

QString ScratchDatabase::pathFor(const QString &fileName) const
{
    return m_folder.filePath(fileName);
}

TestOrganisation::TestOrganisation(storage::Database &database)
    : m_database(database)
{
    const QString now = QStringLiteral("2026-11-01T00:00:00.000Z");
    storage::Transaction transaction(database);
    storage::UserRepository users(database);
    storage::DepartmentRepository departments(database);
    for (const char *name : {"总经办", "商务一部", "商务二部", "财务部", "法务部"})
        m_departments[QString::fromUtf8(name)] = departments.insert(QString::fromUtf8(name), std::nullopt, now, 0);

    struct Seat
    {
        const char *login;
        const char *name;
        domain::RoleSet roles;
        const char *department;
        const char *superior;
    };
    using R = domain::Role;
    const Seat seats[] = {
        {"executive", "高总", {R::Executive}, "总经办", nullptr},
        {"director", "张建华", {R::Director}, "总经办", "executive"},
        {"manager1", "李经理", {R::Manager}, "商务一部", "director"},
        {"sales1", "王小明", {R::Specialist}, "商务一部", "manager1"},
        {"sales2", "赵丽", {R::Specialist}, "商务一部", "manager1"},
        {"manager2", "陈经理", {R::Manager}, "商务二部", "director"},
        {"sales3", "刘洋", {R::Specialist}, "商务二部", "manager2"},
        {"finance", "孙会计", {R::Finance}, "财务部", "executive"},
        {"legal", "周律师", {R::Legal}, "法务部", "executive"},
        {"admin", "系统管理员", {R::Admin}, nullptr, nullptr},
    };
    for (const Seat &seat : seats) {
        domain::User user;
        user.login = QString::fromLatin1(seat.login);
        user.displayName = QString::fromUtf8(seat.name);
        user.roles = seat.roles;
        if (seat.department)
            user.departmentId = m_departments.at(QString::fromUtf8(seat.department));
        if (seat.superior)
            user.superiorId = m_ids.at(QString::fromLatin1(seat.superior));
        m_ids[user.login] = users.insert(user, sharedPasswordHash(), now, std::nullopt);
    }
    const std::pair<const char *, const char *> heads[] = {
        {"总经办", "executive"}, {"商务一部", "manager1"}, {"商务二部", "manager2"}, {"财务部", "finance"}, {"法务部", "legal"}};
    for (const auto &[department, head] : heads)
        departments.setHead(m_departments.at(QString::fromUtf8(department)), m_ids.at(QString::fromLatin1(head)), 1, now, 0);
    transaction.commit();
}

domain::User TestOrganisation::user(const QString &login) const
{
    return storage::UserRepository(m_database).requireByLogin(login);
}

void ScratchBackendTest::SetUp()
{
    if (GetParam() == Backend::PostgreSql && postgresAdminUrl().isEmpty())
        GTEST_SKIP() << "PostgreSQL not available: scripts/test sets BIZDESK_TEST_POSTGRES";
    m_scratch = std::make_unique<ScratchDatabase>(GetParam());
}

void BackendTest::SetUp()
{
    ScratchBackendTest::SetUp();
    if (IsSkipped())
        return;
    m_database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::CreateIfMissing);
    storage::Migrator::migrate(*m_database);
    m_organisation = std::make_unique<TestOrganisation>(*m_database);
}

void BackendTest::TearDown()
{
    m_sessions.clear();
    m_organisation.reset();
    m_database.reset();
    m_scratch.reset();
}

services::Session &BackendTest::as(const QString &login)
{
    auto &session = m_sessions[login];
    if (!session) {
        session = std::make_unique<services::Session>(*m_database, m_clock);
    }
    session->setUser(m_organisation->user(login));
    return *session;
}

} // namespace bizdesk::testing
