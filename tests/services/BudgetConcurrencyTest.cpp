#include "domain/Error.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <latch>
#include <thread>
#include <vector>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;

namespace {

/// §6.1 under parallel clients: each session has its own connection (one storage::Database per
/// thread), as twenty people submitting at the same moment from their own computers.
class BudgetConcurrencyTest : public BackendTest
{
protected:
    struct Outcome
    {
        bool submitted = false;
        domain::ErrorKind kind = domain::ErrorKind::Internal;
        QString field;
        QString clause;
        QString message;
    };

    /// Submits every draft at once, one session and connection per draft.
    std::vector<Outcome> submitInParallel(const QList<qint64> &drafts, const domain::User &applicant)
    {
        std::vector<Outcome> outcomes(static_cast<std::size_t>(drafts.size()));
        std::latch opened(drafts.size());
        std::vector<std::thread> threads;
        for (qsizetype i = 0; i < drafts.size(); ++i) {
            threads.emplace_back([&, i] {
                Outcome &outcome = outcomes[static_cast<std::size_t>(i)];
                bool arrived = false;
                try {
                    auto connection = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
                    services::Session session(*connection, m_clock);
                    session.setUser(applicant);
                    arrived = true;
                    opened.arrive_and_wait(); // everybody connected: now all submit together
                    services::EntertainmentService(session).submit(drafts.at(i));
                    outcome.submitted = true;
                } catch (const domain::Error &error) {
                    if (!arrived)
                        opened.count_down(); // a failed connection must not keep the others waiting
                    outcome.kind = error.kind();
                    outcome.field = error.field();
                    outcome.clause = error.clause();
                    outcome.message = error.message();
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        return outcomes;
    }
};

} // namespace

TEST_P(BudgetConcurrencyTest, twenty_parallel_submits_pass_only_as_far_as_the_budget_goes)
{
    services::PolicyService(as(u"director"_s)).set(u"entertainment.monthly_budget"_s, u"1000"_s);
    services::EntertainmentService applicant(as(u"sales1"_s));
    constexpr int sessions = 20;
    QList<qint64> drafts;
    QList<bool> explained;
    for (int i = 0; i < sessions; ++i) {
        domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm(u"300"_s);
        // Every other applicant explains up front why the budget may be exceeded.
        if (i % 2 == 0)
            form.overBudgetExplanation = u"年底客户答谢集中"_s;
        drafts << applicant.apply(form).id;
        explained << (i % 2 == 0);
    }

    const std::vector<Outcome> outcomes = submitInParallel(drafts, organisation().user(u"sales1"_s));

    int withinBudget = 0;
    int overWithExplanation = 0;
    int refused = 0;
    int unexplainedWithinBudget = 0;
    for (int i = 0; i < sessions; ++i) {
        const Outcome &outcome = outcomes[static_cast<std::size_t>(i)];
        const domain::ExpenseRequest request = applicant.detail(drafts.at(i)).request();
        if (outcome.submitted) {
            EXPECT_EQ(request.state, domain::ExpenseState::PendingDeptReview);
            if (request.overBudget) {
                // Past the budget only with the explanation the rule asks for.
                EXPECT_TRUE(explained.at(i)) << "request " << i << " went over budget without an explanation";
                ++overWithExplanation;
            } else {
                ++withinBudget;
                unexplainedWithinBudget += explained.at(i) ? 0 : 1;
            }
        } else {
            // Refused exactly as §6.1 says, and left a draft.
            EXPECT_EQ(outcome.kind, domain::ErrorKind::Invalid) << outcome.message.toStdString();
            EXPECT_EQ(outcome.field, u"over_budget_explanation"_s) << outcome.message.toStdString();
            EXPECT_EQ(outcome.clause, u"6.1"_s);
            EXPECT_FALSE(explained.at(i)) << "an explained request was refused: " << outcome.message.toStdString();
            EXPECT_EQ(request.state, domain::ExpenseState::Draft);
            ++refused;
        }
    }
    // 3 × 300 fit into 1000; the fourth would make 1200.
    EXPECT_EQ(withinBudget, 3);
    EXPECT_EQ(withinBudget + overWithExplanation + refused, sessions);
    // All ten explained ones passed; of the unexplained ones only those that fitted.
    EXPECT_EQ(overWithExplanation + (withinBudget - unexplainedWithinBudget), sessions / 2);
    EXPECT_EQ(refused, sessions / 2 - unexplainedWithinBudget);
    // The totals add up: the department's spending is exactly what went through.
    const domain::BudgetUsage usage = applicant.budgetFor(organisation().department(u"商务一部"_s),
                                                          bizdesk::testing::sampleExpenseForm().eventAt,
                                                          domain::Money::fromMinor(0), std::nullopt);
    EXPECT_EQ(usage.used.minorUnits(), 300'00 * (withinBudget + overWithExplanation));
    const int submits = storage::SqlQuery(database(), u"SELECT count(*) FROM workflow_transitions WHERE action = 'submit'"_s)
                            .scalar()
                            .toInt();
    EXPECT_EQ(submits, withinBudget + overWithExplanation);
}

BIZDESK_INSTANTIATE_BACKENDS(BudgetConcurrencyTest);
