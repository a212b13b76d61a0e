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

Money Money::parsePositive(const QString &field, const QString &text, QString currency)
{
    const bool yuan = currency == defaultCurrency();
    const auto money = parse(text, std::move(currency));
    if (!money)
        throw Error::invalid(field,
                             yuan ? QCoreApplication::translate("Money", "%1: \"%2\" is not an amount; write yuan with at most two decimals, e.g. 1234.50.")
                                        .arg(field, text)
                                  : QCoreApplication::translate("Money", "%1: \"%2\" is not an amount; write it with at most two decimals, e.g. 1234.50.")
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

QString Money::toGroupedString() const
{
    const std::int64_t magnitude = m_minor < 0 ? -m_minor : m_minor;
    QString yuan = QString::number(magnitude / 100);
    for (qsizetype at = yuan.size() - 3; at > 0; at -= 3)
        yuan.insert(at, QLatin1Char(','));
    return QStringLiteral("%1%2.%3")
        .arg(m_minor < 0 ? QStringLiteral("-") : QString(), yuan)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString Money::toChineseCapitals() const
{
    static const QString digits = QStringLiteral("零壹贰叁肆伍陆柒捌玖");
    static const QString places = QStringLiteral("仟佰拾");
    // Groups of four digits, from the lowest: 元, 万, 亿, 万亿.
    static const QStringList groupUnits = {QString(), QStringLiteral("万"), QStringLiteral("亿"), QStringLiteral("万")};
    const std::int64_t magnitude = m_minor < 0 ? -m_minor : m_minor;
    std::int64_t yuan = magnitude / 100;
    const int jiao = int(magnitude / 10 % 10);
    const int fen = int(magnitude % 10);

    QList<int> groups;
    for (; yuan > 0; yuan /= 10000)
        groups.prepend(int(yuan % 10000));
    QString integer;
    bool zeroPending = false; // a zero group or trailing zeros were skipped since the last digit
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const int group = groups[g];
        if (group == 0) {
            zeroPending = !integer.isEmpty();
            continue;
        }
        if (!integer.isEmpty() && (zeroPending || group < 1000))
            integer += digits[0];
        bool innerZero = false;
        bool started = false;
        for (int place = 0, divisor = 1000; place < 4; ++place, divisor /= 10) {
            const int digit = group / divisor % 10;
            if (digit == 0) {
                innerZero = started;
                continue;
            }
            if (innerZero)
                integer += digits[0];
            innerZero = false;
            started = true;
            integer += digits[digit];
            if (place < 3)
                integer += places[place];
        }
        const qsizetype level = groups.size() - 1 - g;
        integer += groupUnits[level % groupUnits.size()];
        if (level == 3 && groups[g + 1] == 0)
            integer += QStringLiteral("亿"); // 壹万亿: the 亿 group is empty but its unit is spoken
        zeroPending = false;
    }

    QString text = QStringLiteral("人民币");
    if (m_minor < 0)
        text += QStringLiteral("负");
    if (!integer.isEmpty())
        text += integer + QStringLiteral("元");
    else if (jiao == 0 && fen == 0)
        text += QStringLiteral("零元");
    if (jiao != 0)
        text += digits[jiao] + QStringLiteral("角");
    else if (fen != 0 && !integer.isEmpty())
        text += digits[0]; // 壹元零伍分: the empty 角 is spoken
    if (fen != 0)
        text += digits[fen] + QStringLiteral("分");
    else
        text += QStringLiteral("整");
    return text;
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
