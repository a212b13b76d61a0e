#include "domain/Money.h"

#include "domain/Error.h"

#include <QRegularExpression>

#include <limits>

namespace bizdesk::domain {

Money Money::fromMinor(std::int64_t minorUnits, QString currency)
{
    Money money;
    money.m_minor = minorUnits;
    money.m_currency = std::move(currency);
    return money;
}

std::optional<Money> Money::parse(const QString &text, QString currency)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,13})(?:\\.(\\d{1,2}))?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const std::int64_t yuan = match.captured(1).toLongLong();
    QString fraction = match.captured(2);
    while (fraction.size() < 2)
        fraction.append(QLatin1Char('0'));
    return fromMinor(yuan * 100 + fraction.toLongLong(), std::move(currency));
}

Money Money::parsePositive(const QString &field, const QString &text)
{
    const auto money = parse(text);
    if (!money)
        throw Error::invalid(field,
                             QCoreApplication::translate("Money", "%1: \"%2\" is not an amount; write yuan with at most two decimals, e.g. 1234.50.")
                                 .arg(field, text));
    if (money->minorUnits() <= 0)
        throw Error::invalid(field, QCoreApplication::translate("Money", "%1: the amount must be greater than zero.").arg(field));
    return *money;
}

QString Money::toDecimalString() const
{
    const std::int64_t magnitude = m_minor < 0 ? -m_minor : m_minor;
    return QStringLiteral("%1%2.%3")
        .arg(m_minor < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

void Money::requireSameCurrency(const Money &other) const
{
    // Adding or comparing yuan with dollars is a programming error, never a user's: converting
    // is the rate table's job, so it must be done before the amounts meet.
    if (m_currency != other.m_currency)
        throw Error::internal(QStringLiteral("Money: %1 %2 and %3 %4 cannot be combined without a conversion.")
                                  .arg(toDecimalString(), m_currency, other.toDecimalString(), other.m_currency));
}

namespace {

[[noreturn]] void throwOverflow()
{
    throw Error::invalid(QStringLiteral("amount"),
                         QCoreApplication::translate("Money", "amount: the result is too large to be a sum of money."));
}

} // namespace

Money Money::operator+(const Money &other) const
{
    requireSameCurrency(other);
    std::int64_t sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        throwOverflow();
    return fromMinor(sum, m_currency);
}

Money Money::operator-(const Money &other) const
{
    requireSameCurrency(other);
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        throwOverflow();
    return fromMinor(difference, m_currency);
}

Money Money::percentOf(std::int64_t percent) const
{
    std::int64_t product = 0;
    if (__builtin_mul_overflow(m_minor, percent, &product) || product > std::numeric_limits<std::int64_t>::max() - 50
        || product < std::numeric_limits<std::int64_t>::min() + 50)
        throwOverflow();
    const std::int64_t rounded = product >= 0 ? (product + 50) / 100 : (product - 50) / 100;
    return fromMinor(rounded, m_currency);
}

std::strong_ordering Money::operator<=>(const Money &other) const
{
    requireSameCurrency(other);
    return m_minor <=> other.m_minor;
}

} // namespace bizdesk::domain
