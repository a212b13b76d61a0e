#pragma once

#include <QString>

namespace bizdesk::support {

/// Where BizDesk keeps its files; shared by the GUI and the CLI so both open the same database.
class Paths
{
public:
    /// Sets organisation/application names so QStandardPaths and QSettings agree everywhere.
    static void applyApplicationIdentity();
    /// The per-user data folder (QStandardPaths::AppDataLocation).
    static QString dataDirectory();
    /// The embedded default database file: <data folder>/bizdesk.sqlite.
    static QString defaultDatabasePath();
    /// $BIZDESK_DB if set, else defaultDatabasePath().
    static QString configuredDatabaseLocation();
    /// Creates `path` and its missing parents readable by the owner only (0700), so the data
    /// folder, logs and databases BizDesk makes are private; folders that exist keep their
    /// permissions. False when a folder cannot be created.
    static bool makePrivateFolder(const QString &path);
};

} // namespace bizdesk::support
