#pragma once

#include "domain/entertainment/ExpenseRecords.h"

#include <QList>

namespace bizdesk::storage {

class Database;

/// Conflict-of-interest notes recorded with decisions on entertainment requests
/// (entertainment_conflicts, migration 0008).
class ExpenseConflictRepository
{
public:
    explicit ExpenseConflictRepository(Database &database) : m_database(database) {}

    void append(const domain::ExpenseConflict &conflict);
    /// Oldest first, with the actor's display name.
    QList<domain::ExpenseConflict> forRequest(qint64 requestId) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
