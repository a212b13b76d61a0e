// Issue 10 "Approvers need context" and issue 9 "Services decide" for the entertainment module:
// draft invisibility, the route ahead, overrun, conflict of interest, actionsFor per role and
// state, and apply-and-submit as one transaction.
#include "domain/Error.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/entertainment/ExpenseReport.h"
#include "services/identity/IdentityService.h"
#include "storage/SqlQuery.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using domain::ExpenseAction;
using domain::ExpenseState;

namespace {

class ExpenseContextTest : public BackendTest
{
protected:
    domain::ExpenseForm form(const QString &estimate = u"800"_s) { return bizdesk::testing::sampleExpenseForm(estimate); }
    services::EntertainmentService service(const QString &login) { return services::EntertainmentService(as(login)); }
    qint64 submitted(const QString &login = u"sales1"_s, const domain::ExpenseForm &filled = {})
    {
        const auto request = service(login).apply(filled.reason.isEmpty() ? form() : filled);
        return service(login).submit(request.id).id;
    }
    qint64 approvedRequest(const domain::ExpenseForm &filled = {})
    {
        const qint64 id = submitted(u"sales1"_s, filled);
        service(u"manager1"_s).approve(id);
        service(u"director"_s).approve(id);
        return id;
    }
    int count(const QString &sql) { return storage::SqlQuery(database(), sql).scalar().toInt(); }
    void afterEvent() { m_clock.set(QDateTime(QDate(2026, 11, 21), QTime(9, 0), QTimeZone::utc())); }
    domain::UserId id(const QString &login) { return organisation().id(login); }
};

} // namespace

TEST_P(ExpenseContextTest, a_draft_is_seen_only_by_its_applicant_in_lists_counts_and_detail)
{
    const auto draft = service(u"sales1"_s).apply(form());
    const qint64 open = submitted(u"sales2"_s);
    for (const QString &other : {u"manager1"_s, u"director"_s, u"finance"_s, u"executive"_s}) {
        QList<qint64> ids;
        for (const auto &row : service(other).list({}))
            ids << row.request.id;
        EXPECT_FALSE(ids.contains(draft.id)) << other.toStdString() << " lists another's draft";
        EXPECT_TRUE(ids.contains(open)) << other.toStdString() << " lost a submitted request";
        services::ExpenseQuery drafts;
        drafts.state = ExpenseState::Draft;
        EXPECT_EQ(service(other).list(drafts).size(), 0) << other.toStdString() << " counts another's draft";
        EXPECT_ERROR_KIND(service(other).detail(draft.id), NotFound);
        EXPECT_ERROR_KIND(service(other).actionsFor(draft.id), NotFound);
    }
    EXPECT_EQ(service(u"sales1"_s).list({}).size(), 1);
    EXPECT_EQ(service(u"sales1"_s).detail(draft.id).request().state, ExpenseState::Draft);

    // Submitted, it is visible to the approver.
    service(u"sales1"_s).submit(draft.id);
    EXPECT_EQ(service(u"manager1"_s).detail(draft.id).request().state, ExpenseState::PendingDeptReview);
    // Returned for correction it is a draft again, but one that was submitted: the approver
    // who returned it still sees it.
    service(u"manager1"_s).returnRequest(draft.id, u"请补充参加人员"_s);
    EXPECT_EQ(service(u"manager1"_s).detail(draft.id).request().state, ExpenseState::Draft);
    EXPECT_EQ(service(u"manager1"_s).list({}).size(), 2);
}

TEST_P(ExpenseContextTest, a_delegate_acting_for_the_applicant_sees_the_draft)
{
    const auto draft = service(u"manager1"_s).apply(form());
    EXPECT_ERROR_KIND(service(u"manager2"_s).detail(draft.id), NotFound);
    services::IdentityService(as(u"manager1"_s)).delegate(u"manager2"_s, QDate(2026, 11, 1), QDate(2026, 11, 30));
    EXPECT_EQ(service(u"manager2"_s).detail(draft.id).request().id, draft.id);
    services::ExpenseQuery drafts;
    drafts.state = ExpenseState::Draft;
    EXPECT_EQ(service(u"manager2"_s).list(drafts).size(), 1);
}

