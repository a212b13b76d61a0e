#include "domain/Error.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/entertainment/ExpenseReport.h"
#include "services/identity/IdentityService.h"
#include "services/policy/PolicyService.h"
#include "services/tasks/TaskSource.h"
#include "services/ModuleCatalog.h"
#include "storage/SqlQuery.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using domain::ExpenseState;

namespace {

class EntertainmentServiceTest : public BackendTest
{
protected:
    domain::ExpenseForm form(const QString &estimate = u"800"_s) { return bizdesk::testing::sampleExpenseForm(estimate); }
    services::EntertainmentService service(const QString &login) { return services::EntertainmentService(as(login)); }
    qint64 submitted(const QString &login = u"sales1"_s, const QString &estimate = u"800"_s)
    {
        const auto request = service(login).apply(form(estimate));
        return service(login).submit(request.id).id;
    }
    qint64 approvedRequest()
    {
        const qint64 id = submitted();
        service(u"manager1"_s).approve(id);
        service(u"director"_s).approve(id);
        return id;
    }
    int count(const QString &table)
    {
        return storage::SqlQuery(database(), u"SELECT count(*) FROM "_s + table).scalar().toInt();
    }
    ExpenseState state(qint64 id) { return service(u"director"_s).detail(id).request().state; }
    void afterEvent(int days = 1) { m_clock.set(QDateTime(QDate(2026, 11, 20).addDays(days), QTime(9, 0), QTimeZone::utc())); }
};

} // namespace

TEST_P(EntertainmentServiceTest, full_lifecycle_from_draft_to_reimbursed)
{
    const auto draft = service(u"sales1"_s).apply(form());
    EXPECT_EQ(draft.state, ExpenseState::Draft);
    EXPECT_EQ(service(u"sales1"_s).submit(draft.id).state, ExpenseState::PendingDeptReview);
    EXPECT_EQ(service(u"manager1"_s).approve(draft.id, u"同意"_s).state, ExpenseState::PendingSuperiorApproval);
    EXPECT_EQ(service(u"director"_s).approve(draft.id).state, ExpenseState::Approved);
    afterEvent();
    EXPECT_EQ(service(u"sales1"_s).claim(draft.id, {u"780.5"_s, 2, {}}).state, ExpenseState::PendingFinanceReview);
    EXPECT_EQ(service(u"finance"_s).approve(draft.id).state, ExpenseState::Reimbursed);

    const auto detail = service(u"sales1"_s).detail(draft.id);
    ASSERT_EQ(detail.history.size(), 5);
    EXPECT_EQ(detail.history[0].fromState, u"draft"_s);
    EXPECT_EQ(detail.history[4].toState, u"reimbursed"_s);
    EXPECT_EQ(detail.history[1].comment, u"同意"_s);
    const QJsonObject json = services::EntertainmentService::toJson(detail);
    EXPECT_EQ(json[u"estimate"_s].toString(), u"800.00"_s);
    EXPECT_EQ(json[u"actual"_s].toString(), u"780.50"_s);
    EXPECT_EQ(json[u"history"_s].toArray().size(), 5);
    EXPECT_FALSE(json[u"flags"_s][u"late"_s].toBool());
}

TEST_P(EntertainmentServiceTest, every_transition_appends_audit_and_history)
{
    const int audit = count(u"audit_log"_s);
    const int transitions = count(u"workflow_transitions"_s);
    approvedRequest();
    EXPECT_EQ(count(u"audit_log"_s), audit + 4); // apply, submit, 2 approvals
    EXPECT_EQ(count(u"workflow_transitions"_s), transitions + 3);
}

TEST_P(EntertainmentServiceTest, executive_step_above_threshold_and_for_key_customers)
{
    const qint64 big = submitted(u"sales1"_s, u"5000.01"_s);
    service(u"manager1"_s).approve(big);
    EXPECT_EQ(service(u"director"_s).approve(big).state, ExpenseState::PendingExecutiveApproval);
    EXPECT_EQ(service(u"executive"_s).approve(big).state, ExpenseState::Approved);

    const qint64 customer = storage::SqlQuery(database(), u"INSERT INTO customers (name, class, created_at, updated_at) "
                                                          "VALUES ('重点客户', 'key', 'x', 'x') RETURNING id"_s)
                                .insertReturningId();
    auto keyForm = form(u"100"_s);
    keyForm.customerId = customer;
    const auto request = service(u"sales1"_s).apply(keyForm);
    service(u"sales1"_s).submit(request.id);
    service(u"manager1"_s).approve(request.id);
    EXPECT_EQ(service(u"director"_s).approve(request.id).state, ExpenseState::PendingExecutiveApproval);
}

