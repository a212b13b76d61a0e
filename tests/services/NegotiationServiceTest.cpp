// Negotiations (§4) on both backends: the whole workflow from preparation to the acknowledged
// summary, who sees the confidential figures, the §4.3.3 bottom-line rule, deadlocks and the
// hint in My Tasks, the contract draft from a consensus, and 20 parallel sessions recording offers.
#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "services/negotiations/NegotiationService.h"
#include "services/tasks/TaskSource.h"
#include "storage/SqlQuery.h"
#include "support/NegotiationSamples.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <latch>
#include <thread>
#include <vector>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using services::NegotiationService;

namespace {

class NegotiationServiceTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::ModuleCatalog::registerAll(); // My Tasks reads the modules' task sources
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        customer.customerClass = u"key"_s;
        customer.ownerLogin = u"pool"_s; // in the shared pool: every salesperson may see it
        m_customer = services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }

    domain::NegotiationForm form() const
    {
        domain::NegotiationForm form;
        form.customerId = m_customer;
        form.title = u"2027 年度设备框架协议"_s;
        form.goal = u"三年框架，单价不低于 95 万"_s;
        form.target = u"1200000"_s;
        form.bottomLine = u"950000"_s;
        form.anchor = u"1300000"_s;
        form.batna = u"转向华南客户"_s;
        form.batnaValue = u"900000"_s;
        form.plannedEnd = QDate(2026, 11, 30);
        return form;
    }

    /// Opened by manager1 (lead) with sales1 on the team, moved on to `stage`.
    qint64 openTo(const QString &stage)
    {
        NegotiationService lead(as(u"manager1"_s));
        const qint64 id = lead.open(form()).id;
        lead.setMember(id, u"sales1"_s, u"member"_s, u"技术答疑"_s);
        for (const QString &next : {u"opening"_s, u"probing"_s, u"quoting"_s, u"bargaining"_s, u"consensus"_s}) {
            lead.moveStage(id, next);
            if (next == stage)
                break;
        }
        return id;
    }

    services::OfferInput offer(const QString &side, const QString &amount, int day, const QString &got = {}) const
    {
        return bizdesk::testing::sampleOffer(side, amount, day, got);
    }

    qint64 offers(qint64 id)
    {
        storage::SqlQuery query(database(), u"SELECT count(*) FROM negotiation_offers WHERE negotiation_id = :id"_s);
        query.bind(":id", id);
        return query.scalar().toLongLong();
    }

    qint64 m_customer = 0;
};

bool hasTask(services::Session &session, const QString &kind, qint64 id)
{
    const QList<services::TaskItem> tasks = services::TaskService::tasksFor(session);
    return std::any_of(tasks.begin(), tasks.end(), [&](const services::TaskItem &t) { return t.kind == kind && t.record.id == id; });
}

} // namespace

