#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::storage {

class Database;

/// One state change of an approvable record, as the timeline shows it.
struct TransitionRecord
{
    qint64 id = 0;
    QString entityKind;
    qint64 entityId = 0;
    QString action;
    QString fromState;
    QString toState;
    qint64 actorId = 0;
    QString actorLogin;
    QString actorName;
    std::optional<qint64> onBehalfOfId;
    QString onBehalfOfLogin;
    QString onBehalfOfName;
    QString comment;
    QString at;
    int policyVersion = 1;
};

/// Transition history shared by every workflow (entertainment, contracts, candidates, ...).
class TransitionRepository
{
public:
    explicit TransitionRepository(Database &database) : m_database(database) {}

    qint64 append(const TransitionRecord &record);
    /// Oldest first, with actor names joined in.
    QList<TransitionRecord> history(const QString &entityKind, qint64 entityId) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