TEST_P(EntertainmentServiceTest, head_applying_goes_up_the_line)
{
    const qint64 id = submitted(u"manager1"_s);
    EXPECT_ERROR_KIND(service(u"manager1"_s).approve(id), Denied);
    EXPECT_EQ(service(u"director"_s).approve(id).state, ExpenseState::PendingSuperiorApproval);
    EXPECT_ERROR_KIND(service(u"director"_s).approve(id), Denied);
    EXPECT_EQ(service(u"executive"_s).approve(id).state, ExpenseState::Approved);
}

TEST_P(EntertainmentServiceTest, delegate_approves_on_behalf_of_the_head)
{
    const qint64 id = submitted();
    services::IdentityService(as(u"manager1"_s)).delegate(u"manager2"_s, QDate(2026, 11, 1), QDate(2026, 11, 30));
    EXPECT_TRUE(service(u"manager2"_s).waitingForMe().contains(id));
    EXPECT_EQ(service(u"manager2"_s).approve(id).state, ExpenseState::PendingSuperiorApproval);
    const auto history = service(u"sales1"_s).detail(id).history;
    EXPECT_EQ(history.last().actorLogin, u"manager2"_s);
    EXPECT_EQ(history.last().onBehalfOfLogin, u"manager1"_s);
    EXPECT_EQ(history.last().policyVersion, services::PolicyService(as(u"director"_s)).currentVersion());
}

TEST_P(EntertainmentServiceTest, wrong_person_is_denied_and_nothing_changes)
{
    const qint64 id = submitted();
    const int audit = count(u"audit_log"_s);
    EXPECT_ERROR_KIND(service(u"manager2"_s).approve(id), Denied);
    EXPECT_ERROR_KIND(service(u"sales1"_s).approve(id), Denied);
    EXPECT_ERROR_KIND(service(u"director"_s).approve(id), Denied);
    EXPECT_ERROR_KIND(service(u"sales2"_s).withdraw(id), Denied);
    EXPECT_ERROR_KIND(service(u"finance"_s).reject(id, u"no"_s), Denied);
    EXPECT_ERROR_KIND(service(u"sales3"_s).detail(id), Denied);
    EXPECT_ERROR_KIND(service(u"legal"_s).apply(form()), Denied);
    EXPECT_EQ(count(u"audit_log"_s), audit);
    EXPECT_EQ(state(id), ExpenseState::PendingDeptReview);
}

TEST_P(EntertainmentServiceTest, wrong_state_is_a_conflict)
{
    const auto draft = service(u"sales1"_s).apply(form());
    EXPECT_ERROR_KIND(service(u"manager1"_s).approve(draft.id), Conflict);
    EXPECT_ERROR_KIND(service(u"sales1"_s).cancel(draft.id), Conflict);
    EXPECT_ERROR_KIND(service(u"sales1"_s).claim(draft.id, {u"10"_s, 1, {}}), Conflict);
    const qint64 id = approvedRequest();
    EXPECT_ERROR_KIND(service(u"sales1"_s).submit(id), Conflict);
    EXPECT_ERROR_KIND(service(u"sales1"_s).withdraw(id), Conflict);
    EXPECT_ERROR_KIND(service(u"sales1"_s).editDraft(id, 3, form()), Conflict);
    EXPECT_ERROR_KIND(service(u"sales1"_s).claim(id, {u"10"_s, 1, {}}), Conflict); // before the event
    EXPECT_EQ(service(u"sales1"_s).cancel(id).state, ExpenseState::Cancelled);
    EXPECT_ERROR_KIND(service(u"sales1"_s).cancel(id), Conflict);
}

