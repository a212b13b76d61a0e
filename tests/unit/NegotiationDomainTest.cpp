// Negotiations (§4) without a database: the stage rules, the preparation checklist, the zone of
// possible agreement, the concession flags, the capture figure and the deadlock hint.
#include "domain/Error.h"
#include "domain/negotiations/NegotiationFigures.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

using namespace bizdesk::domain;
using namespace Qt::StringLiterals;

namespace {

Money yuan(std::int64_t amount)
{
    return Money::fromMinor(amount * 100);
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

Offer offer(qint64 id, OfferSide side, std::int64_t amount, int day, const QString &got = {})
{
    Offer o;
    o.id = id;
    o.side = side;
    o.amount = yuan(amount);
    o.offeredOn = QDate(2026, 11, day);
    o.got = got;
    return o;
}

Estimate estimate(std::int64_t low, std::int64_t high)
{
    return Estimate{1, yuan(low), yuan(high), u"客户采购经理"_s, QDate(2026, 11, 1)};
}

} // namespace

TEST(NegotiationDomain, StageNamesAreTheDesignNames)
{
    EXPECT_EQ(negotiationStages().namesJoined(),
              u"preparation|opening|probing|quoting|bargaining|deadlock|consensus|no_deal"_s);
    EXPECT_EQ(negotiationTerms().namesJoined(), u"price|delivery|service|acceptance|payment|breach"_s);
    EXPECT_EQ(deadlockStrategies().namesJoined(), u"change_strategy|mediation|park"_s);
}

// Every from × to pair: one step forward, deadlock from quoting or bargaining and back to where
// it came from, no_deal from any open stage; everything else is a conflict (exit 4).
TEST(NegotiationDomain, StageMatrix)
{
    using S = NegotiationStage;
    const std::map<S, std::set<S>> allowed{
        {S::Preparation, {S::Opening, S::NoDeal}},
        {S::Opening, {S::Probing, S::NoDeal}},
        {S::Probing, {S::Quoting, S::NoDeal}},
        {S::Quoting, {S::Bargaining, S::Deadlock, S::NoDeal}},
        {S::Bargaining, {S::Consensus, S::Deadlock, S::NoDeal}},
        {S::Deadlock, {S::Bargaining, S::NoDeal}}, // came from bargaining
        {S::Consensus, {}},
        {S::NoDeal, {}},
    };
    for (const S from : negotiationStages().all()) {
        for (const S to : negotiationStages().all()) {
            const bool expected = allowed.at(from).contains(to);
            const auto move = [&] { NegotiationFlow::requireMove(from, to, S::Bargaining); };
            if (expected)
                EXPECT_NO_THROW(move()) << negotiationStages().name(from).toStdString() << "→" << negotiationStages().name(to).toStdString();
            else
                EXPECT_EQ(kindOf(move), ErrorKind::Conflict) << negotiationStages().name(from).toStdString() << "→"
                                                             << negotiationStages().name(to).toStdString();
        }
    }
}

TEST(NegotiationDomain, DeadlockReturnsOnlyToTheStageItCameFrom)
{
    using S = NegotiationStage;
    EXPECT_NO_THROW(NegotiationFlow::requireMove(S::Deadlock, S::Quoting, S::Quoting));
    EXPECT_EQ(kindOf([] { NegotiationFlow::requireMove(S::Deadlock, S::Bargaining, S::Quoting); }), ErrorKind::Conflict);
    EXPECT_EQ(kindOf([] { NegotiationFlow::requireMove(S::Deadlock, S::Consensus, S::Bargaining); }), ErrorKind::Conflict);
}

TEST(NegotiationDomain, ClosedNegotiationsMoveNowhereAndRecordNothing)
{
    using S = NegotiationStage;
    EXPECT_TRUE(NegotiationFlow::movesFrom(S::Bargaining, std::nullopt, true).isEmpty());
    EXPECT_EQ(kindOf([] { NegotiationFlow::requireMove(S::Bargaining, S::Consensus, std::nullopt, true); }), ErrorKind::Conflict);
    EXPECT_EQ(kindOf([] { NegotiationFlow::requireOpen(S::Consensus, false); }), ErrorKind::Conflict);
    EXPECT_EQ(kindOf([] { NegotiationFlow::requireOpen(S::NoDeal, false); }), ErrorKind::Conflict);
    EXPECT_EQ(kindOf([] { NegotiationFlow::requireOpen(S::Bargaining, true); }), ErrorKind::Conflict);
    EXPECT_NO_THROW(NegotiationFlow::requireOpen(S::Deadlock, false));
}

TEST(NegotiationDomain, ChecklistFollowsTheRecordAndTheBriefing)
{
    Negotiation negotiation;
    QList<TeamMember> team;
    QList<Material> materials;
    auto items = PreparationChecklist::evaluate(negotiation, team, materials);
    EXPECT_EQ(PreparationChecklist::done(items), 0);
    EXPECT_EQ(PreparationChecklist::missing(items).size(), 5);

    team << TeamMember{1, u"sales1"_s, u"李"_s, TeamRole::Member, {}, {}};
    EXPECT_FALSE(PreparationChecklist::evaluate(negotiation, team, materials)[ChecklistItem::TeamSet]) << "a team without a lead";
    team << TeamMember{2, u"manager1"_s, u"王"_s, TeamRole::Lead, u"统一对外发言"_s, {}};
    negotiation.goal = u"年框协议，单价不低于 95 元"_s;
    negotiation.strategy.theirLikelyStrategy = u"压价、拖延"_s;
    materials << Material{1, MaterialKind::Competitors, u"竞品报价 90 元"_s, {}};
    items = PreparationChecklist::evaluate(negotiation, team, materials);
    EXPECT_EQ(PreparationChecklist::done(items), 4);
    EXPECT_EQ(PreparationChecklist::missing(items), QList<ChecklistItem>{ChecklistItem::BriefingHeld});
    negotiation.briefingHeld = true;
    EXPECT_EQ(PreparationChecklist::done(PreparationChecklist::evaluate(negotiation, team, materials)), 5);
}

TEST(NegotiationDomain, OpeningNeedsALead)
{
    QList<TeamMember> team{TeamMember{1, u"sales1"_s, u"李"_s, TeamRole::Member, {}, {}}};
    try {
        NegotiationRules::requireLead(team);
        ADD_FAILURE() << "no lead accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Invalid);
        EXPECT_EQ(error.field(), u"lead"_s);
        EXPECT_EQ(error.clause(), u"4.1.1"_s);
    }
    team << TeamMember{2, u"manager1"_s, u"王"_s, TeamRole::Lead, {}, {}};
    EXPECT_NO_THROW(NegotiationRules::requireLead(team));
    EXPECT_EQ(NegotiationRules::leadOf(team), 2);
}

TEST(NegotiationDomain, FormRefusesBadAmountsAndATargetPastTheBottomLine)
{
    NegotiationForm form;
    form.customerId = 7;
    form.title = u"2027 年度框架协议"_s;
    form.bottomLine = u"90000"_s;
    form.target = u"120000.5"_s;
    Negotiation negotiation;
    NegotiationRules::applyForm(form, negotiation);
    EXPECT_EQ(negotiation.target, Money::fromMinor(12000050));
    EXPECT_EQ(negotiation.direction, NegotiationDirection::Sell);

    for (const QString &bad : {u"-1"_s, u"1.234"_s, u"abc"_s}) {
        NegotiationForm wrong = form;
        wrong.bottomLine = bad;
        EXPECT_EQ(kindOf([&] { Negotiation n; NegotiationRules::applyForm(wrong, n); }), ErrorKind::Invalid) << bad.toStdString();
    }
    NegotiationForm past = form;
    past.target = u"80000"_s; // below the bottom line when selling
    EXPECT_EQ(kindOf([&] { Negotiation n; NegotiationRules::applyForm(past, n); }), ErrorKind::Invalid);
    past.direction = u"buy"_s; // buying, a target below our most is what we want
    EXPECT_NO_THROW({ Negotiation n; NegotiationRules::applyForm(past, n); });
    NegotiationForm direction = form;
    direction.direction = u"rent"_s;
    EXPECT_EQ(kindOf([&] { Negotiation n; NegotiationRules::applyForm(direction, n); }), ErrorKind::Invalid);
}

TEST(NegotiationDomain, PastTheBottomLineDependsOnTheDirection)
{
    EXPECT_TRUE(NegotiationFigures::isPastBottomLine(NegotiationDirection::Sell, yuan(100), yuan(99)));
    EXPECT_FALSE(NegotiationFigures::isPastBottomLine(NegotiationDirection::Sell, yuan(100), yuan(100)));
    EXPECT_FALSE(NegotiationFigures::isPastBottomLine(NegotiationDirection::Buy, yuan(100), yuan(99)));
    EXPECT_TRUE(NegotiationFigures::isPastBottomLine(NegotiationDirection::Buy, yuan(100), yuan(101)));
}

TEST(NegotiationDomain, ZoneOfPossibleAgreementWhenSelling)
{
    const auto zone = NegotiationFigures::zopa(NegotiationDirection::Sell, yuan(90000), estimate(85000, 110000));
    ASSERT_TRUE(zone);
    EXPECT_EQ(zone->low, yuan(90000));
    EXPECT_EQ(zone->high, yuan(110000));
    EXPECT_FALSE(NegotiationFigures::zopa(NegotiationDirection::Sell, yuan(90000), estimate(70000, 89999)));
    EXPECT_TRUE(NegotiationFigures::zopa(NegotiationDirection::Sell, yuan(90000), estimate(70000, 90000))) << "a one-point zone";
    EXPECT_FALSE(NegotiationFigures::zopa(NegotiationDirection::Sell, std::nullopt, estimate(1, 2)));
    EXPECT_FALSE(NegotiationFigures::zopa(NegotiationDirection::Sell, yuan(1), std::nullopt));
}

TEST(NegotiationDomain, ZoneOfPossibleAgreementWhenBuyingIsTheMirrorImage)
{
    const auto zone = NegotiationFigures::zopa(NegotiationDirection::Buy, yuan(50000), estimate(42000, 60000));
    ASSERT_TRUE(zone);
    EXPECT_EQ(zone->low, yuan(42000));
    EXPECT_EQ(zone->high, yuan(50000));
    EXPECT_FALSE(NegotiationFigures::zopa(NegotiationDirection::Buy, yuan(50000), estimate(50001, 60000)));
}

TEST(NegotiationDomain, ConcessionsAreStepsNotTotalsWithGiveGetFlags)
{
    const QList<Offer> offers{
        offer(1, OfferSide::Ours, 120000, 2),              // first offer: no concession
        offer(2, OfferSide::Theirs, 90000, 3),
        offer(3, OfferSide::Ours, 115000, 4),              // 5000 with nothing in return
        offer(4, OfferSide::Ours, 112000, 5, u"预付 30%"_s), // 3000, smaller
        offer(5, OfferSide::Ours, 104000, 6, u"三年框架"_s), // 8000, larger than 3000
        offer(6, OfferSide::Ours, 106000, 7),              // a step away: no concession
    };
    const QList<Concession> concessions = NegotiationFigures::concessions(NegotiationDirection::Sell, offers);
    ASSERT_EQ(concessions.size(), 3);
    EXPECT_EQ(concessions[0].offerId, 3);
    EXPECT_EQ(concessions[0].amount, yuan(5000));
    EXPECT_EQ(concessions[0].flags(), QStringList{u"nothing_in_return"_s}) << "the first concession is never larger_than_previous";
    EXPECT_EQ(concessions[1].amount, yuan(3000));
    EXPECT_TRUE(concessions[1].flags().isEmpty());
    EXPECT_EQ(concessions[2].amount, yuan(8000));
    EXPECT_EQ(concessions[2].flags(), QStringList{u"larger_than_previous"_s});
}

TEST(NegotiationDomain, ConcessionsWhenBuyingGoUp)
{
    const QList<Offer> offers{offer(1, OfferSide::Ours, 40000, 2), offer(2, OfferSide::Ours, 42000, 3, u"延长质保"_s),
                              offer(3, OfferSide::Ours, 41000, 4)};
    const QList<Concession> concessions = NegotiationFigures::concessions(NegotiationDirection::Buy, offers);
    ASSERT_EQ(concessions.size(), 1);
    EXPECT_EQ(concessions[0].amount, yuan(2000));
    EXPECT_TRUE(concessions[0].flags().isEmpty());
}

TEST(NegotiationDomain, LatestOfferAndGap)
{
    const QList<Offer> offers{offer(1, OfferSide::Ours, 120000, 2), offer(2, OfferSide::Theirs, 90000, 3),
                              offer(3, OfferSide::Ours, 110000, 4)};
    EXPECT_EQ(NegotiationFigures::latestOffer(offers)->id, 3);
    EXPECT_EQ(NegotiationFigures::gap(offers), yuan(20000));
    EXPECT_FALSE(NegotiationFigures::gap({offer(1, OfferSide::Ours, 1, 2)}));
}

TEST(NegotiationDomain, CaptureFigureAndEstimateError)
{
    // Zone 90000…110000; final 105000 captured 75% of it; their estimated limit was 5000 above.
    EXPECT_EQ(NegotiationFigures::capturePermille(NegotiationDirection::Sell, yuan(90000), estimate(80000, 110000), yuan(105000)), 750);
    EXPECT_EQ(NegotiationFigures::estimateError(NegotiationDirection::Sell, estimate(80000, 110000), yuan(105000)), yuan(-5000));
    EXPECT_EQ(NegotiationFigures::percentText(750), u"75.0%"_s);
    // Buying: bottom line 50000, their estimated lowest 40000, final 42500: captured 75%.
    EXPECT_EQ(NegotiationFigures::capturePermille(NegotiationDirection::Buy, yuan(50000), estimate(40000, 60000), yuan(42500)), 750);
    EXPECT_EQ(NegotiationFigures::estimateError(NegotiationDirection::Buy, estimate(40000, 60000), yuan(42500)), yuan(2500));
    // An empty zone has no capture figure.
    EXPECT_FALSE(NegotiationFigures::capturePermille(NegotiationDirection::Sell, yuan(90000), estimate(70000, 90000), yuan(90000)));
    EXPECT_EQ(NegotiationFigures::capturePermille(NegotiationDirection::Sell, yuan(0), estimate(0, 3), yuan(1)), 333);
}

TEST(NegotiationDomain, DeadlockHintAfterSessionsOrDaysWithoutNarrowing)
{
    DeadlockHintInput input;
    input.offers = {offer(1, OfferSide::Ours, 120000, 2), offer(2, OfferSide::Theirs, 90000, 3)};
    input.today = QDate(2026, 11, 5);
    input.sessionLimit = 3;
    input.dayLimit = 14;
    input.sessionDates = {QDate(2026, 11, 4), QDate(2026, 11, 5)};
    EXPECT_FALSE(NegotiationFigures::suggestsDeadlock(input)) << "two sessions since the gap last narrowed";
    input.sessionDates << QDate(2026, 11, 5);
    EXPECT_TRUE(NegotiationFigures::suggestsDeadlock(input)) << "three sessions";
    // A wider gap afterwards does not count as narrowing.
    input.offers << offer(3, OfferSide::Theirs, 85000, 4);
    EXPECT_TRUE(NegotiationFigures::suggestsDeadlock(input));
    // Narrowing resets the count.
    input.offers << offer(4, OfferSide::Ours, 110000, 5);
    EXPECT_FALSE(NegotiationFigures::suggestsDeadlock(input));
    // Days alone: 14 days without narrowing.
    input.today = QDate(2026, 11, 19);
    EXPECT_TRUE(NegotiationFigures::suggestsDeadlock(input));
    // One side only: no gap, no hint.
    input.offers = {offer(1, OfferSide::Ours, 120000, 2)};
    EXPECT_FALSE(NegotiationFigures::suggestsDeadlock(input));
}
