#include "services/audit/AuditHeadGuard.h"

#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/AuditHeadStore.h"
#include "services/audit/AuditTrail.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/audit/AuditRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace bizdesk::services {

QString AuditHeadCheck::warning(const QString &location) const
{
    if (!rolledBack || !remembered)
        return {};
    QString text = QCoreApplication::translate(
                       "AuditHeadGuard",
                       "The audit trail of %1 no longer holds entry %2 with the hash this computer saw last (%3): the "
                       "database was rolled back — an older copy was put in its place or its newest entries were removed. "
                       "Its last entry now is %4.")
                       .arg(location)
                       .arg(remembered->id)
                       .arg(remembered->hash.left(12))
                       .arg(current.id);
    if (restore) {
        const QJsonObject details = QJsonDocument::fromJson(restore->afterJson.toUtf8()).object();
        text += QLatin1Char(' ')
            + QCoreApplication::translate("AuditHeadGuard",
                                          "Entry %1 records a restore from the backup %2 (audit head %3) at %4 UTC by %5.")
                  .arg(restore->id)
                  .arg(details.value(QStringLiteral("backup")).toString(),
                       details.value(QStringLiteral("backup_head")).toString().left(20),
                       restore->at, details.value(QStringLiteral("by")).toString());
    }
    text += QLatin1Char(' ')
        + QCoreApplication::translate("AuditHeadGuard",
                                      "If this is known and wanted, accept it with \"bizdeskctl audit accept-head\".");
    return text;
}

AuditHeadGuard::AuditHeadGuard(storage::Database &database, AuditHeadStore &store)
    : m_database(database)
    , m_store(store)
{
}

QString AuditHeadGuard::key() const
{
    return m_database.location().displayName();
}

AuditHeadCheck AuditHeadGuard::check() const
{
    const storage::AuditRepository repository(m_database);
    AuditHeadCheck result;
    result.remembered = m_store.recall(key());
    result.current = repository.head();
    if (result.remembered && result.remembered->id != 0) {
        const std::optional<QString> hashNow = repository.hashOf(result.remembered->id);
        result.rolledBack = hashNow != result.remembered->hash;
    } else if (result.remembered) {
        result.rolledBack = result.remembered->hash != domain::AuditChain::genesisHash();
    }
    if (result.rolledBack)
        result.restore = repository.latestDatabaseEntry(AuditHeadGuard::restoreAction());
    return result;
}

void AuditHeadGuard::rememberIfIntact()
{
    const AuditHeadCheck now = check();
    if (!now.rolledBack)
        m_store.remember(key(), now.current);
}

void AuditHeadGuard::rememberCurrent()
{
    m_store.remember(key(), storage::AuditRepository(m_database).head());
}

AuditHeadAcceptance AuditHeadGuard::accept(Session &session)
{
    session.require(domain::Action::ManageDatabase);
    const AuditHeadCheck now = check();
    AuditHeadAcceptance result;
    result.previous = now.remembered;
    if (!now.rolledBack) {
        result.head = now.current;
        m_store.remember(key(), now.current);
        return result;
    }
    storage::Transaction transaction(m_database);
    QJsonObject after{{QStringLiteral("head"), now.current.toText()}};
    if (now.restore)
        after.insert(QStringLiteral("restore_entry"), static_cast<double>(now.restore->id));
    AuditTrail(session).record(acceptAction(), QStringLiteral("database"), std::nullopt,
                               QJsonObject{{QStringLiteral("head"), now.remembered->toText()}}, after);
    transaction.commit();
    result.accepted = true;
    result.head = storage::AuditRepository(m_database).head();
    result.entryId = result.head.id;
    m_store.remember(key(), result.head);
    return result;
}

} // namespace bizdesk::services
