#include "storage/Transaction.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "support/Logging.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <utility>

namespace bizdesk::storage {

Transaction::Transaction(Database &database, Mode mode)
    : m_database(database)
{
    if (m_database.m_transactionDepth == 0) {
        m_database.execute(mode == Mode::Write ? m_database.dialect().beginWriteStatement()
                                               : m_database.dialect().beginReadStatement());
        m_database.m_rollbackOnly = false;
        m_database.m_afterCommit.clear();
        m_outermost = true;
    }
    ++m_database.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (m_finished)
        return;
    --m_database.m_transactionDepth;
    if (m_outermost) {
        m_database.m_afterCommit.clear();
        QSqlQuery(m_database.connection()).exec(QStringLiteral("ROLLBACK"));
    } else {
        m_database.m_rollbackOnly = true;
    }
}

void Transaction::commit()
{
    if (m_finished)
        return;
    m_finished = true;
    --m_database.m_transactionDepth;
    if (!m_outermost)
        return;
    if (m_database.m_rollbackOnly) {
        m_database.m_afterCommit.clear();
        QSqlQuery(m_database.connection()).exec(QStringLiteral("ROLLBACK"));
        throw domain::Error::internal(
            QCoreApplication::translate("Database", "A part of this change failed; nothing was saved."));
    }
    try {
        m_database.execute(QStringLiteral("COMMIT"));
    } catch (...) {
        m_database.m_afterCommit.clear();
        QSqlQuery(m_database.connection()).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    // Taken out first: an action may open a transaction of its own.
    const auto actions = std::exchange(m_database.m_afterCommit, {});
    for (const auto &action : actions)
        action();
}

} // namespace bizdesk::storage
