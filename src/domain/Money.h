#pragma once

#include <QCoreApplication>
#include <QString>

#include <compare>
#include <cstdint>
#include <optional>

namespace bizdesk::domain {

/// An amount of money in integer minor units (分) with its ISO currency code. Never floating point.
class Money
{

public:
    Money() = default;
    static Money fromMinor(std::int64_t minorUnits, QString currency = defaultCurrency());
    static QString defaultCurrency() { return QStringLiteral("CNY"); }

    /// Parses a decimal in yuan with at most two decimals ("1234", "1234.5", "1234.56").
    /// Returns nothing for anything else (signs, exponents, separators, three decimals).
    static std::optional<Money> parse(const QString &text, QString currency = defaultCurrency());
    /// Like parse(), but throws Error::invalid naming `field`; requires a positive amount.
    static Money parsePositive(const QString &field, const QString &text, QString currency = defaultCurrency());

    std::int64_t minorUnits() const { return m_minor; }
    const QString &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    /// "1234.50": the form used in JSON, CSV and the database-independent exchange formats.
    QString toDecimalString() const;
    /// "2,400.00": the decimal form with thousands separators, for printed documents.
    QString toGroupedString() const;
    /// The amount in Chinese financial capitals (大写), as written on vouchers and forms:
    /// "人民币贰仟肆佰元整", "人民币壹仟零壹元整", "人民币伍分", "人民币壹佰元壹角整".
    /// Zeros inside the number collapse to one 零; 整 follows 元 or 角; negative amounts start with 负.
    QString toChineseCapitals() const;

    /// Arithmetic and ordering throw Error::internal when the currencies differ, and
    /// Error::invalid("amount") on overflow; equality compares both amount and currency.
    Money operator+(const Money &other) const;
    Money operator-(const Money &other) const;
    /// Multiplies by percent/100, rounding half away from zero to whole minor units.
    Money percentOf(std::int64_t percent) const;

    bool operator==(const Money &other) const = default;
    std::strong_ordering operator<=>(const Money &other) const;

private:
    void requireSameCurrency(const Money &other) const;

    std::int64_t m_minor = 0;
    QString m_currency = defaultCurrency();
};

} // namespace bizdesk::domain
