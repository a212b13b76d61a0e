#pragma once

#include "domain/audit/AuditEntry.h"
#include "domain/audit/AuditHead.h"

#include <QString>

#include <optional>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::services {

class AuditHeadStore;
class Session;

/// What opening a database found about the audit head this installation saw last.
struct AuditHeadCheck
{
    std::optional<domain::AuditHead> remembered; ///< none: this installation never saw the database
    domain::AuditHead current;
    /// The chain no longer holds the remembered entry with its hash: an older copy was put in the
    /// database's place, or its newest entries were cut.
    bool rolledBack = false;
    /// The newest restore the chain records (`bizdeskctl restore`), cited by the warning.
    std::optional<domain::AuditEntry> restore;

    /// The translated warning for `location`; empty when nothing was rolled back.
    QString warning(const QString &location) const;
};

struct AuditHeadAcceptance
{
    bool accepted = false; ///< false: nothing was rolled back, nothing written
    std::optional<domain::AuditHead> previous;
    domain::AuditHead head; ///< the head remembered now (the acceptance's own audit entry)
    std::optional<qint64> entryId;
};

/// Compares a database's audit chain with the head this installation remembers of it (issue 17
/// §4): a chain alone cannot show that its tail was cut or an old backup put in its place, a head
/// kept elsewhere can. Opening looks up that one entry (O(1)); no chain walk.
class AuditHeadGuard
{
public:
    /// Audit action of a restore (`bizdeskctl restore`, File → Restore) on the restored database.
    static QString restoreAction() { return QStringLiteral("database.restore"); }
    static QString acceptAction() { return QStringLiteral("audit.accept_head"); }

    AuditHeadGuard(storage::Database &database, AuditHeadStore &store);

    AuditHeadCheck check() const;
    /// Keeps the current head as the last one seen, unless the chain lost the remembered one:
    /// then the warning stays until the rollback is accepted.
    void rememberIfIntact();
    /// Keeps the current head whatever was remembered (this installation just made the chain:
    /// init, demo, restore).
    void rememberCurrent();
    /// `audit accept-head`: a rollback that is known and wanted becomes the new starting point;
    /// audited (who, the head given up, the head accepted). Needs Action::ManageDatabase.
    AuditHeadAcceptance accept(Session &session);

private:
    QString key() const;
    storage::Database &m_database;
    AuditHeadStore &m_store;
};

} // namespace bizdesk::services
