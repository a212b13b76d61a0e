#include "domain/Error.h"
#include "domain/approval/Route.h"
#include "domain/entertainment/Expense.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

#include <map>

using namespace bizdesk::domain;
using namespace Qt::StringLiterals;

namespace {

// The seeded organisation as a directory: 1 executive (head of 总经办=10), 2 director,
// 3 manager1 (head of 商务一部=20), 4 sales1, 5 sales2, 6 manager2 (head of 商务二部=30),
// 7 sales3, 8 finance (head of 财务部=40), 9 finance2.
class FakeDirectory : public OrganisationDirectory
{
public:
    std::map<UserId, UserId> superiors{{2, 1}, {3, 2}, {4, 3}, {5, 3}, {6, 2}, {7, 6}, {8, 1}, {9, 8}};
    std::map<DepartmentId, UserId> heads{{10, 1}, {20, 3}, {30, 6}, {40, 8}};
    std::map<Role, QList<UserId>> roles{{Role::Executive, {1}}, {Role::Finance, {8, 9}}, {Role::Director, {2}}};

    std::optional<UserId> departmentHead(DepartmentId department) const override
    {
        auto it = heads.find(department);
        return it == heads.end() ? std::nullopt : std::optional<UserId>(it->second);
    }
    std::optional<UserId> superiorOf(UserId person) const override
    {
        auto it = superiors.find(person);
        return it == superiors.end() ? std::nullopt : std::optional<UserId>(it->second);
    }
    QList<UserId> holdersOf(Role role) const override
    {
        auto it = roles.find(role);
        return it == roles.end() ? QList<UserId>{} : it->second;
    }
};

const QString at = QStringLiteral("2026-11-02T09:00:00.000Z");

Route routeFor(UserId applicant, DepartmentId department, const QString &estimate, const QString &customerClass = {})
{
    FakeDirectory directory;
    ExpenseRoutingInput input{applicant, department, *Money::parse(estimate), *Money::parse(QStringLiteral("5000")), customerClass};
    return RouteResolver::resolve(ExpenseRouting::applicationPlan(input, directory.departmentHead(department)), applicant,
                                  directory);
}

struct StepView
{
    QString state;
    QList<UserId> approvers;
    bool operator==(const StepView &) const = default;
};

QList<StepView> view(const Route &route)
{
    QList<StepView> steps;
    for (const ApprovalStep &step : route.steps()) {
        StepView item{step.state, {}};
        for (const StepApprover &approver : step.approvers)
            item.approvers << approver.approver;
        steps << item;
    }
    return steps;
}

void PrintTo(const StepView &step, std::ostream *os)
{
    *os << step.state.toStdString() << " [";
    for (UserId id : step.approvers)
        *os << id << " ";
    *os << "]";
}

} // namespace

// ---- routing table (§6.3.2, §6.3.3) ----

TEST(ExpenseRouting, specialist_small_estimate_goes_to_head_then_heads_superior)
{
    EXPECT_EQ(view(routeFor(4, 20, QStringLiteral("800"))),
              (QList<StepView>{{u"pending_dept_review"_s, {3}}, {u"pending_superior_approval"_s, {2}}}));
}

TEST(ExpenseRouting, estimate_at_threshold_stays_below_executive)
{
    EXPECT_EQ(routeFor(4, 20, QStringLiteral("5000")).steps().size(), 2);
}

TEST(ExpenseRouting, estimate_above_threshold_adds_executive)
{
    EXPECT_EQ(view(routeFor(4, 20, QStringLiteral("5000.01"))),
              (QList<StepView>{{u"pending_dept_review"_s, {3}}, {u"pending_superior_approval"_s, {2}}, {u"pending_executive_approval"_s, {1}}}));
}

TEST(ExpenseRouting, key_customer_adds_executive_even_for_small_amounts)
{
    const Route route = routeFor(4, 20, QStringLiteral("100"), QStringLiteral("key"));
    ASSERT_EQ(route.steps().size(), 3);
    EXPECT_EQ(route.steps()[2].clause, QStringLiteral("6.3.3"));
    EXPECT_EQ(routeFor(4, 20, QStringLiteral("100"), QStringLiteral("general")).steps().size(), 2);
}