TEST_P(NegotiationServiceTest, whole_workflow_from_preparation_to_the_acknowledged_summary)
{
    NegotiationService lead(as(u"manager1"_s));
    const domain::Negotiation opened = lead.open(form());
    EXPECT_EQ(opened.stage, domain::NegotiationStage::Preparation);
    const qint64 id = opened.id;
    lead.setMember(id, u"sales1"_s, u"member"_s, u"技术答疑"_s);
    lead.setStrategy(id, domain::NegotiationStrategy{u"交付快"_s, {}, {}, {}, u"压价"_s, u"以预付换价格"_s});
    lead.addMaterial(id, u"competitors"_s, u"竞品报价 98 万"_s);
    lead.tick(id, u"briefing_held"_s, true);
    services::NegotiationDetail detail = lead.detail(id);
    EXPECT_EQ(domain::PreparationChecklist::done(detail.checklist), 5);
    EXPECT_EQ(detail.leadName, organisation().user(u"manager1"_s).displayName) << "whoever opens it leads it";

    EXPECT_ERROR_KIND(lead.moveStage(id, u"quoting"_s), Conflict); // skips opening and probing
    lead.moveStage(id, u"opening"_s, u"双方介绍团队"_s);
    lead.moveStage(id, u"probing"_s);
    lead.addEstimate(id, u"900000"_s, u"1100000"_s, u"对方采购经理透露预算"_s);
    lead.moveStage(id, u"quoting"_s);

    NegotiationService member(as(u"sales1"_s));
    member.addOffer(id, offer(u"ours"_s, u"1300000"_s, 3));
    member.addOffer(id, offer(u"theirs"_s, u"850000"_s, 4));
    member.addOffer(id, offer(u"ours"_s, u"1200000"_s, 5));                   // 100000 for nothing
    member.addOffer(id, offer(u"ours"_s, u"1150000"_s, 6, u"预付 30%"_s));      // 50000, smaller
    member.addOffer(id, offer(u"theirs"_s, u"1000000"_s, 7));
    // Past our bottom line: a member may not, nor the lead; the lead's superior (director) may, with a reason.
    EXPECT_ERROR_KIND(member.addOffer(id, offer(u"ours"_s, u"940000"_s, 8)), Denied);
    try {
        lead.addOffer(id, offer(u"ours"_s, u"940000"_s, 8));
        ADD_FAILURE() << "the lead went past the bottom line";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Denied);
        EXPECT_EQ(error.clause(), u"4.3.3"_s);
    }
    NegotiationService director(as(u"director"_s));
    EXPECT_ERROR_KIND(director.addOffer(id, offer(u"ours"_s, u"940000"_s, 8)), Invalid); // no reason
    EXPECT_EQ(offers(id), 5) << "nothing written by the refused offers";
    lead.moveStage(id, u"bargaining"_s);
    member.addOffer(id, offer(u"ours"_s, u"1080000"_s, 9, u"三年框架"_s)); // 70000: larger than 50000
    member.addOffer(id, offer(u"theirs"_s, u"1080000"_s, 10));
    lead.setTerm(id, u"price"_s, u"108 万元，含税"_s, u"108 万元"_s, true);
    lead.setTerm(id, u"delivery"_s, u"签约后 60 天"_s, {}, true);
    lead.setTerm(id, u"payment"_s, u"预付 30%"_s, u"预付 20%"_s, std::nullopt);

    detail = lead.detail(id);
    ASSERT_TRUE(detail.zopa);
    EXPECT_EQ(detail.zopa->low.toDecimalString(), u"950000.00"_s);
    EXPECT_EQ(detail.zopa->high.toDecimalString(), u"1100000.00"_s);
    ASSERT_EQ(detail.concessions.size(), 3);
    EXPECT_EQ(detail.concessions[0].flags(), QStringList{u"nothing_in_return"_s});
    EXPECT_TRUE(detail.concessions[1].flags().isEmpty());
    EXPECT_EQ(detail.concessions[2].flags(), QStringList{u"larger_than_previous"_s});
    EXPECT_EQ(detail.moves, (QList<domain::NegotiationStage>{domain::NegotiationStage::Consensus, domain::NegotiationStage::Deadlock,
                                                             domain::NegotiationStage::NoDeal}));

    lead.moveStage(id, u"consensus"_s, u"签署意向书"_s);
    EXPECT_ERROR_KIND(member.addOffer(id, offer(u"ours"_s, u"1070000"_s, 11)), Conflict);
    EXPECT_ERROR_KIND(lead.moveStage(id, u"no_deal"_s), Conflict);
    detail = lead.detail(id);
    EXPECT_EQ(detail.agreedAmount->toDecimalString(), u"1080000.00"_s);
    ASSERT_TRUE(detail.capturePermille);
    EXPECT_EQ(*detail.capturePermille, 867); // (1080000 − 950000) / (1100000 − 950000)
    EXPECT_EQ(detail.estimateError->toDecimalString(), u"-20000.00"_s);
    EXPECT_TRUE(hasTask(as(u"manager1"_s), u"negotiation_summary"_s, id));

    // The summary: prefilled, but submitted only with every section written.
    EXPECT_FALSE(detail.summaryDraft.value(domain::SummarySection::ProcessReview).isEmpty());
    EXPECT_ERROR_KIND(lead.submitSummary(id, {u"财务部"_s}), Invalid);
    QMap<domain::SummarySection, QString> sections;
    for (const domain::SummarySection section : domain::summarySections().all())
        sections[section] = detail.summaryDraft.value(section) + u"（已审阅）"_s;
    EXPECT_ERROR_KIND(member.writeSummary(id, sections), Denied); // the lead writes it
    lead.writeSummary(id, sections);
    const domain::Negotiation closed = lead.submitSummary(id, {u"财务部"_s});
    EXPECT_TRUE(closed.isClosed());
    EXPECT_TRUE(services::NegotiationService::toJson(lead.detail(id)).value(u"closed"_s).toBool());
    EXPECT_ERROR_KIND(lead.moveStage(id, u"no_deal"_s), Conflict);
    EXPECT_ERROR_KIND(lead.writeSummary(id, sections), Conflict);

    // The lead's superior and finance acknowledge in My Tasks; finance does not see the figures.
    EXPECT_TRUE(hasTask(as(u"director"_s), u"negotiation_acknowledge"_s, id));
    EXPECT_TRUE(hasTask(as(u"finance"_s), u"negotiation_acknowledge"_s, id));
    const services::NegotiationDetail forFinance = NegotiationService(as(u"finance"_s)).detail(id);
    EXPECT_FALSE(forFinance.confidential);
    EXPECT_FALSE(forFinance.negotiation.bottomLine);
    NegotiationService(as(u"finance"_s)).acknowledge(id);
    EXPECT_FALSE(hasTask(as(u"finance"_s), u"negotiation_acknowledge"_s, id));
    EXPECT_ERROR_KIND(NegotiationService(as(u"finance"_s)).acknowledge(id), Conflict);
    const QList<services::LeadOutcome> outcomes = director.outcomesByLead();
    ASSERT_EQ(outcomes.size(), 1);
    EXPECT_EQ(outcomes[0].averageCapturePermille, 867);
}

