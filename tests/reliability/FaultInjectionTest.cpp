// Faults while writing (issue 17 §3), the way SQLite tests itself: a VFS fails the Nth write,
// sync or truncate (N = 1, 2, … until the operation runs through untouched) while a use case
// runs. After every failure the file passes integrity_check, the audit chain verifies, the data
// is exactly as before the use case or exactly as after it (after, whenever it reported
// success), and the user got a message rather than a crash.
#include "reliability/FailingVfs.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerImport.h"
#include "services/entertainment/EntertainmentService.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <functional>

using namespace bizdesk;
using bizdesk::testing::FailingVfs;

namespace {

/// Every row of every table (FTS shadow tables included), order-independent.
QByteArray contentDigest(storage::Database &database)
{
    QStringList tables;
    QSqlQuery list(database.connection());
    list.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name"));
    while (list.next())
        tables << list.value(0).toString();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &table : std::as_const(tables)) {
        QStringList rows;
        QSqlQuery query(database.connection());
        query.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
        while (query.next()) {
            QStringList values;
            for (int column = 0; column < query.record().count(); ++column)
                values << (query.isNull(column) ? QStringLiteral("∅") : query.value(column).toString());
            rows << values.join(QChar(0x1f));
        }
        rows.sort();
        digest.addData(table.toUtf8());
        digest.addData(rows.join(QChar(0x1e)).toUtf8());
    }
    digest.addData(QByteArray::number(database.schemaVersion()));
    return digest.result().toHex();
}

QString integrityOf(storage::Database &database)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next())
        return QStringLiteral("integrity_check could not run");
    return query.value(0).toString();
}

/// One use case run against a database; throws domain::Error when it fails.
using Operation = std::function<void(storage::Database &, const domain::Clock &)>;

class FaultInjectionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FailingVfs::install().disarm();
        ASSERT_TRUE(m_folder.isValid());
        m_base = m_folder.filePath(QStringLiteral("base.sqlite"));
    }
    void TearDown() override { FailingVfs::install().disarm(); }

    /// The starting point of every run: a migrated company with its people, then `prepare`.
    void makeBase(const std::function<void(storage::Database &)> &prepare = {}, bool migrated = true)
    {
        auto database = storage::Database::open(m_base, storage::Database::CreateMode::CreateIfMissing);
        if (migrated) {
            storage::Migrator::migrate(*database);
            m_organisation = std::make_unique<bizdesk::testing::TestOrganisation>(*database);
            m_users = {m_organisation->user(QStringLiteral("sales1")), m_organisation->user(QStringLiteral("manager1"))};
        }
        if (prepare)
            prepare(*database);
        m_organisation.reset();
    }

    /// A fresh copy of the base file; no connection is open on either, so copying drops no lock.
    QString freshCopy()
    {
        const QString path = m_folder.filePath(QStringLiteral("run.sqlite"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        EXPECT_TRUE(QFile::copy(m_base, path));
        return path;
    }

    struct Observed
    {
        QByteArray digest;
        QString integrity;
        bool auditOk = false;
        QString auditProblem;
    };
    Observed observe(const QString &path)
    {
        auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
        Observed observed;
        observed.digest = contentDigest(*database);
        observed.integrity = integrityOf(*database);
        if (database->schemaVersion() == 0) {
            observed.auditOk = true;
        } else {
            services::Session session(*database, m_clock);
            const services::AuditVerification verification = services::AuditTrail(session).verify();
            observed.auditOk = verification.ok;
            observed.auditProblem = verification.problem;
        }
        return observed;
    }

    /// Runs `operation` once untouched, then with each I/O call in turn failing. Returns how many
    /// failures were injected.
    int runFaultLoop(const Operation &operation, FailingVfs::Failure failure, const QString &extraOutput = {})
    {
        FailingVfs &vfs = FailingVfs::install();
        const QByteArray before = observe(freshCopy()).digest;
        QByteArray after;
        {
            const QString path = freshCopy();
            {
                auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
                operation(*database, m_clock);
            }
            after = observe(path).digest;
        }
        EXPECT_NE(before, after) << "the operation changed nothing: the loop would prove nothing";

        int injected = 0;
        for (int nth = 1; nth <= maxOperations; ++nth) {
            const QString path = freshCopy();
            if (!extraOutput.isEmpty())
                QFile::remove(extraOutput);
            QString message;
            domain::ErrorKind kind = domain::ErrorKind::Internal;
            bool succeeded = false;
            {
                auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
                vfs.failAt(nth, failure);
                try {
                    operation(*database, m_clock);
                    succeeded = true;
                } catch (const domain::Error &error) {
                    message = error.message();
                    kind = error.kind();
                }
                vfs.disarm();
            }
            const bool fired = vfs.fired();
            const Observed observed = observe(path);
            EXPECT_EQ(observed.integrity, QStringLiteral("ok")) << "failure at I/O call " << nth;
            EXPECT_TRUE(observed.auditOk) << "failure at I/O call " << nth << ": " << observed.auditProblem.toStdString();
            if (succeeded)
                EXPECT_EQ(observed.digest, after) << "reported success but the change is not all there (I/O call " << nth << ")";
            else
                EXPECT_TRUE(observed.digest == before || observed.digest == after)
                    << "failure at I/O call " << nth << " left a state that is neither before nor after";
            if (!succeeded) {
                EXPECT_TRUE(fired) << "failed without an injected fault: " << message.toStdString();
                EXPECT_FALSE(message.trimmed().isEmpty()) << "no message for the failure at I/O call " << nth;
                checkMessage(message, kind, failure, nth);
            }
            if (!fired) {
                EXPECT_TRUE(succeeded);
                return injected; // every I/O call of the operation has failed once
            }
            ++injected;
            if (::testing::Test::HasFailure())
                return injected; // one broken step is enough to read
        }
        ADD_FAILURE() << "the operation did more than " << maxOperations << " I/O calls";
        return injected;
    }

    static void checkMessage(const QString &message, domain::ErrorKind kind, FailingVfs::Failure failure, int nth)
    {
        if (failure == FailingVfs::Failure::DiskFull)
            EXPECT_TRUE(message.contains(QStringLiteral("is full"), Qt::CaseInsensitive) && kind == domain::ErrorKind::DiskFull)
                << "I/O call " << nth << ": " << message.toStdString();
        else
            EXPECT_NE(kind, domain::ErrorKind::DiskFull) << "an I/O error is not a full disk";
    }

    static constexpr int maxOperations = 2000;
    const domain::FixedClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc())};
    QTemporaryDir m_folder;
    QString m_base;
    std::unique_ptr<bizdesk::testing::TestOrganisation> m_organisation;
    std::vector<domain::User> m_users; ///< sales1, manager1
};

