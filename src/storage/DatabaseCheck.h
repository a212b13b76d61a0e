#pragma once

#include <QStringList>

namespace bizdesk::storage {

class Database;

/// Structural checks of the database file itself (the audit chain is checked by services).
class DatabaseCheck
{
public:
    /// Problems found by integrity_check and foreign_key_check (SQLite); PostgreSQL enforces
    /// both itself, so only reachability and the schema version are checked there.
    static QStringList structuralProblems(Database &database);
};

} // namespace bizdesk::storage
