#include "domain/Error.h"
#include "domain/calendar/BusinessCalendar.h"

#include <gtest/gtest.h>

using namespace bizdesk::domain;

namespace {

const QTimeZone shanghai("Asia/Shanghai");
const QTimeZone losAngeles("America/Los_Angeles");

QDateTime at(int year, int month, int day, int hour, int minute, const QTimeZone &zone)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), zone).toUTC();
}

} // namespace

TEST(BusinessCalendar, shanghai_morning_of_the_first_belongs_to_december_whatever_the_machine_zone)
{
    const BusinessCalendar calendar(shanghai);
    const QDateTime event = at(2026, 12, 1, 7, 30, shanghai);
    ASSERT_EQ(event.date(), QDate(2026, 11, 30)); // in UTC it is still November
    EXPECT_EQ(calendar.dateOf(event), QDate(2026, 12, 1));
    EXPECT_EQ(BusinessPeriod::monthOf(calendar.dateOf(event)).label, QStringLiteral("2026-12"));
    const auto [from, to] = calendar.instantRange(BusinessPeriod::parse(QStringLiteral("2026-12")));
    EXPECT_LE(from, event);
    EXPECT_GT(to, event);
    EXPECT_EQ(from, QDateTime(QDate(2026, 11, 30), QTime(16, 0), QTimeZone::utc()));
    EXPECT_EQ(to, QDateTime(QDate(2026, 12, 31), QTime(16, 0), QTimeZone::utc()));
}

TEST(BusinessCalendar, a_company_in_los_angeles_cuts_its_days_there)
{
    const BusinessCalendar calendar(losAngeles);
    const QDateTime evening = at(2026, 11, 30, 20, 0, losAngeles); // 04:00 UTC on 1 December
    EXPECT_EQ(calendar.dateOf(evening), QDate(2026, 11, 30));
    EXPECT_EQ(calendar.startOf(QDate(2026, 12, 1)), QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc()));
}

TEST(BusinessCalendar, today_comes_from_the_clock_in_the_company_zone)
{
    const BusinessCalendar calendar(shanghai);
    const FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(17, 0), QTimeZone::utc()));
    EXPECT_EQ(calendar.today(clock), QDate(2026, 12, 1));
}

TEST(BusinessCalendar, days_between_counts_business_dates_not_24_hour_spans)
{
    const BusinessCalendar calendar(shanghai);
    EXPECT_EQ(calendar.daysBetween(at(2026, 12, 1, 23, 0, shanghai), at(2026, 12, 2, 1, 0, shanghai)), 1);
    EXPECT_EQ(calendar.daysBetween(at(2026, 12, 2, 1, 0, shanghai), at(2026, 12, 2, 23, 0, shanghai)), 0);
}

TEST(BusinessCalendar, unknown_zone_is_refused_naming_the_field_and_empty_means_the_system_zone)
{
    try {
        BusinessCalendar::fromZoneId(QStringLiteral("Mars/Olympus"), QStringLiteral("time-zone"));
        FAIL() << "an unknown zone was accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Invalid);
        EXPECT_EQ(error.field(), QStringLiteral("time-zone"));
    }
    EXPECT_EQ(BusinessCalendar::fromZoneId(QString()).zone(), QTimeZone::systemTimeZone());
    EXPECT_EQ(BusinessCalendar::fromZoneId(QStringLiteral(" Asia/Shanghai ")).zoneId(), QStringLiteral("Asia/Shanghai"));
}

TEST(BusinessPeriod, parses_months_quarters_and_years_and_refuses_the_rest)
{
    const BusinessPeriod quarter = BusinessPeriod::parse(QStringLiteral("2026-q4"));
    EXPECT_EQ(quarter.label, QStringLiteral("2026-Q4"));
    EXPECT_EQ(quarter.first, QDate(2026, 10, 1));
    EXPECT_EQ(quarter.last, QDate(2026, 12, 31));
    const BusinessPeriod february = BusinessPeriod::parse(QStringLiteral("2028-02"));
    EXPECT_EQ(february.last, QDate(2028, 2, 29));
    const BusinessPeriod year = BusinessPeriod::parse(QStringLiteral("2026"));
    EXPECT_EQ(year.first, QDate(2026, 1, 1));
    EXPECT_EQ(year.last, QDate(2026, 12, 31));
    EXPECT_TRUE(year.contains(QDate(2026, 7, 1)));
    for (const QString &bad : {QStringLiteral("2026-13"), QStringLiteral("2026-Q5"), QStringLiteral("26"), QStringLiteral("")}) {
        EXPECT_THROW(BusinessPeriod::parse(bad), Error) << bad.toStdString();
    }
}