services::ImportTable customersToImport(int count)
{
    services::ImportTable table;
    table.encoding = QStringLiteral("utf-8");
    table.headers = {QStringLiteral("客户名称"), QStringLiteral("电话")};
    for (int i = 0; i < count; ++i) {
        table.rows << QStringList{QStringLiteral("故障测试客户%1有限公司").arg(i), QStringLiteral("010-8888%1").arg(i, 4, 10, QLatin1Char('0'))};
        table.lines << i + 2;
    }
    return table;
}

} // namespace

TEST_F(FaultInjectionTest, a_customer_import_is_all_there_or_not_at_all)
{
    makeBase();
    const domain::User sales = m_users.at(0);
    const int injected = runFaultLoop(
        [&](storage::Database &database, const domain::Clock &clock) {
            services::Session session(database, clock);
            session.setUser(sales);
            const auto report = services::CustomerImport(session).run(customersToImport(40), {QStringLiteral("name"), QStringLiteral("phone")}, false);
            if (report.imported != 40)
                throw domain::Error::internal(QStringLiteral("imported %1 of 40").arg(report.imported));
        },
        FailingVfs::Failure::IoError);
    EXPECT_GT(injected, 0);
}

TEST_F(FaultInjectionTest, an_entertainment_submit_survives_every_io_error)
{
    qint64 draft = 0;
    makeBase([&](storage::Database &database) {
        services::Session session(database, m_clock);
        session.setUser(m_users.at(0));
        draft = services::EntertainmentService(session).apply(bizdesk::testing::sampleExpenseForm()).id;
    });
    const domain::User sales = m_users.at(0);
    EXPECT_GT(runFaultLoop(
                  [&](storage::Database &database, const domain::Clock &clock) {
                      services::Session session(database, clock);
                      session.setUser(sales);
                      services::EntertainmentService(session).submit(draft);
                  },
                  FailingVfs::Failure::IoError),
              0);
}

