#pragma once

#include "domain/Money.h"
#include "storage/contracts/ContractRepository.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace bizdesk::storage {

class Database;
class SqlQuery;

/// An installment of an effective contract that is not fully received yet.
struct OpenReceivable
{
    qint64 receivableId = 0;
    qint64 contractId = 0;
    QString number;
    QString customerName;
    QString title;
    QString ownerName;
    QDate due;
    domain::Money amount;   ///< in the contract's currency
    domain::Money received; ///< against this installment
    domain::Money contractAmount;
    domain::Money contractAmountCny;
};

/// Which open installments: a window in due order after (`afterDue`, `afterId`), optionally only
/// those due between `dueFrom` and `dueTo` (inclusive), visible as `visibility` says.
struct OpenReceivableFilter
{
    ContractFilter visibility; ///< only its visibility fields count
    std::optional<QDate> dueFrom;
    std::optional<QDate> dueTo;
    std::optional<std::pair<QDate, qint64>> after;
    std::optional<int> limit; ///< none: all of them (sums off the GUI thread)
};

/// The receivables view's rows (回款计划 not yet received, §5.4): walks contract_receivables by
/// its due-date index, so a window costs what it shows, not what the table holds.
class OpenReceivableRepository
{
public:
    explicit OpenReceivableRepository(Database &database) : m_database(database) {}

    QList<OpenReceivable> list(const OpenReceivableFilter &filter) const;
    /// Streams every matching installment to `visit` without keeping them.
    void forEach(const OpenReceivableFilter &filter, const std::function<void(const OpenReceivable &)> &visit) const;
    QStringList queryPlan(const OpenReceivableFilter &filter) const;

private:
    void run(const OpenReceivableFilter &filter, const QString &prefix, const std::function<void(SqlQuery &)> &read) const;
    Database &m_database;
};

} // namespace bizdesk::storage
