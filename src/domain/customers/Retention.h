#pragma once

#include "domain/customers/Customer.h"

namespace bizdesk::domain {

/// Everything the churn score looks at for one customer (§3.2.4).
struct ChurnInput
{
    CustomerClass customerClass = CustomerClass::General;
    int intervalDays = 30;
    int daysSinceContact = -1; ///< -1: never contacted (counted from creation)
    int openComplaints = 0;
    int recentComplaints = 0; ///< in the last 90 days
    qint64 contractValueLast12 = 0;
    qint64 contractValuePrevious12 = 0;
    int contractsEndingSoonWithoutRenewal = 0;
    int oldestOverdueReceivableDays = 0; ///< 0: nothing overdue (§5.4)
    Stage stage = Stage::Lead;
    int daysInStage = 0;
};

struct ChurnAssessment
{
    int score = 0; ///< 0..100
    QStringList reasons; ///< translated, one per contributing factor
};

/// The explainable churn score: each factor adds points and a reason in words.
class ChurnScore
{
public:
    static constexpr int atRiskThreshold = 30;
    static constexpr int stalledStageDays = 60;
    static ChurnAssessment assess(const ChurnInput &input);
};

/// §3.2.4: what the owner does about a customer at risk, and how it ended.
enum class WinBackResult { Pending, WonBack, Lost };

struct WinBack
{
    qint64 id = 0;
    CustomerId customerId = 0;
    QString customerName;
    QString cause;
    QString measures;
    WinBackResult result = WinBackResult::Pending;
    QString resultNote;
    int score = 0; ///< the churn score when it was recorded
    int version = 1;
    QDateTime createdAt;
    QDateTime resultAt;
};

class WinBackRules
{
public:
    /// pending | won_back | lost
    static QString name(WinBackResult value);
    static QString label(WinBackResult value);
    static WinBackResult parse(const QString &name);
    /// Won back / (won back + lost); -1 when none is decided.
    static double successRate(const QList<WinBack> &records);
};

} // namespace bizdesk::domain
