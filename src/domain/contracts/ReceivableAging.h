#pragma once

#include "domain/contracts/Receivables.h"

#include <QDate>

#include <optional>

namespace bizdesk::domain {

/// Due dates from `from` to `to`, both inclusive; an open end is unbounded.
struct DueRange
{
    std::optional<QDate> from;
    std::optional<QDate> to;
    bool contains(const QDate &due) const { return (!from || due >= *from) && (!to || due <= *to); }
};

/// The aging bands of the receivables view (§5.4) as ranges of due dates, so a query can sum one
/// band by index: every due date in dueRange(band, today) has ReceivableRules::aging == band.
class ReceivableAging
{
public:
    static DueRange dueRange(AgingBand band, const QDate &today);
    /// The bands in the order the view shows them: not yet due, then ever older.
    static QList<AgingBand> bands();
};

/// A contract's money in CNY at the contract's own rate (amount_cny / amount, fixed by finance's
/// rate table on the drafting day), so received + outstanding always add up to the amount in CNY.
class ContractCny
{
public:
    /// `part` (in the contract's currency) in CNY, rounded half away from zero to whole fen.
    static Money of(const Money &part, const Money &contractAmount, const Money &contractAmountCny);
};

} // namespace bizdesk::domain
