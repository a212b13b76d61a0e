#include "storage/DatabaseLocation.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace bizdesk::storage {

using domain::Error;

DatabaseLocation DatabaseLocation::parse(const QString &location)
{
    DatabaseLocation result;
    result.m_original = location;
    if (location.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("--db"),
                             QCoreApplication::translate("DatabaseLocation", "The database location is empty."));
    if (location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(location, QUrl::StrictMode);
        const QString databaseName = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || databaseName.isEmpty() || databaseName.contains(QLatin1Char('/')))
            throw Error::invalid(QStringLiteral("--db"),
                                 QCoreApplication::translate("DatabaseLocation",
                                                             "\"%1\" is not a valid PostgreSQL location; expected "
                                                             "postgresql://user[:password]@host[:port]/dbname.")
                                     .arg(url.toDisplayString(QUrl::RemovePassword)));
        result.m_backend = Backend::PostgreSql;
        result.m_host = url.host();
        result.m_port = url.port(5432);
        result.m_user = url.userName();
        result.m_password = url.password();
        result.m_databaseName = databaseName;
        return result;
    }
    result.m_backend = Backend::Sqlite;
    result.m_filePath = QFileInfo(location).absoluteFilePath();
    return result;
}

QString DatabaseLocation::displayName() const
{
    if (m_backend == Backend::Sqlite)
        return m_filePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(m_user, m_host).arg(m_port).arg(m_databaseName);
}

DatabaseLocation DatabaseLocation::withPassword(const QString &password) const
{
    if (m_backend != Backend::PostgreSql)
        return *this;
    QUrl url(m_original, QUrl::StrictMode);
    url.setPassword(password);
    DatabaseLocation result = *this;
    result.m_original = url.toString(QUrl::FullyEncoded);
    result.m_password = password;
    return result;
}

QString DatabaseLocation::describe(const QString &location)
{
    try {
        return parse(location).displayName();
    } catch (const Error &) {
        return QUrl(location).toDisplayString(QUrl::RemovePassword);
    }
}

QString backendName(Backend backend)
{
    return backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

} // namespace bizdesk::storage
