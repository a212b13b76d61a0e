#include "domain/Error.h"
#include "domain/contracts/Contract.h"
#include "domain/contracts/Receivables.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace bizdesk::domain;
using namespace Qt::StringLiterals;

namespace {

ClauseTexts allClauses()
{
    ClauseTexts texts;
    for (const ContractClause clause : contractClauses().all())
        texts[clause] = u"条款 "_s + contractClauses().name(clause);
    return texts;
}

ErrorKind kindOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const Error &error) {
        return error.kind();
    }
    ADD_FAILURE() << "no error";
    return ErrorKind::Internal;
}

Money yuan(std::int64_t amount)
{
    return Money::fromMinor(amount * 100);
}

} // namespace

TEST(ContractDomain, StateNamesAreTheDesignNames)
{
    QStringList names;
    for (const ContractState state : contractStates().all())
        names << contractStates().name(state);
    EXPECT_EQ(names, QStringList({u"draft"_s, u"legal_review"_s, u"finance_review"_s, u"leadership_approval"_s,
                                  u"executive_approval"_s, u"approved"_s, u"effective"_s, u"completed"_s,
                                  u"terminated"_s, u"archived"_s, u"destroyed"_s, u"withdrawn"_s}));
    for (const ContractState state : contractStates().all())
        EXPECT_EQ(contractStates().fromName(contractStates().name(state)), state);
    EXPECT_FALSE(contractStates().fromName(u"pending"_s).has_value());
}

// The whole transition table: every state × action pair, and where the state-changing ones lead.
TEST(ContractDomain, TransitionMatrix)
{
    using S = ContractState;
    using A = ContractAction;
    const std::map<S, std::set<A>> allowed{
        {S::Draft, {A::Edit, A::Submit, A::Withdraw, A::PlanMilestone, A::PlanReceivable}},
        {S::LegalReview, {A::Approve, A::Return}},
        {S::FinanceReview, {A::Approve, A::Return}},
        {S::LeadershipApproval, {A::Approve, A::Return}},
        {S::ExecutiveApproval, {A::Approve, A::Return}},
        {S::Approved, {A::Sign, A::PlanMilestone, A::PlanReceivable}},
        {S::Effective, {A::Acknowledge, A::PlanMilestone, A::CompleteMilestone, A::PlanReceivable, A::RecordPayment,
                        A::RecordIssue, A::RecordSatisfaction, A::Change, A::Terminate, A::Complete}},
        {S::Completed, {A::Acknowledge, A::RecordSatisfaction, A::Archive}},
        {S::Terminated, {A::Acknowledge, A::Archive}},
        {S::Archived, {A::Destroy}},
        {S::Destroyed, {}},
        {S::Withdrawn, {}},
    };
    for (const S state : contractStates().all()) {
        for (const A action : contractActions().all()) {
            const bool expected = allowed.at(state).contains(action);
            EXPECT_EQ(ContractWorkflow::allows(state, action), expected)
                << contractStates().name(state).toStdString() << " × " << contractActions().name(action).toStdString();
            if (!expected) {
                EXPECT_EQ(kindOf([&] { ContractWorkflow::target(state, action); }), ErrorKind::Conflict);
            }
        }
    }
    EXPECT_EQ(ContractWorkflow::target(S::Draft, A::Submit), S::LegalReview);
    EXPECT_EQ(ContractWorkflow::target(S::FinanceReview, A::Return), S::Draft);
    EXPECT_EQ(ContractWorkflow::target(S::Draft, A::Withdraw), S::Withdrawn);
    EXPECT_EQ(ContractWorkflow::target(S::Approved, A::Sign), S::Effective);
    EXPECT_EQ(ContractWorkflow::target(S::Effective, A::Terminate), S::Terminated);
    EXPECT_EQ(ContractWorkflow::target(S::Effective, A::Complete), S::Completed);
    EXPECT_EQ(ContractWorkflow::target(S::Terminated, A::Archive), S::Archived);
    EXPECT_EQ(ContractWorkflow::target(S::Archived, A::Destroy), S::Destroyed);
    EXPECT_EQ(ContractWorkflow::target(S::Effective, A::Change), S::Effective);
    EXPECT_EQ(ContractWorkflow::actionsIn(S::Archived), QList<A>{A::Destroy});
}

