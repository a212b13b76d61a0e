#pragma once

#include "domain/Money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::domain {

/// One installment of the receivable plan (回款计划, §5.4).
struct Receivable
{
    qint64 id = 0;
    qint64 contractId = 0;
    QDate due;
    Money amount;
    Money received; ///< payments booked against it
    Money outstanding() const { return amount - received; }
    bool isOverdue(const QDate &today) const { return due < today && outstanding() > Money::fromMinor(0, amount.currency()); }
};

/// A payment received (回款记录), booked by finance.
struct Payment
{
    qint64 id = 0;
    qint64 contractId = 0;
    std::optional<qint64> receivableId;
    QDate date;
    Money amount;
    QString method;
    qint64 recordedBy = 0;
};

/// What the contract shows about its money.
struct ContractBalance
{
    Money planned;     ///< sum of the installments
    Money received;    ///< sum of the payments
    Money outstanding; ///< contract amount − received
    Money overdue;     ///< outstanding parts of installments past their due date
};

/// Days past due, in the three bands of the receivables view.
enum class AgingBand { Current, Days0To30, Days31To90, Over90 };

class ReceivableRules
{
public:
    /// The plan may not exceed the contract amount (§5.4 receivable plan): invalid("amount").
    static void requireWithinContract(const Money &contractAmount, const QList<Receivable> &plan, const Money &added);
    /// A payment may not exceed what is still outstanding on the contract: invalid("amount").
    static void requirePaymentWithinOutstanding(const Money &contractAmount, const QList<Payment> &payments,
                                                const Money &added);
    static ContractBalance balance(const Money &contractAmount, const QList<Receivable> &plan,
                                   const QList<Payment> &payments, const QDate &today);
    /// Not yet due → Current; due today or up to 30 days ago → 0–30; 31–90; more than 90.
    static AgingBand aging(const QDate &due, const QDate &today);
    static QString agingName(AgingBand band);
    static QString agingDisplayName(AgingBand band);
};

} // namespace bizdesk::domain
