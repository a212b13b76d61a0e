#include "support/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
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

bool Paths::makePrivateFolder(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return true;
    const QString parent = info.absolutePath();
    if (info.exists() || parent == info.absoluteFilePath() || !makePrivateFolder(parent))
        return false;
    return QDir().mkdir(info.absoluteFilePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        || QFileInfo(path).isDir(); // another thread or process made it in the meantime
}

} // namespace bizdesk::support
