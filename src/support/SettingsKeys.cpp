#include "support/SettingsKeys.h"

#include "support/Paths.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace bizdesk::support {
namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyFolder = ownerOnlyFile | QFileDevice::ExeOwner;

/// QSettings writes through a temporary file renamed over the old one, with the umask's mode:
/// the folder is made (or narrowed to) 0700 before the write, so no other user can look in even
/// for that moment, and the file is narrowed to 0600 right after it.
void writePrivately(const QString &key, const QVariant &value)
{
    QSettings settings;
    const QString folder = QFileInfo(settings.fileName()).absolutePath();
    Paths::makePrivateFolder(folder);
    QFile::setPermissions(folder, ownerOnlyFolder);
    settings.setValue(key, value);
    settings.sync();
    QFile::setPermissions(settings.fileName(), ownerOnlyFile);
}

} // namespace

QVariant readSetting(const SettingKey &key)
{
    return QSettings().value(QString::fromLatin1(key.name), key.defaultValue());
}

void writeSetting(const SettingKey &key, const QVariant &value)
{
    writePrivately(QString::fromLatin1(key.name), value);
}

QVariant readSettingValue(const QString &key)
{
    return QSettings().value(key);
}

void writeSettingValue(const QString &key, const QVariant &value)
{
    writePrivately(key, value);
}

} // namespace bizdesk::support
