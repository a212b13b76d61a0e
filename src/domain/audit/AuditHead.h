#pragma once

#include <QJsonObject>
#include <QString>

namespace bizdesk::domain {

/// The last entry of the audit chain at one moment (its id and hash). Kept outside the database
/// — in a backup, the log, a script's notes — it later proves that the chain still holds that
/// entry unchanged, which the chain alone cannot: a deleted tail or a chain recomputed from an
/// edited entry onwards is again a valid chain.
struct AuditHead
{
    qint64 id = 0; ///< 0 while the chain is empty
    QString hash;  ///< 64 lower-case hex digits; AuditChain::genesisHash() while the chain is empty

    /// "ID:HASH", the form `audit verify --expect` takes.
    QString toText() const;
    /// {"id":N,"hash":"…"}
    QJsonObject toJson() const;
    /// Parses "ID:HASH"; throws Error::invalid naming `field` (e.g. "--expect") when malformed.
    static AuditHead parse(const QString &field, const QString &text);

    bool operator==(const AuditHead &) const = default;
};

} // namespace bizdesk::domain
