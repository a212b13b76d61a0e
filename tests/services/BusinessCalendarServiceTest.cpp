#include "domain/Error.h"
#include "services/audit/AuditTrail.h"
#include "services/company/CompanyService.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/entertainment/ExpenseReport.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;

namespace {

/// The company works in Shanghai whatever zone the machine (or CTest's TZ) is in.
class BusinessCalendarServiceTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (IsSkipped())
            return;
        services::CompanyService company(as(u"admin"_s));
        domain::CompanyProfile profile = company.profile();
        profile.name = u"华信软件有限公司"_s;
        profile.timeZone = u"Asia/Shanghai"_s;
        company.update(profile);
    }
    qint64 submittedAt(const QDateTime &eventAt, const QString &estimate)
    {
        domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm(estimate);
        form.eventAt = eventAt;
        services::EntertainmentService service(as(u"sales1"_s));
        return service.submit(service.apply(form).id).id;
    }
    QList<qint64> listedIn(const QString &month)
    {
        services::ExpenseQuery query;
        query.month = month;
        QList<qint64> ids;
        for (const auto &row : services::EntertainmentService(as(u"director"_s)).list(query))
            ids << row.request.id;
        return ids;
    }
    const QTimeZone shanghai{"Asia/Shanghai"};
};

} // namespace

TEST_P(BusinessCalendarServiceTest, shanghai_0730_on_the_first_of_december_is_listed_budgeted_and_reported_in_december)
{
    const qint64 december = submittedAt(QDateTime(QDate(2026, 12, 1), QTime(7, 30), shanghai).toUTC(), u"700"_s);
    const qint64 november = submittedAt(QDateTime(QDate(2026, 11, 30), QTime(20, 0), shanghai).toUTC(), u"300"_s);

    EXPECT_EQ(listedIn(u"2026-12"_s), QList<qint64>{december});
    EXPECT_EQ(listedIn(u"2026-11"_s), QList<qint64>{november});

    // The December request's budget month holds only itself; November's only the November one.
    const auto decemberDetail = services::EntertainmentService(as(u"sales1"_s)).detail(december);
    EXPECT_EQ(decemberDetail.budget.used.minorUnits(), 0);
    EXPECT_EQ(decemberDetail.budget.afterThis.minorUnits(), 70000);
    const auto novemberDetail = services::EntertainmentService(as(u"sales1"_s)).detail(november);
    EXPECT_EQ(novemberDetail.budget.afterThis.minorUnits(), 30000);

    const auto report = services::ExpenseReport(as(u"director"_s)).build(u"2026-12"_s);
    ASSERT_FALSE(report.lines.isEmpty());
    EXPECT_EQ(report.lines.last().count, 1);
    EXPECT_EQ(report.lines.last().estimated.minorUnits(), 70000);
}

TEST_P(BusinessCalendarServiceTest, today_and_the_company_zone_come_from_the_profile)
{
    m_clock.set(QDateTime(QDate(2026, 11, 30), QTime(17, 0), QTimeZone::utc())); // 01:00 on 1 December in Shanghai
    EXPECT_EQ(as(u"admin"_s).today(), QDate(2026, 12, 1));
    EXPECT_EQ(as(u"sales2"_s).calendar().zoneId(), u"Asia/Shanghai"_s);
}

TEST_P(BusinessCalendarServiceTest, only_an_administrator_changes_the_profile_and_a_stale_version_changes_nothing)
{
    services::CompanyService sales(as(u"sales1"_s));
    domain::CompanyProfile profile = sales.profile();
    EXPECT_EQ(profile.name, u"华信软件有限公司"_s);
    profile.name = u"别的公司"_s;
    EXPECT_ERROR_KIND(sales.update(profile), Denied);

    services::CompanyService admin(as(u"admin"_s));
    domain::CompanyProfile stale = admin.profile();
    domain::CompanyProfile fresh = stale;
    fresh.phone = u" 010-12345678 "_s;
    EXPECT_EQ(admin.update(fresh).phone, u"010-12345678"_s);
    stale.name = u"旧版本的名字"_s;
    EXPECT_ERROR_KIND(admin.update(stale), Conflict);
    EXPECT_EQ(admin.profile().name, u"华信软件有限公司"_s);

    domain::CompanyProfile badZone = admin.profile();
    badZone.timeZone = u"Mars/Olympus"_s;
    try {
        admin.update(badZone);
        ADD_FAILURE() << "an unknown time zone was saved";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.field(), u"time-zone"_s);
    }
    const auto entries = services::AuditTrail(as(u"director"_s)).log(u"company"_s, 1, 10);
    EXPECT_EQ(entries.size(), 2); // the fixture's save and the phone change
}

BIZDESK_INSTANTIATE_BACKENDS(BusinessCalendarServiceTest);
