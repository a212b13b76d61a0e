#pragma once

#include <QString>
#include <QStringList>

namespace bizdesk::storage {

class Database;

struct MigrationResult
{
    int fromVersion = 0;
    int toVersion = 0;
    QString backupPath; ///< empty when no backup was needed (new database, PostgreSQL, up to date)
};

/// Applies the numbered SQL files of resources/sql/ in order, in one transaction.
/// NNNN_name.sql is portable (placeholders expanded by the dialect); NNNN_name.sqlite.sql and
/// NNNN_name.postgresql.sql, when present, run right after it on that backend only.
class Migrator
{
public:
    static int latestVersion();
    /// The schema version that added company_profile (business calendar, printed headers).
    static constexpr int companyProfileVersion = 5;

    /// Upgrades to latestVersion(); an existing SQLite database is first copied with VACUUM INTO
    /// next to the file. Throws; on failure nothing has changed and the backup made for the upgrade
    /// is deleted again (the error names it if it could not be). On PostgreSQL every upgrade ends
    /// by granting the group role bizdesk_app its privileges (0006_application_role).
    static MigrationResult migrate(Database &database);
    /// Upgrades an empty or older database to exactly `version` (used to restore backups).
    static void migrateTo(Database &database, int version);

    /// Splits a migration script into statements (aware of quotes, $$ bodies and trigger bodies).
    static QStringList splitStatements(const QString &script);
};

} // namespace bizdesk::storage
