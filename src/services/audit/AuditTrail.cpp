#include "services/audit/AuditTrail.h"

#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/ChangeFeed.h"
#include "storage/Database.h"
#include "storage/audit/AuditRepository.h"
#include "storage/policy/PolicyRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace bizdesk::services {
namespace {

QString compact(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

void AuditTrail::append(domain::AuditEntry entry)
{
    storage::AuditRepository repository(m_session.database());
    entry.at = m_session.timestamp();
    entry.policyVersion = storage::PolicyRepository(m_session.database()).currentVersion();
    entry.previousHash = repository.lockAndReadLastHash();
    entry.id = repository.takeNextId(); // hashed with the rest: a renumbered entry shows
    entry.hash = domain::AuditChain::hashOf(entry.previousHash, entry);
    repository.append(entry);
    const qint64 id = entry.id;
    // Every change is audited, so the audit trail is the one place that announces changes.
    m_session.database().afterCommit([feed = m_session.changeFeed(), id] { feed->announce(id); });
}

void AuditTrail::record(const QString &action, const QString &entityKind, std::optional<qint64> entityId,
                        const QJsonObject &before, const QJsonObject &after, std::optional<qint64> onBehalfOf,
                        const QString &onBehalfOfLogin)
{
    domain::AuditEntry entry;
    if (m_session.isLoggedIn()) {
        entry.actorId = m_session.user().id;
        entry.actorLogin = m_session.user().login;
    }
    entry.onBehalfOfId = onBehalfOf;
    entry.onBehalfOfLogin = onBehalfOfLogin;
    entry.action = action;
    entry.entityKind = entityKind;
    entry.entityId = entityId;
    entry.beforeJson = compact(before);
    entry.afterJson = compact(after);
    append(std::move(entry));
}

void AuditTrail::recordAnonymous(const QString &action, const QString &actorLogin, std::optional<qint64> actorId,
                                 const QJsonObject &details)
{
    domain::AuditEntry entry;
    entry.actorId = actorId;
    entry.actorLogin = actorLogin;
    entry.action = action;
    entry.entityKind = QStringLiteral("user");
    entry.entityId = actorId;
    entry.afterJson = compact(details);
    append(std::move(entry));
}

QList<domain::AuditEntry> AuditTrail::log(const QString &entityKind, std::optional<qint64> entityId, int limit) const
{
    return storage::AuditRepository(m_session.database()).list(entityKind, entityId, limit);
}

QList<domain::AuditEntry> AuditTrail::history(const QString &entityKind, qint64 entityId, int limit) const
{
    m_session.require(domain::Action::ReadAudit);
    return log(entityKind, entityId, limit);
}

qint64 AuditTrail::headId(storage::Database &database)
{
    return storage::AuditRepository(database).head().id;
}

domain::AuditHead AuditTrail::head() const
{
    return storage::AuditRepository(m_session.database()).head();
}

AuditVerification AuditTrail::verify(const QList<domain::AuditHead> &anchors) const
{
    AuditVerification result;
    const auto fail = [&](qint64 id, const QString &problem) {
        result.ok = false;
        result.firstBrokenId = id;
        result.problem = problem;
    };
    const auto checkAnchor = [&](const domain::AuditHead &anchor, const QString &hashNow) {
        if (result.ok && hashNow != anchor.hash)
            fail(anchor.id, QCoreApplication::translate("AuditTrail",
                                                        "entry %1 no longer has the hash %2 recorded earlier (it now has "
                                                        "%3): it or an entry before it was rewritten")
                                .arg(anchor.id)
                                .arg(anchor.hash, hashNow));
    };
    QList<domain::AuditHead> unseen; // anchors whose entry the walk has not met (yet)
    for (const domain::AuditHead &anchor : anchors) {
        if (anchor.id == 0) // the head of an empty chain
            checkAnchor(anchor, domain::AuditChain::genesisHash());
        else
            unseen << anchor;
    }
    result.head = domain::AuditHead{0, domain::AuditChain::genesisHash()};
    QString previous = domain::AuditChain::genesisHash();
    bool idsHashed = false; // once an entry hashes its id, every later one must
    storage::AuditRepository(m_session.database()).forEachInOrder([&](const domain::AuditEntry &entry) {
        ++result.entries;
        result.head = domain::AuditHead{entry.id, entry.hash};
        if (!result.ok)
            return;
        if (entry.previousHash != previous) {
            fail(entry.id, QCoreApplication::translate("AuditTrail",
                                                       "entry %1 does not follow the entry before it (an entry was "
                                                       "deleted, inserted or reordered)")
                               .arg(entry.id));
        } else if (domain::AuditChain::hashOf(previous, entry) == entry.hash) {
            idsHashed = true;
        } else if (idsHashed || domain::AuditChain::legacyHashOf(previous, entry) != entry.hash) {
            fail(entry.id, QCoreApplication::translate("AuditTrail", "entry %1 was edited after it was written").arg(entry.id));
        }
        unseen.removeIf([&](const domain::AuditHead &anchor) {
            if (anchor.id != entry.id)
                return false;
            checkAnchor(anchor, entry.hash);
            return true;
        });
        previous = entry.hash;
    });
    for (const domain::AuditHead &anchor : unseen) {
        if (result.ok)
            fail(anchor.id, QCoreApplication::translate("AuditTrail",
                                                        "entry %1 recorded earlier (hash %2) is no longer in the chain, "
                                                        "which ends at entry %3: entries were deleted")
                                .arg(anchor.id)
                                .arg(anchor.hash)
                                .arg(result.head.id));
    }
    return result;
}

} // namespace bizdesk::services