TEST_P(NegotiationServiceTest, the_confidential_figures_stay_with_the_team_and_their_superiors)
{
    const qint64 id = openTo(u"quoting"_s);
    NegotiationService(as(u"sales1"_s)).addEstimate(id, u"900000"_s, u"1000000"_s, u"行业均价"_s);
    // sales2 sees the (pool) customer but is not on the team.
    NegotiationService outsider(as(u"sales2"_s));
    const services::NegotiationDetail seen = outsider.detail(id);
    EXPECT_FALSE(seen.confidential);
    EXPECT_FALSE(seen.negotiation.bottomLine);
    EXPECT_TRUE(seen.negotiation.batna.isEmpty());
    EXPECT_TRUE(seen.estimates.isEmpty());
    EXPECT_FALSE(seen.zopa);
    const QJsonObject json = NegotiationService::toJson(seen);
    for (const QString &key : {u"bottom_line"_s, u"batna"_s, u"estimates"_s, u"zopa"_s, u"gap_to_bottom_line"_s})
        EXPECT_FALSE(json.contains(key)) << key.toStdString();
    EXPECT_ERROR_KIND(outsider.confidentialDetail(id), Denied);
    EXPECT_ERROR_KIND(outsider.addOffer(id, offer(u"ours"_s, u"1000000"_s, 3)), Denied);
    EXPECT_ERROR_KIND(outsider.addEstimate(id, u"1"_s, u"2"_s, {}), Denied);

    // The team and their superiors: sales1 → manager1 → director → executive.
    for (const QString &login : {u"sales1"_s, u"manager1"_s, u"director"_s, u"executive"_s}) {
        const services::NegotiationDetail d = NegotiationService(as(login)).detail(id);
        EXPECT_TRUE(d.confidential) << login.toStdString();
        ASSERT_TRUE(d.zopa) << login.toStdString();
        EXPECT_EQ(d.zopa->high.toDecimalString(), u"1000000.00"_s);
    }
    // manager2 sees the customer but is nobody's superior on this team.
    EXPECT_FALSE(NegotiationService(as(u"manager2"_s)).detail(id).confidential);
}

TEST_P(NegotiationServiceTest, bad_input_is_refused_and_nothing_is_written)
{
    NegotiationService lead(as(u"manager1"_s));
    const qint64 id = lead.open(form()).id;
    const int version = lead.detail(id).negotiation.version;
    EXPECT_ERROR_KIND(lead.setMember(id, u"nobody"_s, u"member"_s, {}), NotFound);
    EXPECT_ERROR_KIND(lead.setMember(id, u"sales1"_s, u"boss"_s, {}), Invalid);
    EXPECT_ERROR_KIND(lead.addEstimate(id, u"1000"_s, u"900"_s, {}), Invalid);
    EXPECT_ERROR_KIND(lead.tick(id, u"team_set"_s, true), Invalid);
    // Opening without a lead: the lead steps down to member; now only a director steers it.
    lead.setMember(id, u"manager1"_s, u"member"_s, {});
    EXPECT_ERROR_KIND(lead.moveStage(id, u"opening"_s), Denied);
    NegotiationService director(as(u"director"_s));
    const int before = lead.detail(id).negotiation.version;
    try {
        director.moveStage(id, u"opening"_s);
        ADD_FAILURE() << "opened without a lead";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.field(), u"lead"_s);
    }
    EXPECT_EQ(lead.detail(id).negotiation.stage, domain::NegotiationStage::Preparation);
    EXPECT_EQ(lead.detail(id).negotiation.version, before);
    // The director names a lead again, who opens with an incomplete checklist: the gap is in the history.
    director.setMember(id, u"sales1"_s, u"lead"_s, {});
    NegotiationService newLead(as(u"sales1"_s));
    newLead.moveStage(id, u"opening"_s);
    const services::NegotiationDetail d = newLead.detail(id);
    EXPECT_TRUE(d.history.last().comment.contains(domain::checklistItems().display(domain::ChecklistItem::BriefingHeld)));
    for (const QString &amount : {u"-5"_s, u"1.005"_s, u""_s})
        EXPECT_ERROR_KIND(newLead.addOffer(id, offer(u"ours"_s, amount, 3)), Invalid);
    EXPECT_ERROR_KIND(newLead.addOffer(id, offer(u"ours"_s, u"1200000"_s, 3), version), Conflict); // stale version
    EXPECT_EQ(offers(id), 0);
}

