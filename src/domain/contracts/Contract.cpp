#include "domain/contracts/Contract.h"

#include "domain/Error.h"
#include "domain/TextRules.h"

#include <QRegularExpression>

#include <limits>

namespace bizdesk::domain {

Money ContractRules::parseAmount(const QString &field, const QString &text, const QString &currency)
{
    return Money::parsePositive(field, text.trimmed(), currency.isEmpty() ? Money::defaultCurrency() : currency);
}

QString ContractRules::parseCurrency(const QString &text)
{
    const QString code = text.trimmed().toUpper();
    if (code.isEmpty())
        return Money::defaultCurrency();
    static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
    if (!iso.match(code).hasMatch())
        throw Error::invalid(QStringLiteral("currency"),
                             QCoreApplication::translate("Contract", "currency: \"%1\" is not a three-letter currency code "
                                                                     "such as CNY, USD or EUR.")
                                 .arg(text));
    return code;
}

void ContractRules::applyForm(const ContractForm &form, Contract &contract)
{
    if (form.customerId <= 0)
        throw Error::invalid(QStringLiteral("customer"),
                             QCoreApplication::translate("Contract", "customer: a contract needs the customer it is made with."));
    const QString title = TextRules::required(QStringLiteral("title"), form.title, TextKind::Title);
    const QString currency = parseCurrency(form.currency);
    const Money amount = parseAmount(QStringLiteral("amount"), form.amount, currency);
    if (form.startDate.isValid() && form.endDate.isValid() && form.endDate < form.startDate)
        throw Error::invalid(QStringLiteral("end"),
                             QCoreApplication::translate("Contract", "end: the end date %1 is before the start date %2.")
                                 .arg(form.endDate.toString(Qt::ISODate), form.startDate.toString(Qt::ISODate)));
    contract.customerId = form.customerId;
    contract.title = title;
    contract.amount = amount;
    contract.startDate = form.startDate;
    contract.endDate = form.endDate;
    contract.negotiationId = form.negotiationId;
}

QString ContractNumber::format(int year, int sequence)
{
    return QStringLiteral("HT-%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(sequence, 4, 10, QLatin1Char('0'));
}

std::optional<std::pair<int, int>> ContractNumber::parse(const QString &number)
{
    static const QRegularExpression pattern(QStringLiteral("^HT-(\\d{4})-(\\d{4,})$"));
    const auto match = pattern.match(number);
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair{match.captured(1).toInt(), match.captured(2).toInt()};
}

bool ContractRouting::needsExecutive(const Money &amountCny, const Money &executiveThreshold)
{
    return amountCny > executiveThreshold;
}

QList<StepPlan> ContractRouting::plan(const Money &amountCny, const Money &executiveThreshold)
{
    using Mode = ApprovalStep::Mode;
    QList<StepPlan> plans{
        {QStringLiteral("legal_review"), ApproverRule::roleHolders(Role::Legal), Mode::AnyOf, QStringLiteral("5.2.1")},
        {QStringLiteral("finance_review"), ApproverRule::roleHolders(Role::Finance), Mode::AnyOf, QStringLiteral("5.2.3")},
        {QStringLiteral("leadership_approval"), ApproverRule::roleHolders(Role::Director), Mode::AnyOf, QStringLiteral("5.3.1")},
    };
    if (needsExecutive(amountCny, executiveThreshold))
        plans << StepPlan{QStringLiteral("executive_approval"), ApproverRule::roleHolders(Role::Executive), Mode::AnyOf,
                          QStringLiteral("5.3.1")};
    return plans;
}

qint64 ExchangeRate::parseMicros(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9})(?:\\.(\\d{1,6}))?$"));
    const auto match = pattern.match(text.trimmed());
    const qint64 micros = match.hasMatch()
                              ? match.captured(1).toLongLong() * 1000000
                                    + match.captured(2).leftJustified(6, QLatin1Char('0')).toLongLong()
                              : 0;
    if (micros <= 0)
        throw Error::invalid(QStringLiteral("rate"),
                             QCoreApplication::translate("Contract", "rate: \"%1\" is not a positive rate with at most six "
                                                                     "decimals, e.g. 7.1234.")
                                 .arg(text));
    return micros;
}

QString ExchangeRate::microsToString(qint64 micros)
{
    return QStringLiteral("%1.%2").arg(micros / 1000000).arg(micros % 1000000, 6, 10, QLatin1Char('0'));
}

Money ExchangeRate::toCny(const Money &amount) const
{
    if (amount.currency() == Money::defaultCurrency())
        return amount;
    std::int64_t product = 0;
    if (__builtin_mul_overflow(amount.minorUnits(), micros, &product) || product > std::numeric_limits<std::int64_t>::max() - 500000
        || product < std::numeric_limits<std::int64_t>::min() + 500000)
        throw Error::invalid(QStringLiteral("amount"), QCoreApplication::translate("Contract", "amount: too large."));
    return Money::fromMinor(product >= 0 ? (product + 500000) / 1000000 : (product - 500000) / 1000000);
}

} // namespace bizdesk::domain