TEST_P(EntertainmentServiceTest, return_needs_comment_and_goes_back_to_draft)
{
    const qint64 id = submitted();
    EXPECT_ERROR_KIND(service(u"manager1"_s).returnRequest(id, u"  "_s), Invalid);
    EXPECT_EQ(service(u"manager1"_s).returnRequest(id, u"请补充参加人员"_s).state, ExpenseState::Draft);
    const auto request = service(u"sales1"_s).detail(id).request();
    EXPECT_EQ(service(u"sales1"_s).editDraft(id, request.version, form(u"900"_s)).estimate.toDecimalString(), u"900.00"_s);
    EXPECT_EQ(service(u"sales1"_s).submit(id).state, ExpenseState::PendingDeptReview);
    EXPECT_EQ(service(u"manager1"_s).reject(id, u"预算不足"_s).state, ExpenseState::Rejected);
    EXPECT_ERROR_KIND(service(u"manager1"_s).approve(id), Conflict);
}

TEST_P(EntertainmentServiceTest, edit_draft_only_by_applicant_with_current_version)
{
    const auto draft = service(u"sales1"_s).apply(form());
    EXPECT_ERROR_KIND(service(u"sales2"_s).editDraft(draft.id, draft.version, form()), Denied);
    service(u"sales1"_s).editDraft(draft.id, draft.version, form(u"801"_s));
    EXPECT_ERROR_KIND(service(u"sales1"_s).editDraft(draft.id, draft.version, form(u"802"_s)), Conflict);
    auto bad = form(u"1.234"_s);
    EXPECT_ERROR_KIND(service(u"sales1"_s).editDraft(draft.id, draft.version + 1, bad), Invalid);
    EXPECT_EQ(service(u"sales1"_s).detail(draft.id).request().estimate.toDecimalString(), u"801.00"_s);
}

TEST_P(EntertainmentServiceTest, withdraw_before_approval)
{
    const qint64 id = submitted();
    EXPECT_EQ(service(u"sales1"_s).withdraw(id).state, ExpenseState::Withdrawn);
    EXPECT_TRUE(service(u"manager1"_s).waitingForMe().isEmpty());
}

TEST_P(EntertainmentServiceTest, overrun_goes_to_superior_before_finance)
{
    const qint64 id = approvedRequest();
    afterEvent();
    EXPECT_ERROR_KIND(service(u"sales1"_s).claim(id, {u"900"_s, 2, {}}), Invalid); // 800 + 10 % = 880
    EXPECT_EQ(service(u"sales1"_s).claim(id, {u"900"_s, 2, u"多来一位客户"_s}).state, ExpenseState::PendingOverrunApproval);
    EXPECT_ERROR_KIND(service(u"finance"_s).approve(id), Denied);
    EXPECT_EQ(service(u"manager1"_s).approve(id).state, ExpenseState::PendingFinanceReview);
    EXPECT_ERROR_KIND(service(u"finance"_s).returnRequest(id, {}), Invalid);
    EXPECT_EQ(service(u"finance"_s).returnRequest(id, u"发票抬头错误"_s).state, ExpenseState::Approved);
    EXPECT_EQ(service(u"sales1"_s).claim(id, {u"880"_s, 2, {}}).state, ExpenseState::PendingFinanceReview);
    EXPECT_EQ(service(u"finance"_s).reject(id, u"票据不合规"_s).state, ExpenseState::ClaimRefused);
    EXPECT_TRUE(service(u"sales1"_s).detail(id).request().overrun == false);
}

TEST_P(EntertainmentServiceTest, late_claim_is_flagged)
{
    const qint64 id = approvedRequest();
    afterEvent(31);
    const auto request = service(u"sales1"_s).claim(id, {u"800"_s, 1, {}});
    EXPECT_TRUE(request.late);
    EXPECT_TRUE(service(u"finance"_s).detail(id).request().late);
}

