#pragma once

#include <QString>

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
    };

    /// A consistent online copy of `source` into the new file `outPath` (refused if it exists).
    static Summary backup(Database &source, const QString &outPath);
    /// Restores the backup file into `target`, which must be empty (a missing or empty SQLite
    /// file, or a PostgreSQL database without tables).
    static Summary restore(const QString &backupPath, const DatabaseLocation &target);

private:
    static qint64 copyRows(Database &from, Database &to);
};

} // namespace bizdesk::storage
