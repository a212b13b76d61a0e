#include "support/SettingsKeys.h"

#include <QSettings>

namespace bizdesk::support {

QVariant readSetting(const SettingKey &key)
{
    return QSettings().value(QString::fromLatin1(key.name), key.defaultValue());
}

void writeSetting(const SettingKey &key, const QVariant &value)
{
    QSettings().setValue(QString::fromLatin1(key.name), value);
}

} // namespace bizdesk::support
