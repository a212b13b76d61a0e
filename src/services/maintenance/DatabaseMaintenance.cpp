#include "services/maintenance/DatabaseMaintenance.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityService.h"
#include "storage/Database.h"
#include "storage/DatabaseCheck.h"
#include "storage/Transaction.h"

#include <QCoreApplication>

namespace bizdesk::services {

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
    return storage::Migrator::migrate(database);
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
    return storage::DatabaseBackup::backup(database, outPath);
}

storage::DatabaseBackup::Summary DatabaseMaintenance::restore(const QString &backupPath,
                                                              const storage::DatabaseLocation &target)
{
    return storage::DatabaseBackup::restore(backupPath, target);
}

} // namespace bizdesk::services