TEST_P(NegotiationServiceTest, deadlock_returns_to_where_it_came_from_and_the_hint_reaches_the_team)
{
    const qint64 id = openTo(u"quoting"_s);
    NegotiationService lead(as(u"manager1"_s));
    lead.addOffer(id, offer(u"ours"_s, u"1200000"_s, 2));
    lead.addOffer(id, offer(u"theirs"_s, u"800000"_s, 2));
    for (int day = 3; day <= 5; ++day) {
        services::SessionInput session;
        session.date = QDate(2026, 11, day);
        session.place = u"客户会议室"_s;
        session.start = u"09:30"_s;
        session.end = u"11:00"_s;
        lead.addSession(id, session);
    }
    EXPECT_TRUE(lead.detail(id).deadlockSuggested);
    EXPECT_TRUE(hasTask(as(u"sales1"_s), u"negotiation_deadlock"_s, id));
    EXPECT_EQ(lead.detail(id).minutesSpent, 270);

    EXPECT_ERROR_KIND(lead.markDeadlock(id, {}, u"mediation"_s), Invalid);
    EXPECT_ERROR_KIND(lead.markDeadlock(id, u"价格差距过大"_s, u"shout"_s), Invalid);
    lead.markDeadlock(id, u"价格差距过大"_s, u"mediation"_s);
    EXPECT_EQ(lead.detail(id).negotiation.stage, domain::NegotiationStage::Deadlock);
    EXPECT_ERROR_KIND(lead.moveStage(id, u"bargaining"_s), Conflict); // came from quoting
    lead.deadlockOutcome(id, u"行业协会调解后对方让步"_s);
    lead.moveStage(id, u"quoting"_s);
    const services::NegotiationDetail d = lead.detail(id);
    ASSERT_EQ(d.deadlocks.size(), 1);
    EXPECT_EQ(d.deadlocks[0].strategy, domain::DeadlockStrategy::Mediation);
    EXPECT_FALSE(d.deadlocks[0].resolvedAt.isEmpty());
    EXPECT_EQ(d.history.last().fromState, u"deadlock"_s);
    EXPECT_EQ(d.history.last().toState, u"quoting"_s);
    EXPECT_FALSE(hasTask(as(u"manager1"_s), u"negotiation_overdue"_s, id)) << "planned end 2026-11-30 not passed on 2026-11-02";
}

TEST_P(NegotiationServiceTest, a_consensus_becomes_a_contract_draft)
{
    const qint64 id = openTo(u"bargaining"_s);
    NegotiationService lead(as(u"manager1"_s));
    lead.addOffer(id, offer(u"ours"_s, u"1080000.50"_s, 9));
    lead.setTerm(id, u"price"_s, u"108 万元，含税"_s, {}, true);
    lead.setTerm(id, u"service"_s, u"两年免费维保"_s, {}, true);
    domain::ContractForm early;
    early.negotiationId = id;
    EXPECT_ERROR_KIND(services::ContractService(as(u"manager1"_s)).draft(early), Conflict); // no consensus yet
    lead.moveStage(id, u"consensus"_s);
    const domain::Contract contract = services::ContractService(as(u"manager1"_s)).draft(early);
    EXPECT_EQ(contract.customerId, m_customer);
    EXPECT_EQ(contract.title, u"2027 年度设备框架协议"_s);
    EXPECT_EQ(contract.amount.toDecimalString(), u"1080000.50"_s);
    EXPECT_EQ(contract.negotiationId, id);
    EXPECT_EQ(contract.clauses.value(domain::ContractClause::Price), u"108 万元，含税"_s);
    EXPECT_EQ(contract.clauses.value(domain::ContractClause::Obligations), u"两年免费维保"_s);
    // Given flags still win.
    domain::ContractForm given = early;
    given.title = u"设备采购合同"_s;
    given.amount = u"1000000"_s;
    const domain::Contract second = services::ContractService(as(u"manager1"_s)).draft(given);
    EXPECT_EQ(second.title, u"设备采购合同"_s);
    EXPECT_EQ(second.amount.toDecimalString(), u"1000000.00"_s);
}

