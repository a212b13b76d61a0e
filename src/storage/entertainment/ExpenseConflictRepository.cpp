#include "storage/entertainment/ExpenseConflictRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

namespace bizdesk::storage {

void ExpenseConflictRepository::append(const domain::ExpenseConflict &conflict)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO entertainment_conflicts (request_id, step_state, approver_id, decided_by, decision, note, decided_at) "
        "VALUES (:request, :step, :approver, :by, :decision, :note, :at)"));
    query.bind(":request", conflict.requestId)
        .bind(":step", conflict.stepState)
        .bind(":approver", conflict.approverId)
        .bind(":by", conflict.decidedBy)
        .bind(":decision", conflict.decision)
        .bind(":note", conflict.note)
        .bind(":at", conflict.decidedAt)
        .exec();
}

QList<domain::ExpenseConflict> ExpenseConflictRepository::forRequest(qint64 requestId) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT c.request_id, c.step_state, c.approver_id, c.decided_by, c.decision, c.note, c.decided_at, u.display_name "
        "FROM entertainment_conflicts c JOIN users u ON u.id = c.decided_by WHERE c.request_id = :request ORDER BY c.id"));
    query.bind(":request", requestId).exec();
    QList<domain::ExpenseConflict> conflicts;
    while (query.next())
        conflicts << domain::ExpenseConflict{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(),
                                             query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString(),
                                             query.value(6).toString(), query.value(7).toString()};
    return conflicts;
}

} // namespace bizdesk::storage