TEST(ContractDomain, ReturnNeedsAComment)
{
    EXPECT_EQ(kindOf([] { ContractWorkflow::requireComment(ContractAction::Return, u"  "_s); }), ErrorKind::Invalid);
    EXPECT_NO_THROW(ContractWorkflow::requireComment(ContractAction::Return, u"付款条款需改为 30 天"_s));
    EXPECT_NO_THROW(ContractWorkflow::requireComment(ContractAction::Approve, {}));
}

TEST(ContractDomain, ClauseGateNamesEveryEmptyClauseAndCitesTheClause)
{
    EXPECT_NO_THROW(ClauseGate::requireComplete(allClauses()));
    ClauseTexts texts = allClauses();
    texts[ContractClause::Price] = u"   "_s;
    texts.remove(ContractClause::Breach);
    EXPECT_EQ(ClauseGate::emptyClauses(texts), (QList<ContractClause>{ContractClause::Price, ContractClause::Breach}));
    try {
        ClauseGate::requireComplete(texts);
        FAIL() << "submitted with empty clauses";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Invalid);
        EXPECT_EQ(error.clause(), u"5.1.2"_s);
        EXPECT_TRUE(error.message().contains(u"price"_s)) << error.message().toStdString();
        EXPECT_TRUE(error.message().contains(u"breach"_s));
        EXPECT_FALSE(error.message().contains(u"obligations"_s));
    }
    EXPECT_EQ(ClauseGate::parse(u"payment"_s), ContractClause::Payment);
    EXPECT_EQ(kindOf([] { ClauseGate::parse(u"warranty"_s); }), ErrorKind::Invalid);
}

TEST(ContractDomain, ClauseDiffListsOnlyChangedClauses)
{
    const ClauseTexts before = allClauses();
    ClauseTexts after = before;
    after[ContractClause::Payment] = u"验收后 30 天内付清"_s;
    const QList<ClauseChange> changes = ClauseDiff::between(before, after);
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes[0].clause, ContractClause::Payment);
    EXPECT_EQ(changes[0].after, u"验收后 30 天内付清"_s);
    EXPECT_TRUE(ClauseDiff::between(before, before).isEmpty());
}

TEST(ContractDomain, NumbersAreYearAndFourDigitSequence)
{
    EXPECT_EQ(ContractNumber::format(2026, 7), u"HT-2026-0007"_s);
    EXPECT_EQ(ContractNumber::format(2027, 12345), u"HT-2027-12345"_s);
    EXPECT_EQ(ContractNumber::parse(u"HT-2026-0042"_s), (std::pair{2026, 42}));
    EXPECT_FALSE(ContractNumber::parse(u"HT-26-1"_s).has_value());
    EXPECT_FALSE(ContractNumber::parse(u"XX-2026-0001"_s).has_value());
}

TEST(ContractDomain, FormValidationNamesTheField)
{
    const auto fieldOf = [](ContractForm form) {
        Contract contract;
        try {
            ContractRules::applyForm(form, contract);
        } catch (const Error &error) {
            return error.field();
        }
        return QString();
    };
    ContractForm good;
    good.customerId = 3;
    good.title = u"ERP 实施"_s;
    good.amount = u"120000.50"_s;
    EXPECT_EQ(fieldOf(good), QString());
    ContractForm form = good;
    form.amount = u"0"_s;
    EXPECT_EQ(fieldOf(form), u"amount"_s);
    form.amount = u"-5"_s;
    EXPECT_EQ(fieldOf(form), u"amount"_s);
    form.amount = u"10.001"_s;
    EXPECT_EQ(fieldOf(form), u"amount"_s);
    form = good;
    form.title = u" "_s;
    EXPECT_EQ(fieldOf(form), u"title"_s);
    form = good;
    form.customerId = 0;
    EXPECT_EQ(fieldOf(form), u"customer"_s);
    form = good;
    form.startDate = QDate(2026, 12, 1);
    form.endDate = QDate(2026, 11, 30);
    EXPECT_EQ(fieldOf(form), u"end"_s);
    form.endDate = QDate(2026, 12, 1);
    EXPECT_EQ(fieldOf(form), QString());
    form = good;
    form.currency = u"dollars"_s;
    EXPECT_EQ(fieldOf(form), u"currency"_s);

    Contract contract;
    form = good;
    form.currency = u"usd"_s;
    ContractRules::applyForm(form, contract);
    EXPECT_EQ(contract.amount, Money::fromMinor(12000050, u"USD"_s));
}