TEST(ExpenseRouting, head_applying_climbs_the_reporting_line)
{
    // manager1 is the head: review goes to the director, approval one level up to the executive.
    EXPECT_EQ(view(routeFor(3, 20, QStringLiteral("800"))),
              (QList<StepView>{{u"pending_dept_review"_s, {2}}, {u"pending_superior_approval"_s, {1}}}));
}

TEST(ExpenseRouting, head_applying_above_threshold_merges_the_executive_step)
{
    // The executive would take two consecutive steps: they become one executive approval.
    const Route route = routeFor(3, 20, QStringLiteral("9000"));
    EXPECT_EQ(view(route), (QList<StepView>{{u"pending_dept_review"_s, {2}}, {u"pending_executive_approval"_s, {1}}}));
    EXPECT_EQ(route.steps()[1].clause, QStringLiteral("6.3.2, 6.3.3"));
}

TEST(ExpenseRouting, nobody_is_ever_an_approver_of_their_own_request)
{
    for (UserId applicant : {2, 3, 4, 6, 7}) {
        const DepartmentId department = applicant == 2 ? 10 : applicant <= 5 ? 20 : 30;
        for (const char *estimate : {"10", "90000"}) {
            const Route route = routeFor(applicant, department, QString::fromLatin1(estimate));
            std::optional<UserId> previous;
            for (const ApprovalStep &step : route.steps()) {
                for (const StepApprover &approver : step.approvers) {
                    EXPECT_NE(approver.approver, applicant);
                    if (previous) {
                        EXPECT_NE(approver.approver, *previous);
                    }
                }
                previous = step.approvers.size() == 1 ? std::optional<UserId>(step.approvers.first().approver) : std::nullopt;
            }
        }
    }
}

TEST(ExpenseRouting, claim_route_overrun_goes_to_superior_then_any_finance)
{
    FakeDirectory directory;
    const Route plain = RouteResolver::resolve(ExpenseRouting::claimPlan(4, false), 4, directory);
    EXPECT_EQ(view(plain), (QList<StepView>{{u"pending_finance_review"_s, {8, 9}}}));
    EXPECT_EQ(plain.steps()[0].mode, ApprovalStep::Mode::AnyOf);
    const Route overrun = RouteResolver::resolve(ExpenseRouting::claimPlan(4, true), 4, directory);
    EXPECT_EQ(view(overrun), (QList<StepView>{{u"pending_overrun_approval"_s, {3}}, {u"pending_finance_review"_s, {8, 9}}}));
}

// ---- route decisions ----

TEST(ApprovalRoute, approve_advances_and_completes)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    EXPECT_EQ(route.currentState(), QStringLiteral("pending_dept_review"));
    EXPECT_EQ(route.approve(3, {3}, 4, at, {}), RouteOutcome::Advanced);
    EXPECT_EQ(route.currentState(), QStringLiteral("pending_superior_approval"));
    EXPECT_EQ(route.approve(2, {2}, 4, at, {}), RouteOutcome::Completed);
    EXPECT_EQ(route.currentIndex(), -1);
}

TEST(ApprovalRoute, wrong_person_is_denied)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    EXPECT_ERROR_KIND(route.approve(2, {2}, 4, at, {}), Denied);
    EXPECT_ERROR_KIND(route.approve(4, {4}, 4, at, {}), Denied);
    EXPECT_ERROR_KIND(route.reject(5, {5}, 4, at, QStringLiteral("x")), Denied);
}

TEST(ApprovalRoute, delegate_acts_on_behalf_of_the_approver)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    UserId behalf = 0;
    // sales2 (5) is manager1's (3) delegate.
    EXPECT_EQ(route.approve(5, {5, 3}, 4, at, {}, &behalf), RouteOutcome::Advanced);
    EXPECT_EQ(behalf, 3);
    EXPECT_EQ(route.steps()[0].approvers[0].decidedBy, 5);
}

