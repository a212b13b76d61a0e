#pragma once

#include <QString>
#include <QVariant>

namespace bizdesk::support {

/// One user-preference key of QSettings with its default. Policy rules are not here: they are
/// data in the database (services/PolicyService).
struct SettingKey
{
    const char *name;
    const char *defaultText = ""; ///< converted by the reader (toInt(), toString(), ...)
    QVariant defaultValue() const { return QString::fromUtf8(defaultText); }
};

namespace settings {
inline constexpr SettingKey windowGeometry{"window/geometry"};
inline constexpr SettingKey windowState{"window/state"};
inline constexpr SettingKey lastTab{"window/lastTab", "0"};
inline constexpr SettingKey language{"ui/language"};          // "" = follow the system locale
inline constexpr SettingKey logLevel{"diagnostics/logLevel", "info"}; // spdlog level name
inline constexpr SettingKey lastDatabase{"database/last"};    // "" = the embedded default; never a password
/// Group of the last audit head seen per database: auditHeads/<location without password> = "ID:HASH".
inline constexpr const char *auditHeadsGroup = "auditHeads";
inline constexpr SettingKey lastLogin{"session/lastLogin"};
} // namespace settings

/// QSettings::value with the key's own default.
QVariant readSetting(const SettingKey &key);
/// Writes and syncs at once; the settings file is 0600 in a 0700 folder (it names databases).
void writeSetting(const SettingKey &key, const QVariant &value);
/// The same for keys made at run time (one per database, under a group such as auditHeads).
QVariant readSettingValue(const QString &key);
void writeSettingValue(const QString &key, const QVariant &value);

} // namespace bizdesk::support