TEST(ContractDomain, RouteAddsTheExecutiveOnlyAboveTheThreshold)
{
    const Money threshold = yuan(500000);
    QStringList states;
    for (const StepPlan &step : ContractRouting::plan(yuan(500000), threshold))
        states << step.state;
    EXPECT_EQ(states, QStringList({u"legal_review"_s, u"finance_review"_s, u"leadership_approval"_s}));
    const QList<StepPlan> large = ContractRouting::plan(yuan(500000) + Money::fromMinor(1), threshold);
    ASSERT_EQ(large.size(), 4);
    EXPECT_EQ(large.last().state, u"executive_approval"_s);
    EXPECT_EQ(large.last().clause, u"5.3.1"_s);
    EXPECT_EQ(large[0].rule.role, Role::Legal);
    EXPECT_EQ(large[1].rule.role, Role::Finance);
}

TEST(ContractDomain, ExchangeRatesConvertToWholeFen)
{
    EXPECT_EQ(ExchangeRate::parseMicros(u"7.1234"_s), 7123400);
    EXPECT_EQ(ExchangeRate::microsToString(7123400), u"7.123400"_s);
    EXPECT_EQ(kindOf([] { ExchangeRate::parseMicros(u"0"_s); }), ErrorKind::Invalid);
    EXPECT_EQ(kindOf([] { ExchangeRate::parseMicros(u"7.1234567"_s); }), ErrorKind::Invalid);
    const ExchangeRate usd{u"USD"_s, 7123400};
    // 100.01 USD × 7.1234 = 712.411234 → 712.41
    EXPECT_EQ(usd.toCny(Money::fromMinor(10001, u"USD"_s)), Money::fromMinor(71241));
    EXPECT_EQ(usd.toCny(yuan(5)), yuan(5)); // CNY stays as it is
}

TEST(ContractDomain, ReceivablePlanMayNotExceedTheContractAmount)
{
    const Money amount = yuan(100000);
    QList<Receivable> plan{{1, 1, QDate(2026, 12, 31), yuan(30000), yuan(0)}, {2, 1, QDate(2027, 3, 31), yuan(50000), yuan(0)}};
    EXPECT_NO_THROW(ReceivableRules::requireWithinContract(amount, plan, yuan(20000)));
    try {
        ReceivableRules::requireWithinContract(amount, plan, yuan(20000) + Money::fromMinor(1));
        FAIL() << "plan above the contract amount accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.field(), u"amount"_s);
        EXPECT_EQ(error.clause(), u"5.4"_s);
    }
    QList<Payment> payments{{1, 1, 1, QDate(2026, 12, 20), yuan(90000), {}, 8}};
    EXPECT_NO_THROW(ReceivableRules::requirePaymentWithinOutstanding(amount, payments, yuan(10000)));
    EXPECT_EQ(kindOf([&] { ReceivableRules::requirePaymentWithinOutstanding(amount, payments, yuan(10001)); }),
              ErrorKind::Invalid);
}

TEST(ContractDomain, BalanceShowsReceivedOutstandingAndOverdue)
{
    const Money amount = yuan(100000);
    const QList<Receivable> plan{{1, 1, QDate(2026, 11, 1), yuan(30000), yuan(10000)},
                                 {2, 1, QDate(2026, 12, 1), yuan(30000), yuan(0)},
                                 {3, 1, QDate(2027, 1, 1), yuan(40000), yuan(0)}};
    const QList<Payment> payments{{1, 1, 1, QDate(2026, 11, 3), yuan(10000), {}, 8}};
    const ContractBalance balance = ReceivableRules::balance(amount, plan, payments, QDate(2026, 12, 1));
    EXPECT_EQ(balance.planned, amount);
    EXPECT_EQ(balance.received, yuan(10000));
    EXPECT_EQ(balance.outstanding, yuan(90000));
    EXPECT_EQ(balance.overdue, yuan(20000)); // the one due 1 November; 1 December is due today, not overdue
}

TEST(ContractDomain, AgingBands)
{
    const QDate today(2026, 12, 1);
    EXPECT_EQ(ReceivableRules::aging(today, today), AgingBand::Current);
    EXPECT_EQ(ReceivableRules::aging(today.addDays(-1), today), AgingBand::Days0To30);
    EXPECT_EQ(ReceivableRules::aging(today.addDays(-30), today), AgingBand::Days0To30);
    EXPECT_EQ(ReceivableRules::aging(today.addDays(-31), today), AgingBand::Days31To90);
    EXPECT_EQ(ReceivableRules::aging(today.addDays(-90), today), AgingBand::Days31To90);
    EXPECT_EQ(ReceivableRules::aging(today.addDays(-91), today), AgingBand::Over90);
}
