#include "domain/Error.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;

namespace {

/// Rules across settings (§2.4.3: the appraisal weights add up to 100).
class PolicyConsistencyTest : public BackendTest
{
protected:
    int historyRows() { return storage::SqlQuery(database(), u"SELECT count(*) FROM policy_history"_s).scalar().toInt(); }
};

} // namespace

TEST_P(PolicyConsistencyTest, one_weight_that_breaks_the_sum_is_refused_naming_the_keys)
{
    services::PolicyService policy(as(u"director"_s));
    try {
        policy.set(u"appraisal.weights.self"_s, u"30"_s);
        ADD_FAILURE() << "20 → 30 makes the weights add up to 110";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.clause(), u"2.4.3"_s);
        for (const QString &key : {u"appraisal.weights.self"_s, u"appraisal.weights.peer"_s, u"appraisal.weights.superior"_s})
            EXPECT_TRUE(error.message().contains(key)) << error.message().toStdString();
        EXPECT_TRUE(error.message().contains(u"110"_s)) << error.message().toStdString();
    }
    EXPECT_EQ(policy.text(u"appraisal.weights.self"_s), u"20"_s);
    EXPECT_EQ(historyRows(), 0);
}

TEST_P(PolicyConsistencyTest, weights_change_together_in_one_call)
{
    services::PolicyService policy(as(u"director"_s));
    const int version = policy.set(QList<services::PolicyAssignment>{{u"appraisal.weights.self"_s, u"30"_s},
                                                                     {u"appraisal.weights.peer"_s, u"20"_s}});
    EXPECT_EQ(version, 3); // one version per changed key
    EXPECT_EQ(policy.text(u"appraisal.weights.self"_s), u"30"_s);
    EXPECT_EQ(policy.text(u"appraisal.weights.peer"_s), u"20"_s);
    EXPECT_EQ(historyRows(), 2);

    // All or nothing: a bad second pair leaves the first unchanged.
    EXPECT_ERROR_KIND(policy.set(QList<services::PolicyAssignment>{{u"appraisal.weights.self"_s, u"40"_s},
                                                                   {u"appraisal.weights.peer"_s, u"abc"_s}}),
                      Invalid);
    EXPECT_ERROR_KIND(policy.set(QList<services::PolicyAssignment>{{u"appraisal.weights.self"_s, u"40"_s},
                                                                   {u"appraisal.weights.self"_s, u"10"_s}}),
                      Invalid);
    EXPECT_EQ(policy.text(u"appraisal.weights.self"_s), u"30"_s);
    EXPECT_EQ(historyRows(), 2);

    // Other settings are not held back by the weights, and one KEY VALUE still works.
    EXPECT_EQ(policy.set(u"auth.lockout_attempts"_s, u"4"_s), 4);
}

BIZDESK_INSTANTIATE_BACKENDS(PolicyConsistencyTest);