TEST_P(ExpenseContextTest, the_detail_shows_the_route_ahead_with_approvers)
{
    const auto draft = service(u"sales1"_s).apply(form());
    // A draft: the route a submit would take, all ahead.
    const auto before = service(u"sales1"_s).detail(draft.id);
    ASSERT_EQ(before.routeSteps.size(), 2);
    EXPECT_EQ(before.routeSteps[0].state, u"pending_dept_review"_s);
    EXPECT_EQ(before.routeSteps[0].approvers, QStringList{u"李经理"_s});
    EXPECT_EQ(before.routeSteps[1].approvers, QStringList{u"张建华"_s});
    for (const auto &step : before.routeSteps)
        EXPECT_EQ(step.stage, services::RouteStepView::Stage::Ahead);

    service(u"sales1"_s).submit(draft.id);
    service(u"manager1"_s).approve(draft.id);
    const auto detail = service(u"director"_s).detail(draft.id);
    ASSERT_EQ(detail.routeSteps.size(), 2);
    EXPECT_EQ(detail.routeSteps[0].stage, services::RouteStepView::Stage::Done);
    EXPECT_EQ(detail.routeSteps[0].decision, u"approved"_s);
    EXPECT_EQ(detail.routeSteps[1].stage, services::RouteStepView::Stage::Current);

    const qint64 big = submitted(u"sales1"_s, form(u"6000"_s));
    const auto ahead = service(u"manager1"_s).detail(big);
    ASSERT_EQ(ahead.routeSteps.size(), 3);
    EXPECT_EQ(ahead.routeSteps[0].stage, services::RouteStepView::Stage::Current);
    EXPECT_EQ(ahead.routeSteps[1].stage, services::RouteStepView::Stage::Ahead);
    EXPECT_EQ(ahead.routeSteps[2].state, u"pending_executive_approval"_s);
    EXPECT_EQ(ahead.routeSteps[2].approvers, QStringList{u"高总"_s});
    const QJsonArray json = services::EntertainmentService::toJson(ahead).value(u"route_ahead"_s).toArray();
    ASSERT_EQ(json.size(), 2);
    EXPECT_EQ(json[1].toObject().value(u"approvers"_s).toArray().first().toString(), u"高总"_s);
}

TEST_P(ExpenseContextTest, a_claim_over_the_estimate_shows_amount_and_percent)
{
    const qint64 id = approvedRequest();
    afterEvent();
    EXPECT_FALSE(service(u"sales1"_s).detail(id).overrun.has_value());
    service(u"sales1"_s).claim(id, {u"1000"_s, 2, u"多来两位客户"_s});
    const auto detail = service(u"manager1"_s).detail(id);
    ASSERT_TRUE(detail.overrun.has_value());
    EXPECT_EQ(detail.overrun->amount.toDecimalString(), u"200.00"_s);
    EXPECT_DOUBLE_EQ(detail.overrun->percent, 25.0);
    const QJsonObject json = services::EntertainmentService::toJson(detail).value(u"overrun"_s).toObject();
    EXPECT_EQ(json.value(u"amount"_s).toString(), u"200.00"_s);
    EXPECT_EQ(json.value(u"percent"_s).toString(), u"25.0"_s);
}

