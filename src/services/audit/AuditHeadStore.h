#pragma once

#include "domain/audit/AuditHead.h"

#include <QMap>
#include <QString>

#include <optional>

namespace bizdesk::services {

/// Where an installation keeps, outside the database, the last audit head it saw of each
/// database, keyed by the location without its password (DatabaseLocation::displayName()).
class AuditHeadStore
{
public:
    virtual ~AuditHeadStore() = default;
    virtual std::optional<domain::AuditHead> recall(const QString &location) const = 0;
    virtual void remember(const QString &location, const domain::AuditHead &head) = 0;
};

/// The user's settings (QSettings group auditHeads, "ID:HASH" per database): what the GUI and
/// bizdeskctl of one user account share.
class SettingsAuditHeadStore : public AuditHeadStore
{
public:
    std::optional<domain::AuditHead> recall(const QString &location) const override;
    void remember(const QString &location, const domain::AuditHead &head) override;
};

/// Heads kept in memory only: tests, and anything that must not touch the user's settings.
class MemoryAuditHeadStore : public AuditHeadStore
{
public:
    std::optional<domain::AuditHead> recall(const QString &location) const override;
    void remember(const QString &location, const domain::AuditHead &head) override { m_heads.insert(location, head); }

private:
    QMap<QString, domain::AuditHead> m_heads;
};

} // namespace bizdesk::services
