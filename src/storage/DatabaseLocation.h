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
    /// The location as given, password included (to reopen it, e.g. from a worker thread).
    const QString &original() const { return m_original; }

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
