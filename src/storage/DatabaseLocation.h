#pragma once

#include <QString>

namespace bizdesk::storage {

enum class Backend { Sqlite, PostgreSql };

/// Where a database lives: a SQLite file path or a postgresql:// URL (the CLI's --db LOCATION).
class DatabaseLocation
{
public:
    /// Throws Error::invalid("--db", ...) for a malformed URL.
    static DatabaseLocation parse(const QString &location);

    Backend backend() const { return m_backend; }
    /// SQLite: absolute file path.
    const QString &filePath() const { return m_filePath; }
    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    const QString &user() const { return m_user; }
    const QString &password() const { return m_password; }
    const QString &databaseName() const { return m_databaseName; }
    /// For the status bar and messages: the file path, or the URL without the password.
    QString displayName() const;
    /// The location as given, password included (to reopen it, e.g. from a worker thread). Kept
    /// in memory only: settings, logs and messages take displayName().
    const QString &original() const { return m_original; }
    /// The same PostgreSQL location with `password` (from the keyring or a password dialog).
    DatabaseLocation withPassword(const QString &password) const;
    /// displayName() of any text given as a location, malformed ones included, never with a
    /// password: for log lines written before (or instead of) parsing.
    static QString describe(const QString &location);

private:
    Backend m_backend = Backend::Sqlite;
    QString m_original;
    QString m_filePath;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_databaseName;
};

QString backendName(Backend backend);

} // namespace bizdesk::storage