TEST_F(FaultInjectionTest, an_entertainment_approval_survives_a_full_disk_at_every_write)
{
    qint64 submitted = 0;
    makeBase([&](storage::Database &database) {
        services::Session session(database, m_clock);
        session.setUser(m_users.at(0));
        services::EntertainmentService applicant(session);
        submitted = applicant.submit(applicant.apply(bizdesk::testing::sampleExpenseForm()).id).id;
    });
    const domain::User manager = m_users.at(1);
    EXPECT_GT(runFaultLoop(
                  [&](storage::Database &database, const domain::Clock &clock) {
                      services::Session session(database, clock);
                      session.setUser(manager);
                      services::EntertainmentService(session).approve(submitted, QStringLiteral("同意"));
                  },
                  FailingVfs::Failure::DiskFull),
              0);
}

TEST_F(FaultInjectionTest, a_migration_of_a_new_file_is_all_or_nothing)
{
    makeBase({}, false);
    EXPECT_GT(runFaultLoop([](storage::Database &database, const domain::Clock &) { storage::Migrator::migrate(database); },
                           FailingVfs::Failure::IoError),
              0);
}

TEST_F(FaultInjectionTest, a_failed_backup_leaves_the_database_alone_and_no_half_backup_behind)
{
    makeBase();
    const QString backup = m_folder.filePath(QStringLiteral("backup.sqlite"));
    FailingVfs &vfs = FailingVfs::install();
    const QByteArray before = observe(freshCopy()).digest;
    int injected = 0;
    for (int nth = 1; nth <= maxOperations; ++nth) {
        QFile::remove(backup);
        const QString path = freshCopy();
        bool succeeded = false;
        QString message;
        {
            auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
            vfs.failAt(nth, FailingVfs::Failure::IoError);
            try {
                storage::DatabaseBackup::backup(*database, backup);
                succeeded = true;
            } catch (const domain::Error &error) {
                message = error.message();
            }
            vfs.disarm();
        }
        const Observed source = observe(path);
        ASSERT_EQ(source.integrity, QStringLiteral("ok")) << nth;
        ASSERT_EQ(source.digest, before) << "a backup changed the database (I/O call " << nth << ")";
        if (succeeded) {
            const Observed copy = observe(backup);
            EXPECT_EQ(copy.integrity, QStringLiteral("ok"));
            EXPECT_TRUE(copy.auditOk);
        } else {
            EXPECT_FALSE(message.trimmed().isEmpty());
            EXPECT_FALSE(QFile::exists(backup)) << "a half-written backup was left behind (I/O call " << nth << ")";
        }
        if (!vfs.fired()) {
            EXPECT_TRUE(succeeded) << message.toStdString();
            break;
        }
        ++injected;
        if (HasFailure())
            break;
    }
    EXPECT_GT(injected, 0);
}

TEST_F(FaultInjectionTest, a_full_disk_is_exit_1_disk_full_and_the_database_works_once_space_is_freed)
{
    makeBase();
    const QString path = freshCopy();
    const QByteArray before = observe(path).digest;
    const bizdesk::testing::CliHarness cli(path);
    FailingVfs &vfs = FailingVfs::install();

    vfs.failAt(1, FailingVfs::Failure::DiskFull);
    const bizdesk::testing::CliResult full =
        cli.runAs(QStringLiteral("sales1"), {QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"),
                                             QStringLiteral("--name"), QStringLiteral("满盘测试客户有限公司")});
    vfs.disarm();
    EXPECT_TRUE(vfs.fired());
    EXPECT_EQ(full.exitCode, 1) << full.err.toStdString();
    EXPECT_EQ(full.error().value(QStringLiteral("kind")).toString(), QStringLiteral("disk_full")) << full.err.toStdString();
    EXPECT_TRUE(full.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("is full"))) << full.err.toStdString();
    const Observed afterFailure = observe(path);
    EXPECT_EQ(afterFailure.integrity, QStringLiteral("ok"));
    EXPECT_EQ(afterFailure.digest, before) << "a failed command wrote something";

    const bizdesk::testing::CliResult again =
        cli.runAs(QStringLiteral("sales1"), {QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"),
                                             QStringLiteral("--name"), QStringLiteral("满盘测试客户有限公司")});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(observe(path).auditOk);
}
