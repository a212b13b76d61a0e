#include "domain/Error.h"
#include "domain/customers/Complaint.h"
#include "domain/customers/Retention.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk::domain;

TEST(CustomerPipeline, moves_one_step_at_a_time)
{
    EXPECT_NO_THROW(Pipeline::requireTransition(Stage::Lead, Stage::Contacted, {}));
    EXPECT_NO_THROW(Pipeline::requireTransition(Stage::Contacted, Stage::NeedsAnalysis, {}));
    EXPECT_NO_THROW(Pipeline::requireTransition(Stage::NeedsAnalysis, Stage::DemoNegotiation, {}));
    EXPECT_NO_THROW(Pipeline::requireTransition(Stage::DemoNegotiation, Stage::Won, {}));
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Lead, Stage::Won, {}), Conflict);
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Lead, Stage::NeedsAnalysis, {}), Conflict);
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::NeedsAnalysis, Stage::Contacted, {}), Conflict);
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Won, Stage::Lead, {}), Conflict);
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Lead, Stage::Lead, {}), Conflict);
}

TEST(CustomerPipeline, lost_needs_a_reason_and_reopens_only_as_lead)
{
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Contacted, Stage::Lost, QStringLiteral("  ")), Invalid);
    EXPECT_NO_THROW(Pipeline::requireTransition(Stage::Contacted, Stage::Lost, QStringLiteral("预算取消")));
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Won, Stage::Lost, QStringLiteral("x")), Conflict);
    EXPECT_NO_THROW(Pipeline::requireTransition(Stage::Lost, Stage::Lead, {}));
    EXPECT_ERROR_KIND(Pipeline::requireTransition(Stage::Lost, Stage::Contacted, {}), Conflict);
    try {
        Pipeline::requireTransition(Stage::Lead, Stage::Won, {});
    } catch (const Error &error) {
        EXPECT_EQ(error.clause(), QStringLiteral("3.1.4"));
        EXPECT_TRUE(error.message().contains(QStringLiteral("Contacted"))) << error.message().toStdString();
    }
    EXPECT_EQ(Pipeline::nextStages(Stage::Lead), (QList<Stage>{Stage::Contacted, Stage::Lost}));
    EXPECT_EQ(Pipeline::nextStages(Stage::Won), QList<Stage>{});
}

TEST(CustomerRules, parses_names_and_chinese_labels_in_both_scripts)
{
    EXPECT_EQ(CustomerRules::parseClass(QStringLiteral("class"), QStringLiteral("key")), CustomerClass::Key);
    EXPECT_EQ(CustomerRules::parseClass(QStringLiteral("class"), QStringLiteral("重点客户")), CustomerClass::Key);
    EXPECT_EQ(CustomerRules::parseClass(QStringLiteral("class"), QStringLiteral("重點客戶")), CustomerClass::Key);
    EXPECT_EQ(CustomerRules::parseClass(QStringLiteral("class"), QStringLiteral(" General ")), CustomerClass::General);
    EXPECT_EQ(CustomerRules::parseClass(QStringLiteral("class"), QStringLiteral("潛在客戶")), CustomerClass::Potential);
    EXPECT_EQ(CustomerRules::parseChannel(QStringLiteral("channel"), QStringLiteral("展会")), Channel::Exhibition);
    EXPECT_EQ(CustomerRules::parseChannel(QStringLiteral("channel"), QStringLiteral("客戶推薦")), Channel::Referral);
    EXPECT_EQ(CustomerRules::parseStage(QStringLiteral("stage"), QStringLiteral("needs_analysis")), Stage::NeedsAnalysis);
    EXPECT_EQ(CustomerRules::parseKind(QStringLiteral("kind"), QStringLiteral("投诉")), ContactKind::Complaint);
    EXPECT_ERROR_KIND(CustomerRules::parseClass(QStringLiteral("class"), QStringLiteral("VIP")), Invalid);
    EXPECT_ERROR_KIND(CustomerRules::parseChannel(QStringLiteral("channel"), QStringLiteral("tv")), Invalid);
    EXPECT_ERROR_KIND(CustomerRules::parseStage(QStringLiteral("stage"), QStringLiteral("signed")), Invalid);
}

TEST(CustomerRules, duplicate_key_normalises_width_case_and_spaces)
{
    EXPECT_EQ(CustomerRules::duplicateKey(QStringLiteral("ＡＣＭＥ Trading  Ltd")), CustomerRules::duplicateKey(QStringLiteral("acme trading ltd")));
    EXPECT_EQ(CustomerRules::duplicateKey(QStringLiteral("台北　鼎盛科技 ")), CustomerRules::duplicateKey(QStringLiteral("台北鼎盛科技")));
    EXPECT_NE(CustomerRules::duplicateKey(QStringLiteral("华信软件")), CustomerRules::duplicateKey(QStringLiteral("华信科技")));
    EXPECT_EQ(CustomerRules::phoneKey(QStringLiteral("+86 138-0000-1111")), CustomerRules::phoneKey(QStringLiteral("13800001111")));
    EXPECT_EQ(CustomerRules::phoneKey(QStringLiteral("０１０-６２３４５６７８")), QStringLiteral("01062345678"));
}