TEST_P(NegotiationServiceTest, twenty_parallel_sessions_keep_offers_and_history_consistent)
{
    const qint64 id = openTo(u"quoting"_s);
    const int startVersion = NegotiationService(as(u"manager1"_s)).detail(id).negotiation.version;
    constexpr int sessions = 20;
    const domain::User member = organisation().user(u"sales1"_s);
    const domain::User lead = organisation().user(u"manager1"_s);
    std::vector<QString> failures(sessions);
    std::vector<bool> done(sessions, false);
    std::latch ready(sessions);
    std::vector<std::thread> threads;
    for (int i = 0; i < sessions; ++i) {
        threads.emplace_back([&, i] {
            std::unique_ptr<storage::Database> connection;
            try {
                connection = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
            } catch (const domain::Error &error) {
                failures[i] = error.message();
            }
            ready.arrive_and_wait();
            if (!connection)
                return;
            services::Session session(*connection, m_clock);
            // One of them tries a stage move in the middle of the offers.
            session.setUser(i == 10 ? lead : member);
            for (int attempt = 0; attempt < 100 && !done[i]; ++attempt) {
                try {
                    NegotiationService service(session);
                    if (i == 10) {
                        service.moveStage(id, u"bargaining"_s);
                    } else {
                        services::OfferInput input;
                        input.side = i % 2 ? u"theirs"_s : u"ours"_s;
                        input.amount = QString::number(1000000 + i);
                        service.addOffer(id, input);
                    }
                    done[i] = true;
                    failures[i].clear();
                } catch (const domain::Error &error) {
                    failures[i] = error.message();
                    std::this_thread::sleep_for(std::chrono::milliseconds(10 + i));
                }
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    for (int i = 0; i < sessions; ++i)
        EXPECT_TRUE(done[i]) << i << ": " << failures[i].toStdString();
    const services::NegotiationDetail d = NegotiationService(as(u"manager1"_s)).detail(id);
    EXPECT_EQ(d.offers.size(), sessions - 1);
    EXPECT_EQ(d.negotiation.version, startVersion + sessions) << "every change raised the version exactly once";
    EXPECT_EQ(d.negotiation.stage, domain::NegotiationStage::Bargaining);
    EXPECT_EQ(std::count_if(d.history.begin(), d.history.end(), [](const storage::TransitionRecord &r) { return r.toState == u"bargaining"_s; }), 1);
    storage::SqlQuery audit(database(), u"SELECT count(*) FROM audit_log WHERE action = 'negotiation.offer' AND entity_id = :id"_s);
    audit.bind(":id", id);
    EXPECT_EQ(audit.scalar().toLongLong(), sessions - 1);
}

TEST_P(NegotiationServiceTest, the_customer_page_lists_a_customers_negotiations)
{
    const qint64 id = openTo(u"quoting"_s);
    NegotiationService(as(u"manager1"_s)).addOffer(id, offer(u"ours"_s, u"1200000"_s, 3));
    const QList<services::CustomerNegotiation> rows = NegotiationService(as(u"sales2"_s)).forCustomer(m_customer);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].id, id);
    EXPECT_EQ(rows[0].stage, domain::NegotiationStage::Quoting);
    EXPECT_EQ(rows[0].leadName, organisation().user(u"manager1"_s).displayName);
    EXPECT_EQ(rows[0].latestAmount->toDecimalString(), u"1200000.00"_s);
    EXPECT_EQ(rows[0].plannedEnd, QDate(2026, 11, 30));
    services::NegotiationQuery mine;
    mine.mine = true;
    EXPECT_TRUE(NegotiationService(as(u"sales2"_s)).list(mine).isEmpty());
    EXPECT_EQ(NegotiationService(as(u"sales1"_s)).list(mine).size(), 1);
    services::NegotiationQuery byStage;
    byStage.stage = domain::NegotiationStage::Bargaining;
    EXPECT_TRUE(NegotiationService(as(u"director"_s)).list(byStage).isEmpty());
}

BIZDESK_INSTANTIATE_BACKENDS(NegotiationServiceTest);
