#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// One append-only record of a change: who (on behalf of whom), what, before and after.
struct AuditEntry
{
    qint64 id = 0;
    QString at; ///< storage timestamp (UTC)
    std::optional<qint64> actorId;
    QString actorLogin;
    std::optional<qint64> onBehalfOfId;
    QString onBehalfOfLogin;
    QString action;     ///< e.g. "expense.approve"
    QString entityKind; ///< e.g. "expense"
    std::optional<qint64> entityId;
    QString beforeJson; ///< compact JSON or empty
    QString afterJson;
    int policyVersion = 1;
    QString previousHash;
    QString hash;

    QJsonObject toJson() const;
};

/// The hash chain: each entry's hash is SHA-256 over the previous hash and the entry's canonical
/// content, its own id included, so editing, renumbering, deleting or reordering any entry breaks
/// every hash after it.
class AuditChain
{
public:
    static QString genesisHash() { return QString(64, QLatin1Char('0')); }
    static QString canonicalContent(const AuditEntry &entry);
    static QString hashOf(const QString &previousHash, const AuditEntry &entry);
    /// The hash of entries written before ids were hashed (schema 1–14 era): the same content
    /// without the id. Such entries keep verifying, but only before the first entry with an id.
    static QString legacyHashOf(const QString &previousHash, const AuditEntry &entry);
};

} // namespace bizdesk::domain
