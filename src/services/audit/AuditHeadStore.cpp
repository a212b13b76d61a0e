#include "services/audit/AuditHeadStore.h"

#include "domain/Error.h"
#include "support/SettingsKeys.h"

#include <QUrl>

namespace bizdesk::services {
namespace {

/// A location holds slashes, which QSettings reads as groups: the key is percent-encoded.
QString settingKey(const QString &location)
{
    return QStringLiteral("%1/%2").arg(QLatin1String(support::settings::auditHeadsGroup),
                                       QString::fromLatin1(QUrl::toPercentEncoding(location)));
}

} // namespace

std::optional<domain::AuditHead> SettingsAuditHeadStore::recall(const QString &location) const
{
    const QString text = support::readSettingValue(settingKey(location)).toString();
    if (text.isEmpty())
        return std::nullopt;
    try {
        return domain::AuditHead::parse(QStringLiteral("settings"), text);
    } catch (const domain::Error &) {
        return std::nullopt; // a damaged entry is as good as none; the next look writes it anew
    }
}

void SettingsAuditHeadStore::remember(const QString &location, const domain::AuditHead &head)
{
    if (recall(location) != head)
        support::writeSettingValue(settingKey(location), head.toText());
}

std::optional<domain::AuditHead> MemoryAuditHeadStore::recall(const QString &location) const
{
    const auto found = m_heads.constFind(location);
    if (found == m_heads.constEnd())
        return std::nullopt;
    return *found;
}

} // namespace bizdesk::services
