#include "domain/Error.h"
#include "domain/Money.h"

#include <gtest/gtest.h>

using bizdesk::domain::Error;
using bizdesk::domain::Money;

TEST(Money, parses_yuan_with_up_to_two_decimals)
{
    EXPECT_EQ(Money::parse(QStringLiteral("1234"))->minorUnits(), 123400);
    EXPECT_EQ(Money::parse(QStringLiteral("1234.5"))->minorUnits(), 123450);
    EXPECT_EQ(Money::parse(QStringLiteral("1234.56"))->minorUnits(), 123456);
    EXPECT_EQ(Money::parse(QStringLiteral("0.01"))->minorUnits(), 1);
}

TEST(Money, refuses_over_precise_signed_and_formatted_amounts)
{
    for (const char *text : {"1234.567", "-5", "+5", "1e3", "1,234.00", "", "abc", ".5", "5."})
        EXPECT_FALSE(Money::parse(QString::fromLatin1(text)).has_value()) << text;
}

TEST(Money, parse_positive_names_the_field_and_refuses_zero)
{
    try {
        Money::parsePositive(QStringLiteral("--estimate"), QStringLiteral("0"));
        FAIL() << "zero accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.field(), QStringLiteral("--estimate"));
        EXPECT_TRUE(error.message().contains(QStringLiteral("--estimate")));
    }
}

TEST(Money, prints_two_decimals)
{
    EXPECT_EQ(Money::fromMinor(123450).toDecimalString(), QStringLiteral("1234.50"));
    EXPECT_EQ(Money::fromMinor(-5).toDecimalString(), QStringLiteral("-0.05"));
}

TEST(Money, percent_rounds_half_away_from_zero)
{
    EXPECT_EQ(Money::fromMinor(1005).percentOf(10).minorUnits(), 101); // 100.5 → 101
    EXPECT_EQ(Money::fromMinor(500000).percentOf(110).minorUnits(), 550000);
}

TEST(Money, arithmetic_and_ordering_across_currencies_throw)
{
    const Money yuan = Money::fromMinor(10000, QStringLiteral("CNY"));
    const Money dollars = Money::fromMinor(10000, QStringLiteral("USD"));
    EXPECT_THROW((void)(yuan + dollars), bizdesk::domain::Error);
    EXPECT_THROW((void)(yuan - dollars), bizdesk::domain::Error);
    EXPECT_THROW((void)(yuan < dollars), bizdesk::domain::Error);
    EXPECT_THROW((void)(yuan >= dollars), bizdesk::domain::Error);
    EXPECT_FALSE(yuan == dollars);
    EXPECT_EQ((yuan + Money::fromMinor(50, QStringLiteral("CNY"))).minorUnits(), 10050);
}

TEST(Money, overflow_is_refused_instead_of_wrapping)
{
    const Money huge = Money::fromMinor(std::numeric_limits<std::int64_t>::max() - 1);
    EXPECT_THROW((void)(huge + Money::fromMinor(2)), bizdesk::domain::Error);
    EXPECT_THROW((void)(Money::fromMinor(std::numeric_limits<std::int64_t>::min() + 1) - Money::fromMinor(2)), bizdesk::domain::Error);
    EXPECT_THROW((void)huge.percentOf(200), bizdesk::domain::Error);
}

namespace {
QString capitals(const char *amount)
{
    return bizdesk::domain::Money::parse(QString::fromLatin1(amount))->toChineseCapitals();
}
} // namespace

TEST(Money, chinese_capitals_follow_the_voucher_rules)
{
    EXPECT_EQ(capitals("2400"), QStringLiteral("人民币贰仟肆佰元整"));
    EXPECT_EQ(capitals("0.05"), QStringLiteral("人民币伍分"));
    EXPECT_EQ(capitals("0.50"), QStringLiteral("人民币伍角整"));
    EXPECT_EQ(capitals("0"), QStringLiteral("人民币零元整"));
    EXPECT_EQ(capitals("10"), QStringLiteral("人民币壹拾元整"));
    EXPECT_EQ(capitals("100.10"), QStringLiteral("人民币壹佰元壹角整"));
    EXPECT_EQ(capitals("1.05"), QStringLiteral("人民币壹元零伍分"));
    EXPECT_EQ(capitals("1001"), QStringLiteral("人民币壹仟零壹元整"));
    EXPECT_EQ(capitals("10000"), QStringLiteral("人民币壹万元整"));
    EXPECT_EQ(capitals("100010"), QStringLiteral("人民币壹拾万零壹拾元整"));
    EXPECT_EQ(capitals("100000000"), QStringLiteral("人民币壹亿元整"));
    EXPECT_EQ(capitals("100001000"), QStringLiteral("人民币壹亿零壹仟元整"));
    EXPECT_EQ(capitals("1234567.89"), QStringLiteral("人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"));
    EXPECT_EQ(capitals("1000000000000"), QStringLiteral("人民币壹万亿元整"));
    EXPECT_EQ(bizdesk::domain::Money::fromMinor(-150000).toChineseCapitals(), QStringLiteral("人民币负壹仟伍佰元整"));
}

TEST(Money, grouped_string_has_thousands_separators)
{
    EXPECT_EQ(bizdesk::domain::Money::fromMinor(240000).toGroupedString(), QStringLiteral("2,400.00"));
    EXPECT_EQ(bizdesk::domain::Money::fromMinor(123456789).toGroupedString(), QStringLiteral("1,234,567.89"));
    EXPECT_EQ(bizdesk::domain::Money::fromMinor(99900).toGroupedString(), QStringLiteral("999.00"));
    EXPECT_EQ(bizdesk::domain::Money::fromMinor(-100000).toGroupedString(), QStringLiteral("-1,000.00"));
}
