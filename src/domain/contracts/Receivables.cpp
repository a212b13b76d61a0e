#include "domain/contracts/Receivables.h"

#include "domain/Error.h"

#include <QCoreApplication>

namespace bizdesk::domain {
namespace {

Money zeroLike(const Money &amount)
{
    return Money::fromMinor(0, amount.currency());
}

template <typename Item>
Money sumOf(const Money &zero, const QList<Item> &items)
{
    Money sum = zero;
    for (const Item &item : items)
        sum = sum + item.amount;
    return sum;
}

} // namespace

void ReceivableRules::requireWithinContract(const Money &contractAmount, const QList<Receivable> &plan, const Money &added)
{
    const Money planned = sumOf(zeroLike(contractAmount), plan);
    if (planned + added > contractAmount)
        throw Error::invalid(QStringLiteral("amount"),
                             QCoreApplication::translate("Contract", "amount: the receivable plan would be %1, more than the "
                                                                     "contract amount %2; %3 is still unplanned (§5.4).")
                                 .arg((planned + added).toGroupedString(), contractAmount.toGroupedString(),
                                      (contractAmount - planned).toGroupedString()),
                             QStringLiteral("5.4"));
}

void ReceivableRules::requirePaymentWithinOutstanding(const Money &contractAmount, const QList<Payment> &payments,
                                                      const Money &added)
{
    const Money received = sumOf(zeroLike(contractAmount), payments);
    if (received + added > contractAmount)
        throw Error::invalid(QStringLiteral("amount"),
                             QCoreApplication::translate("Contract", "amount: %1 received so far plus this payment would "
                                                                     "exceed the contract amount %2 (§5.4).")
                                 .arg(received.toGroupedString(), contractAmount.toGroupedString()),
                             QStringLiteral("5.4"));
}

ContractBalance ReceivableRules::balance(const Money &contractAmount, const QList<Receivable> &plan,
                                         const QList<Payment> &payments, const QDate &today)
{
    const Money zero = zeroLike(contractAmount);
    ContractBalance balance{sumOf(zero, plan), sumOf(zero, payments), contractAmount, zero};
    for (const Receivable &installment : plan) {
        if (installment.isOverdue(today))
            balance.overdue = balance.overdue + installment.outstanding();
    }
    balance.outstanding = contractAmount - balance.received;
    return balance;
}

AgingBand ReceivableRules::aging(const QDate &due, const QDate &today)
{
    const qint64 daysLate = due.daysTo(today);
    if (daysLate <= 0)
        return AgingBand::Current;
    if (daysLate <= 30)
        return AgingBand::Days0To30;
    if (daysLate <= 90)
        return AgingBand::Days31To90;
    return AgingBand::Over90;
}

QString ReceivableRules::agingName(AgingBand band)
{
    switch (band) {
    case AgingBand::Current: return QStringLiteral("current");
    case AgingBand::Days0To30: return QStringLiteral("0-30");
    case AgingBand::Days31To90: return QStringLiteral("31-90");
    case AgingBand::Over90: return QStringLiteral(">90");
    }
    return {};
}

QString ReceivableRules::agingDisplayName(AgingBand band)
{
    switch (band) {
    case AgingBand::Current: return QCoreApplication::translate("Contract", "Not yet due");
    case AgingBand::Days0To30: return QCoreApplication::translate("Contract", "0–30 days overdue");
    case AgingBand::Days31To90: return QCoreApplication::translate("Contract", "31–90 days overdue");
    case AgingBand::Over90: return QCoreApplication::translate("Contract", "More than 90 days overdue");
    }
    return {};
}

} // namespace bizdesk::domain
