#include "domain/Error.h"
#include "domain/approval/Route.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "storage/approval/RouteRepository.h"
#include "storage/entertainment/ExpenseRepository.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

class ExpenseRepositoryTest : public bizdesk::testing::BackendTest
{
protected:
    domain::ExpenseRequest request()
    {
        domain::ExpenseRequest request;
        request.applicantId = organisation().id(u"sales1"_s);
        request.departmentId = organisation().department(u"商务一部"_s);
        request.category = domain::ExpenseCategory::Banquet;
        request.reason = u"x'); DROP TABLE users;-- <b>"_s;
        request.eventAt = QDateTime(QDate(2026, 11, 20), QTime(18, 30), QTimeZone::utc());
        request.place = u"北京饭店"_s;
        request.participants = u"王小明"_s;
        request.headcount = 2;
        request.estimate = *domain::Money::parse(u"1234.56"_s);
        return request;
    }
};

} // namespace

TEST_P(ExpenseRepositoryTest, request_round_trip_and_optimistic_lock)
{
    storage::ExpenseRepository repository(database());
    domain::ExpenseRequest original = request();
    original.id = repository.insert(original, u"2026-11-02T09:00:00.000Z"_s, original.applicantId);
    domain::ExpenseRequest loaded = repository.require(original.id);
    EXPECT_EQ(loaded.reason, original.reason);
    EXPECT_EQ(loaded.estimate.minorUnits(), 123456);
    EXPECT_EQ(loaded.eventAt, original.eventAt);
    EXPECT_FALSE(loaded.actual.has_value());
    loaded.actual = *domain::Money::parse(u"99"_s);
    loaded.late = true;
    EXPECT_EQ(repository.update(loaded, u"2026-11-03T09:00:00.000Z"_s, loaded.applicantId), 2);
    EXPECT_ERROR_KIND(repository.update(loaded, u"2026-11-03T09:00:00.000Z"_s, loaded.applicantId), Conflict);
    const auto again = repository.require(original.id);
    EXPECT_EQ(again.actual->minorUnits(), 9900);
    EXPECT_TRUE(again.late);
    EXPECT_ERROR_KIND(repository.require(9999), NotFound);
}

TEST_P(ExpenseRepositoryTest, department_spending_counts_live_requests_in_the_month)
{
    storage::ExpenseRepository repository(database());
    domain::ExpenseRequest live = request();
    live.state = domain::ExpenseState::Approved;
    repository.insert(live, u"t"_s, live.applicantId);
    domain::ExpenseRequest draft = request();
    repository.insert(draft, u"t"_s, draft.applicantId);
    domain::ExpenseRequest otherMonth = request();
    otherMonth.state = domain::ExpenseState::Approved;
    otherMonth.eventAt = otherMonth.eventAt.addMonths(1);
    repository.insert(otherMonth, u"t"_s, otherMonth.applicantId);
    const auto spent = repository.departmentSpending(*live.departmentId, u"2026-11-01T00:00:00.000Z"_s,
                                                     u"2026-12-01T00:00:00.000Z"_s, std::nullopt);
    EXPECT_EQ(spent.minorUnits(), 123456);
}

TEST_P(ExpenseRepositoryTest, attachment_bytes_and_hash_round_trip)
{
    storage::ExpenseRepository repository(database());
    domain::ExpenseRequest owner = request();
    owner.id = repository.insert(owner, u"t"_s, owner.applicantId);
    QByteArray bytes("\x89PNG\r\n\x1A\n", 8);
    for (int i = 0; i < 1000; ++i)
        bytes.append(static_cast<char>(i % 256));
    storage::ExpenseAttachment attachment{0, owner.id, u"发票.png"_s, u"image/png"_s, bytes.size(), QString(64, u'a'),
                                          u"t"_s, owner.applicantId};
    const qint64 id = repository.insertAttachment(attachment, bytes);
    qint64 requestId = 0;
    EXPECT_EQ(repository.attachmentContent(id, &requestId), bytes);
    EXPECT_EQ(requestId, owner.id);
    ASSERT_EQ(repository.attachments(owner.id).size(), 1);
    EXPECT_EQ(repository.attachments(owner.id).first().fileName, u"发票.png"_s);
    attachment.mediaType = u"text/plain"_s;
    EXPECT_THROW(repository.insertAttachment(attachment, bytes), domain::Error); // CHECK constraint
}