TEST(ApprovalRoute, delegate_who_is_the_requester_is_denied)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    EXPECT_ERROR_KIND(route.approve(4, {4, 3}, 4, at, {}), Denied);
}

TEST(ApprovalRoute, previous_decider_may_not_take_the_next_step_even_as_delegate)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    route.approve(3, {3}, 4, at, {});
    // manager1 holds a delegation from the director: still the same person twice in a row.
    EXPECT_ERROR_KIND(route.approve(3, {3, 2}, 4, at, {}), Denied);
}

TEST(ApprovalRoute, all_of_needs_everybody_any_of_needs_one)
{
    FakeDirectory directory;
    Route anyOf = RouteResolver::resolve({{u"pending_finance_review"_s, ApproverRule::roleHolders(Role::Finance),
                                           ApprovalStep::Mode::AnyOf, u"6.4.3"_s}},
                                         4, directory);
    EXPECT_EQ(anyOf.approve(9, {9}, 4, at, {}), RouteOutcome::Completed);
    Route allOf = RouteResolver::resolve({{u"countersign"_s, ApproverRule::named({8, 9}), ApprovalStep::Mode::AllOf, u"5.3"_s}}, 4,
                                         directory);
    EXPECT_EQ(allOf.approve(8, {8}, 4, at, {}), RouteOutcome::StepStillOpen);
    EXPECT_ERROR_KIND(allOf.approve(8, {8}, 4, at, {}), Denied);
    EXPECT_EQ(allOf.approve(9, {9}, 4, at, {}), RouteOutcome::Completed);
}

TEST(ApprovalRoute, return_and_reject_close_the_step)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    EXPECT_EQ(route.returnToRequester(3, {3}, 4, at, QStringLiteral("more detail")), RouteOutcome::Returned);
    EXPECT_EQ(route.currentIndex(), -1);
    EXPECT_ERROR_KIND(route.approve(3, {3}, 4, at, {}), Conflict);
    Route second = routeFor(4, 20, QStringLiteral("800"));
    EXPECT_EQ(second.reject(3, {3}, 4, at, QStringLiteral("no")), RouteOutcome::Rejected);
}

TEST(ApprovalRoute, transfer_add_approver_and_reopen_fit_the_route)
{
    Route route = routeFor(4, 20, QStringLiteral("800"));
    route.transfer(3, 6, 4);
    EXPECT_ERROR_KIND(route.approve(3, {3}, 4, at, {}), Denied);
    route.addApprover(8, 4);
    EXPECT_EQ(route.steps()[0].mode, ApprovalStep::Mode::AllOf);
    EXPECT_ERROR_KIND(route.addApprover(4, 4), Denied);
    EXPECT_EQ(route.approve(6, {6}, 4, at, {}), RouteOutcome::StepStillOpen);
    EXPECT_EQ(route.approve(8, {8}, 4, at, {}), RouteOutcome::Advanced);
    route.reopenAt(0);
    EXPECT_EQ(route.currentIndex(), 0);
    EXPECT_EQ(route.steps()[0].undecidedApprovers().size(), 2);
}

// ---- state machine ----

