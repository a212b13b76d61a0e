#pragma once

#include "domain/audit/AuditEntry.h"
#include "domain/audit/AuditHead.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::services {

class Session;

/// Result of walking the hash chain.
struct AuditVerification
{
    qint64 entries = 0;
    bool ok = true;
    std::optional<qint64> firstBrokenId; ///< the first entry whose hash or link does not match
    QString problem;
    domain::AuditHead head; ///< the last entry walked: the head this verification vouches for
};

/// Appends audit entries inside the caller's transaction and verifies the chain.
class AuditTrail
{
public:
    explicit AuditTrail(Session &session) : m_session(session) {}

    /// Records a change by the session's user. `onBehalfOf` when a delegate acts.
    void record(const QString &action, const QString &entityKind, std::optional<qint64> entityId,
                const QJsonObject &before, const QJsonObject &after,
                std::optional<qint64> onBehalfOf = std::nullopt, const QString &onBehalfOfLogin = {});
    /// For events without a logged-in user (failed logins): the actor is named by login only.
    void recordAnonymous(const QString &action, const QString &actorLogin, std::optional<qint64> actorId,
                         const QJsonObject &details);

    QList<domain::AuditEntry> log(const QString &entityKind, std::optional<qint64> entityId, int limit) const;
    /// One record's history for detail panes (who, on behalf of whom, when, before → after),
    /// newest first. Auditors only: requires Action::ReadAudit.
    QList<domain::AuditEntry> history(const QString &entityKind, qint64 entityId, int limit = 500) const;
    /// The chain's last entry now; recorded outside the database it anchors the chain.
    domain::AuditHead head() const;
    /// The id of the newest entry, 0 for none, read on any connection (one index lookup): a
    /// watcher polls it from a thread of its own to notice changes made by other programs.
    static qint64 headId(storage::Database &database);
    /// Walks the whole chain (edited, deleted, inserted or reordered entries) and checks that it
    /// still contains every anchor — an earlier head — with the same hash. The walk alone passes a
    /// chain whose tail was deleted or which was recomputed after an edit; the anchor catches both,
    /// for every entry up to it.
    AuditVerification verify(const QList<domain::AuditHead> &anchors = {}) const;

private:
    void append(domain::AuditEntry entry);
    Session &m_session;
};

} // namespace bizdesk::services