TEST_P(ExpenseRepositoryTest, route_round_trip_progress_and_waiting_for)
{
    const qint64 manager = organisation().id(u"manager1"_s);
    const qint64 director = organisation().id(u"director"_s);
    const qint64 sales1 = organisation().id(u"sales1"_s);
    domain::Route route({domain::ApprovalStep{u"pending_dept_review"_s, domain::ApproverRule::departmentHead(7),
                                              domain::ApprovalStep::Mode::Single, u"6.3.2"_s,
                                              domain::ApprovalStep::Status::Current, {{manager, std::nullopt, {}, {}, {}}}},
                         domain::ApprovalStep{u"pending_finance_review"_s, domain::ApproverRule::roleHolders(domain::Role::Finance),
                                              domain::ApprovalStep::Mode::AnyOf, u"6.4.3"_s,
                                              domain::ApprovalStep::Status::Waiting,
                                              {{director, std::nullopt, {}, {}, {}}, {sales1, std::nullopt, {}, {}, {}}}}});
    storage::RouteRepository routes(database());
    routes.replace(u"expense"_s, 42, route);
    EXPECT_EQ(routes.waitingFor(u"expense"_s, {manager}), QList<qint64>{42});
    EXPECT_TRUE(routes.waitingFor(u"expense"_s, {director}).isEmpty());
    route.approve(manager, {manager}, organisation().id(u"sales2"_s), u"2026-11-02T09:00:00.000Z"_s, u"ok"_s);
    routes.saveProgress(u"expense"_s, 42, route, 0);
    const domain::Route loaded = routes.load(u"expense"_s, 42);
    ASSERT_EQ(loaded.steps().size(), 2);
    EXPECT_EQ(loaded.currentState(), u"pending_finance_review"_s);
    EXPECT_EQ(loaded.steps()[0].approvers[0].decision, u"approved"_s);
    EXPECT_EQ(loaded.steps()[0].approvers[0].comment, u"ok"_s);
    EXPECT_EQ(loaded.steps()[0].rule.department, 7);
    EXPECT_EQ(loaded.steps()[1].rule.role, domain::Role::Finance);
    EXPECT_EQ(loaded.steps()[1].mode, domain::ApprovalStep::Mode::AnyOf);
    EXPECT_EQ(routes.waitingFor(u"expense"_s, {director, manager}), QList<qint64>{42});
    routes.remove(u"expense"_s, 42);
    EXPECT_TRUE(routes.load(u"expense"_s, 42).isEmpty());
}

BIZDESK_INSTANTIATE_BACKENDS(ExpenseRepositoryTest);

TEST_P(ExpenseRepositoryTest, report_and_month_lists_are_index_backed)
{
    // PostgreSQL's planner scans small tables whatever the indexes; SQLite plans by the schema.
    if (database().backend() != storage::Backend::Sqlite)
        GTEST_SKIP() << "plans are checked on SQLite";
    storage::ExpenseRepository repository(database());
    storage::ExpenseFilter report; // as ExpenseReport::build: every department, one period
    report.scope = storage::ExpenseFilter::Scope::All;
    report.eventFrom = u"2026-10-01T00:00:00.000Z"_s;
    report.eventTo = u"2027-01-01T00:00:00.000Z"_s;
    storage::ExpenseFilter month = report; // a manager's month list, with the draft rule
    month.scope = storage::ExpenseFilter::Scope::Department;
    month.viewer = organisation().id(u"manager1"_s);
    month.viewerDepartment = organisation().department(u"商务一部"_s);
    month.draftsOf = QList<domain::UserId>{month.viewer};
    storage::ExpenseFilter department = report;
    department.department = organisation().department(u"商务一部"_s);
    for (const storage::ExpenseFilter &filter : {report, month, department}) {
        const QStringList plan = repository.queryPlan(filter);
        bool searched = false;
        for (const QString &step : plan) {
            searched = searched || step.startsWith(u"SEARCH r USING INDEX entertainment_requests_"_s);
            EXPECT_FALSE(step.startsWith(u"SCAN r"_s)) << "a full scan of the requests: " << plan.join(u"; "_s).toStdString();
        }
        EXPECT_TRUE(searched) << plan.join(u"; "_s).toStdString();
    }
}