TEST(ExpenseWorkflow, allowed_transitions_match_the_design_notes)
{
    using S = ExpenseState;
    using A = ExpenseAction;
    const std::map<S, std::map<A, S>> allowed{
        {S::Draft, {{A::Edit, S::Draft}, {A::Submit, S::PendingDeptReview}, {A::Withdraw, S::Withdrawn}}},
        {S::PendingDeptReview, {{A::Approve, S::Approved}, {A::Return, S::Draft}, {A::Reject, S::Rejected}, {A::Withdraw, S::Withdrawn}}},
        {S::PendingSuperiorApproval, {{A::Approve, S::Approved}, {A::Return, S::Draft}, {A::Reject, S::Rejected}, {A::Withdraw, S::Withdrawn}}},
        {S::PendingExecutiveApproval, {{A::Approve, S::Approved}, {A::Return, S::Draft}, {A::Reject, S::Rejected}, {A::Withdraw, S::Withdrawn}}},
        {S::Approved, {{A::Cancel, S::Cancelled}, {A::Claim, S::PendingFinanceReview}}},
        {S::PendingOverrunApproval, {{A::Approve, S::PendingFinanceReview}, {A::Return, S::Approved}, {A::Reject, S::ClaimRefused}}},
        {S::PendingFinanceReview, {{A::FinanceApprove, S::Reimbursed}, {A::FinanceReturn, S::Approved}, {A::FinanceReject, S::ClaimRefused}}},
    };
    const QList<A> actions{A::Edit, A::Submit, A::Approve, A::Return, A::Reject, A::Withdraw,
                           A::Cancel, A::Claim, A::FinanceApprove, A::FinanceReturn, A::FinanceReject};
    for (S state : allExpenseStates()) {
        for (A action : actions) {
            const auto row = allowed.find(state);
            const bool expected = row != allowed.end() && row->second.count(action);
            EXPECT_EQ(ExpenseWorkflow::allows(state, action), expected)
                << expenseStateName(state).toStdString() << " " << expenseActionName(action).toStdString();
            if (expected) {
                EXPECT_EQ(ExpenseWorkflow::target(state, action), row->second.at(action));
            } else {
                EXPECT_ERROR_KIND(ExpenseWorkflow::target(state, action), Conflict);
            }
        }
    }
}

TEST(ExpenseWorkflow, state_names_are_exactly_the_design_names)
{
    QStringList names;
    for (ExpenseState state : allExpenseStates())
        names << expenseStateName(state);
    EXPECT_EQ(names, (QStringList{u"draft"_s, u"pending_dept_review"_s, u"pending_superior_approval"_s, u"pending_executive_approval"_s,
                                  u"approved"_s, u"pending_overrun_approval"_s, u"pending_finance_review"_s, u"reimbursed"_s, u"rejected"_s,
                                  u"withdrawn"_s, u"cancelled"_s, u"claim_refused"_s}));
}

TEST(ExpenseWorkflow, return_and_reject_need_a_comment)
{
    EXPECT_ERROR_KIND(ExpenseWorkflow::requireComment(ExpenseAction::Return, QStringLiteral("  ")), Invalid);
    EXPECT_ERROR_KIND(ExpenseWorkflow::requireComment(ExpenseAction::FinanceReject, {}), Invalid);
    ExpenseWorkflow::requireComment(ExpenseAction::Approve, {});
}

// ---- form validation (§6.3.1) ----

namespace {
ExpenseForm goodForm()
{
    return bizdesk::testing::sampleExpenseForm(QStringLiteral("1234.5"));
}

QString fieldOf(const std::function<void(ExpenseForm &)> &spoil)
{
    ExpenseForm form = goodForm();
    spoil(form);
    ExpenseRequest request;
    try {
        ExpenseRules::applyForm(form, request);
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Invalid);
        return error.field();
    }
    return QStringLiteral("<accepted>");
}
} // namespace

TEST(ExpenseRules, a_good_form_is_accepted_verbatim)
{
    ExpenseForm form = goodForm();
    form.reason = QStringLiteral("x'); DROP TABLE users;-- <b>");
    ExpenseRequest request;
    ExpenseRules::applyForm(form, request);
    EXPECT_EQ(request.reason, form.reason);
    EXPECT_EQ(request.estimate.toDecimalString(), QStringLiteral("1234.50"));
    EXPECT_EQ(request.category, ExpenseCategory::Banquet);
}

TEST(ExpenseRules, bad_fields_are_named)
{
    EXPECT_EQ(fieldOf([](auto &f) { f.category = u"party"_s; }), u"category"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.reason = u"  "_s; }), u"reason"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.place = u""_s; }), u"place"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.participants = u""_s; }), u"participants"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.headcount = 0; }), u"headcount"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.eventAt = QDateTime(); }), u"at"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.estimate = u"0"_s; }), u"estimate"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.estimate = u"-5"_s; }), u"estimate"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.estimate = u"1.234"_s; }), u"estimate"_s);
    EXPECT_EQ(fieldOf([](auto &f) { f.estimate = u"abc"_s; }), u"estimate"_s);
}

