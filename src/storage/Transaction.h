#pragma once

namespace bizdesk::storage {

class Database;

/// RAII transaction: rolls back unless commit() was called. Nested transactions join the
/// outermost one; an inner one that is abandoned makes the whole unit roll back.
class Transaction
{
public:
    enum class Mode { Read, Write };

    explicit Transaction(Database &database, Mode mode = Mode::Write);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_database;
    bool m_outermost = false;
    bool m_finished = false;
};

} // namespace bizdesk::storage
