#include "support/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace bizdesk::support {

void Paths::applyApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BizDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("bizdesk.local"));
    QCoreApplication::setApplicationName(QStringLiteral("BizDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BIZDESK_VERSION));
}

QString Paths::dataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Paths::defaultDatabasePath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("bizdesk.sqlite"));
}

QString Paths::configuredDatabaseLocation()
{
    const QString fromEnvironment = qEnvironmentVariable("BIZDESK_DB");
    return fromEnvironment.isEmpty() ? defaultDatabasePath() : fromEnvironment;
}

} // namespace bizdesk::support