TEST_P(ExpenseContextTest, an_approver_taking_part_gets_a_conflict_note_recorded_with_the_decision)
{
    auto withHead = form();
    withHead.staff = {id(u"manager1"_s)};
    const qint64 conflicted = submitted(u"sales1"_s, withHead);
    const qint64 clean = submitted(u"sales1"_s);

    const auto detail = service(u"manager1"_s).detail(conflicted);
    EXPECT_TRUE(detail.conflictNote.contains(u"李经理"_s)) << detail.conflictNote.toStdString();
    EXPECT_TRUE(service(u"manager1"_s).detail(clean).conflictNote.isEmpty());
    EXPECT_TRUE(service(u"sales1"_s).detail(conflicted).conflictNote.isEmpty()) << "only a decider is warned";

    service(u"manager1"_s).approve(conflicted, u"同意"_s);
    service(u"manager1"_s).approve(clean);
    EXPECT_EQ(count(u"SELECT count(*) FROM entertainment_conflicts WHERE request_id = %1"_s.arg(conflicted)), 1);
    EXPECT_EQ(count(u"SELECT count(*) FROM entertainment_conflicts WHERE request_id = %1"_s.arg(clean)), 0);
    EXPECT_EQ(count(u"SELECT count(*) FROM audit_log WHERE entity_id = %1 AND action = 'expense.approve' "
                    "AND after_json LIKE '%conflict_of_interest%'"_s.arg(conflicted)),
              1);
    const auto after = service(u"director"_s).detail(conflicted);
    ASSERT_EQ(after.conflicts.size(), 1);
    EXPECT_EQ(after.conflicts[0].stepState, u"pending_dept_review"_s);
    EXPECT_EQ(after.conflicts[0].decidedByName, u"李经理"_s);
    EXPECT_EQ(after.conflicts[0].decision, u"approve"_s);
    EXPECT_EQ(services::EntertainmentService::toJson(after).value(u"conflicts"_s).toArray().size(), 1);
}

TEST_P(ExpenseContextTest, actions_for_each_role_and_state)
{
    using A = ExpenseAction;
    const auto draft = service(u"sales1"_s).apply(form());
    EXPECT_EQ(service(u"sales1"_s).actionsFor(draft.id), (QList<A>{A::Edit, A::Submit, A::Withdraw}));
    EXPECT_EQ(service(u"sales1"_s).actionsForNew(), (QList<A>{A::Edit, A::Submit}));
    EXPECT_TRUE(service(u"legal"_s).actionsForNew().isEmpty()) << "legal may not apply";

    service(u"sales1"_s).submit(draft.id);
    EXPECT_EQ(service(u"sales1"_s).actionsFor(draft.id), (QList<A>{A::Withdraw}));
    EXPECT_EQ(service(u"manager1"_s).actionsFor(draft.id), (QList<A>{A::Approve, A::Return, A::Reject}));
    EXPECT_TRUE(service(u"director"_s).actionsFor(draft.id).isEmpty()) << "not their step yet";
    EXPECT_TRUE(service(u"finance"_s).actionsFor(draft.id).isEmpty());
    service(u"manager1"_s).approve(draft.id);
    EXPECT_EQ(service(u"director"_s).actionsFor(draft.id), (QList<A>{A::Approve, A::Return, A::Reject}));
    EXPECT_TRUE(service(u"manager1"_s).actionsFor(draft.id).isEmpty());
    service(u"director"_s).approve(draft.id);
    EXPECT_EQ(service(u"sales1"_s).actionsFor(draft.id), (QList<A>{A::Cancel, A::Claim, A::AttachReceipt}));
    afterEvent();
    service(u"sales1"_s).claim(draft.id, {u"800"_s, 1, {}});
    EXPECT_EQ(service(u"finance"_s).actionsFor(draft.id), (QList<A>{A::FinanceApprove, A::FinanceReturn, A::FinanceReject}));
    EXPECT_EQ(service(u"sales1"_s).actionsFor(draft.id), (QList<A>{A::AttachReceipt}));
    service(u"finance"_s).approve(draft.id);
    EXPECT_TRUE(service(u"sales1"_s).actionsFor(draft.id).isEmpty());
    EXPECT_TRUE(service(u"finance"_s).actionsFor(draft.id).isEmpty());
}

