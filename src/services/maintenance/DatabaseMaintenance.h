#pragma once

#include "domain/audit/AuditHead.h"
#include "domain/identity/User.h"
#include "storage/DatabaseBackup.h"
#include "storage/Migrator.h"

#include <QStringList>

namespace bizdesk::storage {
class Database;
class DatabaseLocation;
} // namespace bizdesk::storage

namespace bizdesk::services {

struct CheckReport
{
    QStringList problems;
    qint64 auditEntries = 0;
    bool auditOk = true;
    bool ok() const { return problems.isEmpty() && auditOk; }
};

/// Use cases on the database itself (init, migrate, check, backup, restore): they need no login,
/// only access to the file or server, as cli.md says.
class DatabaseMaintenance
{
public:
    /// Creates the schema and the first account (director + admin). Conflict when initialised.
    static domain::User initialise(storage::Database &database, const QString &login, const QString &displayName,
                                   const QString &password);
    static storage::MigrationResult migrate(storage::Database &database);
    static CheckReport check(storage::Database &database);
    /// The copy's summary carries the audit head it holds, which is also written to the log: two
    /// records outside the database that `audit verify --expect/--against` can check it against.
    static storage::DatabaseBackup::Summary backup(storage::Database &database, const QString &outPath);
    /// The audit head of a backup file (or of any BizDesk database), opened read-only.
    /// `field` names the argument in errors (e.g. "--against").
    static domain::AuditHead auditHeadOfBackup(const QString &field, const QString &backupPath);
    /// Restores into a new or empty location and records, in the same transaction, an audit entry
    /// naming the restore (backup file and its audit head, the operating-system user and host):
    /// installations that remembered a later head cite it in their warning. summary.auditHead is
    /// the restored database's head, that entry.
    static storage::DatabaseBackup::Summary restore(const QString &backupPath, const storage::DatabaseLocation &target);
};

} // namespace bizdesk::services