TEST_P(EntertainmentServiceTest, over_budget_needs_an_explanation_visible_to_approvers)
{
    services::PolicyService(as(u"director"_s)).set(u"entertainment.monthly_budget"_s, u"1000"_s);
    submitted(u"sales1"_s, u"600"_s);
    const auto second = service(u"sales1"_s).apply(form(u"500"_s));
    EXPECT_TRUE(second.overBudget);
    EXPECT_ERROR_KIND(service(u"sales1"_s).submit(second.id), Invalid);
    auto explained = form(u"500"_s);
    explained.overBudgetExplanation = u"年底重点客户集中"_s;
    service(u"sales1"_s).editDraft(second.id, second.version, explained);
    service(u"sales1"_s).submit(second.id);
    const auto detail = service(u"manager1"_s).detail(second.id);
    EXPECT_TRUE(detail.request().overBudget);
    EXPECT_EQ(detail.request().overBudgetExplanation, u"年底重点客户集中"_s);
    EXPECT_EQ(detail.budget.used.toDecimalString(), u"600.00"_s);
    EXPECT_EQ(detail.budget.afterThis.toDecimalString(), u"1100.00"_s);
}

TEST_P(EntertainmentServiceTest, receipts_are_sniffed_capped_and_hashed)
{
    const qint64 id = approvedRequest();
    const QByteArray pdf = QByteArray("%PDF-1.4\n") + QByteArray(100, 'x');
    const auto attachment = service(u"sales1"_s).attachReceipt(id, u"/tmp/发票.pdf"_s, pdf);
    EXPECT_EQ(attachment.mediaType, u"application/pdf"_s);
    EXPECT_EQ(attachment.fileName, u"发票.pdf"_s);
    EXPECT_EQ(attachment.sha256.size(), 64);
    EXPECT_EQ(service(u"finance"_s).receiptContent(attachment.id), pdf);
    EXPECT_ERROR_KIND(service(u"sales1"_s).attachReceipt(id, u"x.pdf"_s, QByteArray("MZ executable")), Invalid);
    services::PolicyService(as(u"director"_s)).set(u"entertainment.receipt_max_kb"_s, u"100"_s);
    EXPECT_ERROR_KIND(service(u"sales1"_s).attachReceipt(id, u"big.png"_s, QByteArray("\x89PNG\r\n\x1A\n") + QByteArray(200 * 1024, 'x')),
                      Invalid);
    EXPECT_ERROR_KIND(service(u"sales2"_s).attachReceipt(id, u"x.pdf"_s, pdf), Denied);
    EXPECT_EQ(service(u"sales1"_s).detail(id).attachments.size(), 1);
}

TEST_P(EntertainmentServiceTest, visibility_own_department_all)
{
    submitted(u"sales1"_s);
    submitted(u"sales3"_s);
    EXPECT_EQ(service(u"sales1"_s).list({}).size(), 1);
    EXPECT_EQ(service(u"sales2"_s).list({}).size(), 0);
    EXPECT_EQ(service(u"manager1"_s).list({}).size(), 1);
    EXPECT_EQ(service(u"manager2"_s).list({}).size(), 1);
    EXPECT_EQ(service(u"finance"_s).list({}).size(), 2);
    EXPECT_EQ(service(u"director"_s).list({}).size(), 2);
    services::ExpenseQuery pending;
    pending.pendingForMe = true;
    EXPECT_EQ(service(u"manager1"_s).list(pending).size(), 1);
    EXPECT_EQ(service(u"director"_s).list(pending).size(), 0);
}

TEST_P(EntertainmentServiceTest, actions_offered_are_only_those_the_user_may_take)
{
    const qint64 id = submitted();
    using A = domain::ExpenseAction;
    EXPECT_EQ(service(u"sales1"_s).detail(id).actions, (QList<A>{A::Withdraw}));
    EXPECT_EQ(service(u"manager1"_s).detail(id).actions, (QList<A>{A::Approve, A::Return, A::Reject}));
    EXPECT_TRUE(service(u"director"_s).detail(id).actions.isEmpty());
}