TEST_P(ExpenseContextTest, apply_and_submit_is_one_transaction)
{
    const auto submittedAtOnce = service(u"sales1"_s).applyAndSubmit(form());
    EXPECT_EQ(submittedAtOnce.state, ExpenseState::PendingDeptReview);
    EXPECT_TRUE(service(u"manager1"_s).waitingForMe().contains(submittedAtOnce.id));

    const int requests = count(u"SELECT count(*) FROM entertainment_requests"_s);
    const int audit = count(u"SELECT count(*) FROM audit_log"_s);
    // Over the monthly budget without an explanation: the submit is refused (§6.1) …
    EXPECT_ERROR_KIND(service(u"sales1"_s).applyAndSubmit(form(u"25000"_s)), Invalid);
    // … and no draft (nor its audit entry) is left behind.
    EXPECT_EQ(count(u"SELECT count(*) FROM entertainment_requests"_s), requests);
    EXPECT_EQ(count(u"SELECT count(*) FROM audit_log"_s), audit);

    const auto draft = service(u"sales1"_s).apply(form());
    EXPECT_ERROR_KIND(service(u"sales1"_s).saveAndSubmit(draft.id, draft.version, form(u"25000"_s)), Invalid);
    const auto kept = service(u"sales1"_s).detail(draft.id).request();
    EXPECT_EQ(kept.estimate.toDecimalString(), u"800.00"_s) << "the refused save-and-submit saved nothing";
    EXPECT_EQ(kept.state, ExpenseState::Draft);
    EXPECT_EQ(service(u"sales1"_s).saveAndSubmit(draft.id, draft.version, form(u"900"_s)).state, ExpenseState::PendingDeptReview);
}

TEST_P(ExpenseContextTest, report_columns_by_department_and_person_leave_out_rejected)
{
    const qint64 id = approvedRequest();
    afterEvent();
    service(u"sales1"_s).claim(id, {u"1000"_s, 2, u"多来两位客户"_s});
    submitted(u"sales2"_s, form(u"300"_s)); // pending: used, not approved
    const qint64 rejected = submitted(u"sales2"_s, form(u"1500"_s));
    service(u"manager1"_s).reject(rejected, u"不必要"_s);

    const auto report = services::ExpenseReport(as(u"director"_s)).build(u"2026-11"_s);
    const auto departments = report.departments();
    const auto first = std::find_if(departments.cbegin(), departments.cend(),
                                    [](const auto &line) { return line.department == u"商务一部"_s; });
    ASSERT_NE(first, departments.cend());
    ASSERT_TRUE(first->budget.has_value());
    EXPECT_EQ(first->budget->toDecimalString(), u"20000.00"_s);
    EXPECT_EQ(first->used.toDecimalString(), u"1300.00"_s); // 1000 claimed + 300 pending; the rejected 1500 nowhere
    EXPECT_EQ(first->remaining()->toDecimalString(), u"18700.00"_s);
    EXPECT_EQ(first->approvedEstimate.toDecimalString(), u"800.00"_s);
    EXPECT_EQ(first->actual.toDecimalString(), u"1000.00"_s);
    EXPECT_EQ(first->overrun.toDecimalString(), u"200.00"_s);
    EXPECT_EQ(first->estimated.toDecimalString(), u"1100.00"_s);
    for (const auto &line : report.lines)
        EXPECT_FALSE(line.estimated.minorUnits() >= 150000) << "a rejected request counted in " << line.department.toStdString();
    const auto &total = report.total();
    EXPECT_EQ(total.used.toDecimalString(), u"1300.00"_s);
    EXPECT_EQ(total.budget->toDecimalString(), QString::number(20000 * departments.size()) + u".00"_s);

    const auto quarter = services::ExpenseReport(as(u"director"_s)).build(u"2026-Q4"_s);
    EXPECT_EQ(quarter.months, 3);
    EXPECT_EQ(quarter.departments().first().budget->toDecimalString(), u"60000.00"_s);
    const QJsonObject json = services::ExpenseReport::toJson(report);
    EXPECT_EQ(json.value(u"used"_s).toString(), u"1300.00"_s);
    EXPECT_EQ(json.value(u"approved_estimate"_s).toString(), u"800.00"_s);
    EXPECT_FALSE(json.value(u"people"_s).toArray().isEmpty());
}

BIZDESK_INSTANTIATE_BACKENDS(ExpenseContextTest);