TEST(CustomerRules, validation_names_the_field)
{
    Customer customer;
    customer.name = QStringLiteral("   ");
    try {
        CustomerRules::validated(customer);
        ADD_FAILURE();
    } catch (const Error &error) {
        EXPECT_EQ(error.field(), QStringLiteral("name"));
    }
    customer.name = QStringLiteral("华信");
    customer.email = QStringLiteral("not-an-email");
    try {
        CustomerRules::validated(customer);
        ADD_FAILURE();
    } catch (const Error &error) {
        EXPECT_EQ(error.field(), QStringLiteral("email"));
    }
    customer.email.clear();
    customer.phone = QStringLiteral("call me");
    EXPECT_ERROR_KIND(CustomerRules::validated(customer), Invalid);
    customer.phone = QStringLiteral(" 010-62345678 ");
    EXPECT_EQ(CustomerRules::validated(customer).phone, QStringLiteral("010-62345678"));
}

TEST(ChurnScore, explains_each_factor_in_words)
{
    ChurnInput input;
    input.customerClass = CustomerClass::Key;
    input.intervalDays = 30;
    input.daysSinceContact = 211;
    input.openComplaints = 1;
    input.recentComplaints = 2;
    input.contractValuePrevious12 = 1000000;
    input.contractValueLast12 = 400000;
    input.contractsEndingSoonWithoutRenewal = 1;
    input.stage = Stage::NeedsAnalysis;
    input.daysInStage = 90;
    const ChurnAssessment result = ChurnScore::assess(input);
    EXPECT_EQ(result.reasons.size(), 6);
    EXPECT_EQ(result.reasons.first(), QStringLiteral("no contact for 211 days, interval 30"));
    EXPECT_TRUE(result.reasons.join(QLatin1Char('|')).contains(QStringLiteral("contract value down 60%")));
    EXPECT_EQ(result.score, 100);
}

TEST(ChurnScore, a_well_kept_customer_scores_zero)
{
    ChurnInput input;
    input.intervalDays = 30;
    input.daysSinceContact = 10;
    input.stage = Stage::Won;
    input.daysInStage = 400;
    const ChurnAssessment result = ChurnScore::assess(input);
    EXPECT_EQ(result.score, 0);
    EXPECT_TRUE(result.reasons.isEmpty());

    input.daysSinceContact = 61; // twice the interval: 20 points, below the at-risk line alone
    EXPECT_EQ(ChurnScore::assess(input).score, 20);
    input.openComplaints = 1;
    EXPECT_GE(ChurnScore::assess(input).score, ChurnScore::atRiskThreshold);
}

TEST(ComplaintWorkflow, a_complaint_moves_forward_to_resolved_and_resolving_needs_a_resolution)
{


    EXPECT_EQ(ComplaintWorkflow::nextStatuses(ComplaintStatus::Open), (QList{ComplaintStatus::InProgress, ComplaintStatus::Resolved}));
    EXPECT_EQ(ComplaintWorkflow::nextStatuses(ComplaintStatus::InProgress), QList{ComplaintStatus::Resolved});
    EXPECT_TRUE(ComplaintWorkflow::nextStatuses(ComplaintStatus::Resolved).isEmpty());
    const QString label = QStringLiteral("Complaint #7");
    EXPECT_NO_THROW(ComplaintWorkflow::requireTransition(label, ComplaintStatus::Open, ComplaintStatus::InProgress, {}));
    EXPECT_NO_THROW(ComplaintWorkflow::requireTransition(label, ComplaintStatus::InProgress, ComplaintStatus::Resolved, QStringLiteral("补发货物")));
    const auto kindOf = [&](ComplaintStatus from, ComplaintStatus to, const QString &resolution) {
        try {
            ComplaintWorkflow::requireTransition(label, from, to, resolution);
        } catch (const Error &error) {
            return error.kind();
        }
        return ErrorKind::Internal;
    };
    EXPECT_EQ(kindOf(ComplaintStatus::Open, ComplaintStatus::Resolved, QStringLiteral("  ")), ErrorKind::Invalid);
    EXPECT_EQ(kindOf(ComplaintStatus::Resolved, ComplaintStatus::Resolved, QStringLiteral("x")), ErrorKind::Conflict);
    EXPECT_EQ(kindOf(ComplaintStatus::InProgress, ComplaintStatus::InProgress, {}), ErrorKind::Conflict);
    EXPECT_EQ(kindOf(ComplaintStatus::Open, ComplaintStatus::Open, {}), ErrorKind::Invalid);
}

TEST(WinBackRules, the_success_rate_counts_decided_records_only)
{


    EXPECT_EQ(WinBackRules::successRate({}), -1.0);
    WinBack pending;
    WinBack won;
    won.result = WinBackResult::WonBack;
    WinBack lost;
    lost.result = WinBackResult::Lost;
    EXPECT_EQ(WinBackRules::successRate({pending}), -1.0);
    EXPECT_DOUBLE_EQ(WinBackRules::successRate({pending, won, lost, lost}), 1.0 / 3.0);
    for (const WinBackResult result : {WinBackResult::Pending, WinBackResult::WonBack, WinBackResult::Lost})
        EXPECT_EQ(WinBackRules::parse(WinBackRules::name(result)), result);
}
