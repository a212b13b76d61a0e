#pragma once

#include <QString>

namespace bizdesk::storage {

/// The SQLite files this process has connections to. Opening one of them (or its -wal, -shm or
/// -journal) with anything but SQLite and closing it again drops every POSIX lock the process
/// holds on the file — another program then deletes the live WAL — and writing to it destroys
/// it. Imports, exports, printouts and attachments therefore refuse these files.
class OpenDatabaseFiles
{
public:
    static void add(const QString &databasePath);
    static void remove(const QString &databasePath);
    /// True when `path` is (by file identity, so links count) a database file open in this
    /// process or one of its -wal, -shm, -journal files.
    static bool contains(const QString &path);
    /// Throws Error::invalid naming `field` when contains(path).
    static void refuse(const QString &path, const QString &field);
};

} // namespace bizdesk::storage
