#include "services/maintenance/DatabaseMaintenance.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditHeadGuard.h"
#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityService.h"
#include "storage/Database.h"
#include "storage/DatabaseCheck.h"
#include "storage/Transaction.h"
#include "storage/audit/AuditRepository.h"
#include "support/Logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace bizdesk::services {
namespace {

/// "login@host" of whoever runs the restore: it needs no BizDesk login, only the file or server.
QString operatingSystemUser()
{
    const passwd *entry = getpwuid(getuid());
    const QString login = entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(getuid());
    return QStringLiteral("%1@%2").arg(login, QSysInfo::machineHostName());
}

} // namespace

domain::User DatabaseMaintenance::initialise(storage::Database &database, const QString &login,
                                             const QString &displayName, const QString &password)
{
    domain::SystemClock clock;
    Session session(database, clock);
    if (database.schemaVersion() > 0)
        throw domain::Error::conflict(QCoreApplication::translate("DatabaseMaintenance",
                                                                  "%1 is already initialised; nothing was changed.")
                                          .arg(database.location().displayName()));
    // Schema and first account in one transaction: a refused account leaves no half-made database.
    storage::Transaction transaction(database);
    storage::Migrator::migrateTo(database, storage::Migrator::latestVersion());
    domain::User user = IdentityService(session).createFirstAccount(login, displayName, password);
    transaction.commit();
    return user;
}

storage::MigrationResult DatabaseMaintenance::migrate(storage::Database &database)
{
    storage::MigrationResult result = storage::Migrator::migrate(database);
    if (!result.backupPath.isEmpty()) {
        BIZDESK_LOG_INFO("migration backup {} written; audit head {}", result.backupPath.toStdString(),
                         storage::DatabaseBackup::auditHeadOf(result.backupPath).toText().toStdString());
        spdlog::default_logger()->flush();
    }
    return result;
}

CheckReport DatabaseMaintenance::check(storage::Database &database)
{
    database.requireSchema();
    CheckReport report;
    report.problems = storage::DatabaseCheck::structuralProblems(database);
    domain::SystemClock clock;
    Session session(database, clock);
    const AuditVerification audit = AuditTrail(session).verify();
    report.auditEntries = audit.entries;
    report.auditOk = audit.ok;
    if (!audit.ok)
        report.problems << QStringLiteral("audit: %1").arg(audit.problem);
    return report;
}

storage::DatabaseBackup::Summary DatabaseMaintenance::backup(storage::Database &database, const QString &outPath)
{
    storage::DatabaseBackup::Summary summary = storage::DatabaseBackup::backup(database, outPath);
    BIZDESK_LOG_INFO("backup {} of {} written; audit head {}", outPath.toStdString(),
                     database.location().displayName().toStdString(), summary.auditHead.toText().toStdString());
    // The log is one of the anchors outside the database: do not leave it in a buffer.
    spdlog::default_logger()->flush();
    return summary;
}

domain::AuditHead DatabaseMaintenance::auditHeadOfBackup(const QString &field, const QString &backupPath)
{
    if (!backupPath.contains(QLatin1String("://")) && !QFileInfo::exists(backupPath))
        throw domain::Error::notFound(QCoreApplication::translate("DatabaseMaintenance", "%1: the backup file %2 does not exist.")
                                          .arg(field, backupPath));
    try {
        return storage::DatabaseBackup::auditHeadOf(backupPath);
    } catch (const domain::Error &error) {
        if (error.kind() == domain::ErrorKind::Internal)
            throw;
        // Name the option the user gave, not --db: the live database is fine.
        throw domain::Error(error.kind(), QStringLiteral("%1: %2").arg(field, error.message()), field);
    }
}

storage::DatabaseBackup::Summary DatabaseMaintenance::restore(const QString &backupPath,
                                                              const storage::DatabaseLocation &target)
{
    const QString backup = QFileInfo(backupPath).absoluteFilePath();
    storage::DatabaseBackup::Summary summary = storage::DatabaseBackup::restore(
        backupPath, target, [&](storage::Database &restored) {
            domain::SystemClock clock;
            Session session(restored, clock);
            // Only the backup's rows are there yet: this is the backup's head.
            const domain::AuditHead backupHead = storage::AuditRepository(restored).head();
            AuditTrail(session).record(AuditHeadGuard::restoreAction(), QStringLiteral("database"), std::nullopt, {},
                                       QJsonObject{{QStringLiteral("backup"), backup},
                                                   {QStringLiteral("backup_head"), backupHead.toText()},
                                                   {QStringLiteral("by"), operatingSystemUser()}});
        });
    BIZDESK_LOG_INFO("restored {} into {}", backup.toStdString(), target.displayName().toStdString());
    // The restored database's head is the restore's own entry.
    auto restored = storage::Database::open(target, storage::Database::CreateMode::MustExist);
    summary.auditHead = storage::AuditRepository(*restored).head();
    return summary;
}

} // namespace bizdesk::services