TEST_P(EntertainmentServiceTest, tasks_list_approvals_and_claims_due)
{
    services::ModuleCatalog::registerAll();
    const qint64 id = approvedRequest();
    afterEvent();
    bool claimTask = false;
    for (const auto &task : services::TaskService::tasksFor(as(u"sales1"_s)))
        claimTask = claimTask || (task.kind == u"claim"_s && task.record.id == id);
    EXPECT_TRUE(claimTask);
    const qint64 other = submitted(u"sales2"_s);
    bool approval = false;
    for (const auto &task : services::TaskService::tasksFor(as(u"manager1"_s)))
        approval = approval || (task.kind == u"approval"_s && task.record.id == other);
    EXPECT_TRUE(approval);
}

TEST_P(EntertainmentServiceTest, hostile_text_is_stored_verbatim)
{
    auto hostile = form();
    hostile.reason = u"x'); DROP TABLE users;-- <b>粗体</b>"_s;
    const auto request = service(u"sales1"_s).apply(hostile);
    EXPECT_EQ(service(u"sales1"_s).detail(request.id).request().reason, hostile.reason);
    EXPECT_GT(count(u"users"_s), 0);
}

TEST_P(EntertainmentServiceTest, report_by_department_and_person)
{
    const qint64 id = approvedRequest();
    afterEvent(40); // late
    service(u"sales1"_s).claim(id, {u"1000"_s, 2, u"多来两位客户"_s});
    service(u"manager1"_s).approve(id);
    service(u"finance"_s).approve(id);
    submitted(u"sales3"_s, u"300"_s);
    service(u"sales2"_s).apply(form()); // a draft does not count

    const auto all = services::ExpenseReport(as(u"director"_s)).build(u"2026-11"_s);
    ASSERT_FALSE(all.lines.isEmpty());
    const auto &total = all.lines.last();
    EXPECT_EQ(total.count, 2);
    EXPECT_EQ(total.estimated.toDecimalString(), u"1100.00"_s);
    EXPECT_EQ(total.actual.toDecimalString(), u"1000.00"_s);
    EXPECT_EQ(total.overrun.toDecimalString(), u"200.00"_s);
    EXPECT_EQ(total.lateClaims, 1);
    EXPECT_TRUE(services::ExpenseReport(as(u"director"_s)).build(u"2026-Q3"_s).lines.last().count == 0);

    const auto own = services::ExpenseReport(as(u"manager1"_s)).build(u"2026"_s);
    EXPECT_EQ(own.lines.last().count, 1);
    EXPECT_ERROR_KIND(services::ExpenseReport(as(u"manager1"_s)).build(u"2026"_s, u"商务二部"_s), Denied);
    EXPECT_ERROR_KIND(services::ExpenseReport(as(u"sales1"_s)).build(u"2026"_s), Denied);
    EXPECT_ERROR_KIND(services::ExpenseReport(as(u"director"_s)).build(u"2026-13"_s), Invalid);
}

TEST_P(EntertainmentServiceTest, rejected_withdrawn_and_cancelled_requests_count_in_no_total)
{
    const qint64 standing = submitted(u"sales1"_s, u"300"_s);
    const qint64 rejected = submitted(u"sales1"_s, u"1500"_s);
    service(u"manager1"_s).reject(rejected, u"不必要"_s);
    const qint64 withdrawn = submitted(u"sales1"_s, u"700"_s);
    service(u"sales1"_s).withdraw(withdrawn);
    ASSERT_GT(standing, 0);

    const auto report = services::ExpenseReport(as(u"director"_s)).build(u"2026-11"_s);
    // Every department has a line (for its budget); only the standing request counts anywhere.
    for (const auto &line : report.lines) {
        const bool holdsIt = line.department == u"商务一部"_s || &line == &report.total();
        EXPECT_EQ(line.estimated.toDecimalString(), holdsIt ? u"300.00"_s : u"0.00"_s)
            << line.department.toStdString() << line.person.toStdString();
        EXPECT_EQ(line.used.toDecimalString(), holdsIt ? u"300.00"_s : u"0.00"_s) << line.department.toStdString();
        EXPECT_EQ(line.count, holdsIt ? 1 : 0);
    }
}

BIZDESK_INSTANTIATE_BACKENDS(EntertainmentServiceTest);

