#pragma once

#include "domain/audit/AuditHead.h"

#include <QString>

#include <functional>

namespace bizdesk::storage {

class Database;
class DatabaseLocation;

/// Backups are always BizDesk SQLite files, whatever the source backend, so one file format
/// moves a team database to a laptop and back.
class DatabaseBackup
{
public:
    struct Summary
    {
        int schemaVersion = 0;
        qint64 rows = 0;
        /// The audit chain's last entry as the backup holds it (backup only): kept outside the
        /// database, it lets `audit verify --expect/--against` prove the live chain kept it.
        domain::AuditHead auditHead;
    };

    /// A consistent online copy of `source` into the new file `outPath` (refused if it exists).
    static Summary backup(Database &source, const QString &outPath);
    /// Restores the backup file into `target`, which must be empty (a missing or empty SQLite
    /// file, or a PostgreSQL database without tables). `beforeCommit` runs on the restored
    /// database inside the restore's transaction (the restore's own audit entry); summary.auditHead
    /// is then the backup's head.
    static Summary restore(const QString &backupPath, const DatabaseLocation &target,
                           const std::function<void(Database &)> &beforeCommit = {});
    /// The audit head the backup file holds, read through SQLite with the file opened read-only.
    static domain::AuditHead auditHeadOf(const QString &backupPath);

private:
    static qint64 copyRows(Database &from, Database &to);
};

} // namespace bizdesk::storage