// ---- claim and budget (§6.4, §6.1) ----

TEST(ClaimRules, overrun_uses_the_tolerance_and_needs_an_explanation)
{
    const QDateTime event(QDate(2026, 12, 1), QTime(18, 0), QTimeZone::utc());
    const Money estimate = *Money::parse(QStringLiteral("1000"));
    const BusinessCalendar calendar(QTimeZone::utc());
    EXPECT_FALSE(ClaimRules::assess(estimate, *Money::parse(u"1100"_s), 10, event, event.addDays(1), 30, calendar).overrun);
    const ClaimAssessment over = ClaimRules::assess(estimate, *Money::parse(u"1100.01"_s), 10, event, event.addDays(1), 30, calendar);
    EXPECT_TRUE(over.overrun);
    EXPECT_ERROR_KIND(ClaimRules::validate(*Money::parse(u"1100.01"_s), 2, QStringLiteral(" "), over), Invalid);
    ClaimRules::validate(*Money::parse(u"1100.01"_s), 2, QStringLiteral("客户多来两位"), over);
    EXPECT_ERROR_KIND(ClaimRules::validate(*Money::parse(u"100"_s), 0, {}, over), Invalid);
}

TEST(ClaimRules, late_after_the_last_business_day_of_the_deadline)
{
    const BusinessCalendar calendar(QTimeZone::utc());
    const QDateTime event(QDate(2026, 12, 1), QTime(18, 0), QTimeZone::utc());
    const Money money = *Money::parse(QStringLiteral("10"));
    EXPECT_FALSE(ClaimRules::assess(money, money, 10, event, event.addDays(30), 30, calendar).late);
    EXPECT_FALSE(ClaimRules::assess(money, money, 10, event, QDateTime(QDate(2026, 12, 31), QTime(23, 59), QTimeZone::utc()), 30, calendar).late);
    EXPECT_TRUE(ClaimRules::assess(money, money, 10, event, QDateTime(QDate(2027, 1, 1), QTime(0, 1), QTimeZone::utc()), 30, calendar).late);
}

TEST(ClaimRules, deadline_days_are_counted_in_the_company_time_zone)
{
    // 07:30 on 1 December in Shanghai is 23:30 on 30 November in UTC; day 30 is 31 December there.
    const BusinessCalendar shanghai = BusinessCalendar::fromZoneId(QStringLiteral("Asia/Shanghai"));
    const QTimeZone zone("Asia/Shanghai");
    const QDateTime event = QDateTime(QDate(2026, 12, 1), QTime(7, 30), zone).toUTC();
    const Money money = *Money::parse(QStringLiteral("10"));
    EXPECT_FALSE(ClaimRules::assess(money, money, 10, event, QDateTime(QDate(2026, 12, 31), QTime(23, 0), zone).toUTC(), 30, shanghai).late);
    EXPECT_TRUE(ClaimRules::assess(money, money, 10, event, QDateTime(QDate(2027, 1, 1), QTime(0, 10), zone).toUTC(), 30, shanghai).late);
}

TEST(BudgetRules, over_budget_needs_an_explanation)
{
    BudgetUsage usage{*Money::parse(u"20000"_s), *Money::parse(u"19000"_s), *Money::parse(u"21000"_s)};
    EXPECT_TRUE(usage.over());
    EXPECT_ERROR_KIND(BudgetRules::requireExplanationIfOver(usage, {}), Invalid);
    BudgetRules::requireExplanationIfOver(usage, QStringLiteral("年末答谢"));
    BudgetUsage within{*Money::parse(u"20000"_s), *Money::parse(u"1000"_s), *Money::parse(u"20000"_s)};
    EXPECT_FALSE(within.over());
}