TEST_P(EntertainmentServiceTest, staff_are_stored_as_people_and_guests_as_text)
{
    auto staffForm = form();
    const domain::UserId sales2 = services::IdentityService(as(u"sales1"_s)).user(u"sales2"_s).id;
    const domain::UserId manager1 = services::IdentityService(as(u"sales1"_s)).user(u"manager1"_s).id;
    staffForm.staff = {sales2, manager1, sales2};
    staffForm.participants = u"客户张总 <b>"_s;
    const auto draft = service(u"sales1"_s).apply(staffForm);
    EXPECT_EQ(draft.staff, (QList<domain::UserId>{sales2, manager1}));
    const auto detail = service(u"sales1"_s).detail(draft.id);
    ASSERT_EQ(detail.row.staff.size(), 2);
    EXPECT_EQ(detail.row.staff.at(0).login, u"sales2"_s);
    const QJsonObject json = services::EntertainmentService::toJson(detail);
    EXPECT_EQ(json.value(u"staff"_s).toArray().at(1).toObject().value(u"login"_s).toString(), u"manager1"_s);
    EXPECT_EQ(json.value(u"guests"_s).toString(), u"客户张总 <b>"_s);

    // Staff only, no guests, is a valid form; editing replaces the staff.
    staffForm.staff = {manager1};
    staffForm.participants.clear();
    const auto edited = service(u"sales1"_s).editDraft(draft.id, draft.version, staffForm);
    EXPECT_EQ(edited.staff, QList<domain::UserId>{manager1});
    EXPECT_EQ(count(u"entertainment_participants"_s), 1);
    // Staff survive the transitions.
    service(u"sales1"_s).submit(draft.id);
    EXPECT_EQ(service(u"manager1"_s).detail(draft.id).row.staff.size(), 1);
}

TEST_P(EntertainmentServiceTest, participants_need_staff_or_guests_and_staff_must_be_people)
{
    auto empty = form();
    empty.participants = u"  "_s;
    const int before = count(u"entertainment_requests"_s);
    EXPECT_ERROR_KIND(service(u"sales1"_s).apply(empty), Invalid);
    auto unknown = form();
    unknown.staff = {987654};
    try {
        service(u"sales1"_s).apply(unknown);
        ADD_FAILURE() << "unknown staff accepted";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.field(), u"staff"_s);
    }
    EXPECT_EQ(count(u"entertainment_requests"_s), before);
    EXPECT_EQ(count(u"entertainment_participants"_s), 0);
}

TEST_P(EntertainmentServiceTest, executive_note_before_submitting)
{
    EXPECT_TRUE(service(u"sales1"_s).executiveNote(form(u"800"_s)).isEmpty());
    EXPECT_TRUE(service(u"sales1"_s).executiveNote(form(u"not a number"_s)).isEmpty());
    const QString above = service(u"sales1"_s).executiveNote(form(u"99999"_s));
    EXPECT_TRUE(above.contains(u"6.3.3"_s)) << above.toStdString();
    const qint64 customer = storage::SqlQuery(database(), u"INSERT INTO customers (name, class, created_at, updated_at) "
                                                          "VALUES ('重点客户', 'key', 'x', 'x') RETURNING id"_s)
                                .scalar()
                                .toLongLong();
    auto keyForm = form(u"100"_s);
    keyForm.customerId = customer;
    const QString key = service(u"sales1"_s).executiveNote(keyForm);
    EXPECT_TRUE(key.contains(u"6.3.3"_s)) << key.toStdString();
    EXPECT_NE(key, above);
}

TEST_P(EntertainmentServiceTest, detail_names_the_principal_of_a_delegate)
{
    const qint64 id = submitted();
    EXPECT_FALSE(service(u"manager1"_s).detail(id).decidesFor.has_value());
    services::IdentityService(as(u"manager1"_s)).delegate(u"manager2"_s, QDate(2026, 11, 1), QDate(2026, 11, 30));
    const auto detail = service(u"manager2"_s).detail(id);
    ASSERT_TRUE(detail.decidesFor.has_value());
    EXPECT_EQ(*detail.decidesFor, services::IdentityService(as(u"manager1"_s)).user(u"manager1"_s).id);
    EXPECT_FALSE(services::EntertainmentService::toJson(detail).value(u"decides_for"_s).toString().isEmpty());
}
