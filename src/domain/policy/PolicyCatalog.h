#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace bizdesk::domain {

/// One rule of the regulation that has a number in it, as a typed, range-checked setting (§1.3).
struct PolicyDefinition
{
    enum class Kind {
        Integer, ///< a whole number in [minimum, maximum]
        Money,   ///< yuan with at most two decimals; minimum/maximum in minor units
    };

    QString key;
    Kind kind = Kind::Integer;
    QString defaultValue; ///< canonical text ("5000.00", "30")
    std::int64_t minimum = 0;
    std::int64_t maximum = 0;
    QString clause; ///< e.g. "6.3.3"
    const char *description = nullptr; ///< untranslated; see translatedDescription()
    const char *unit = nullptr;        ///< untranslated unit ("days", "%", "yuan"); may be null

    QString translatedDescription() const;
    QString translatedUnit() const;
    /// Checks `text` against the type and range; returns the canonical text or throws
    /// Error::invalid naming the key and clause.
    QString normalise(const QString &text) const;
};

/// Every policy setting BizDesk knows, with defaults. Modules add their rules here.
class PolicyCatalog
{

public:
    static const QList<PolicyDefinition> &definitions();
    /// Throws Error::invalid("key") for an unknown key.
    static const PolicyDefinition &find(const QString &key);
    /// Rules across settings, checked on the values that would be in force (`effective`: every
    /// key) when `changed` keys are set: the appraisal weights must add up to 100 (§2.4.3). A rule
    /// is checked only when a change touches one of its keys, where it can be fixed. Throws
    /// Error::invalid naming the keys.
    static void requireConsistent(const QMap<QString, QString> &effective, const QStringList &changed);
    /// True for the field of an error requireConsistent() throws: the value is fine on its own
    /// and can go in together with changes of the other keys of the rule.
    static bool isCrossSettingRule(const QString &field);
};

namespace policy {
inline const QString lockoutAttempts = QStringLiteral("auth.lockout_attempts");
inline const QString lockoutMinutes = QStringLiteral("auth.lockout_minutes");
inline const QString entertainmentExecutiveThreshold = QStringLiteral("entertainment.executive_threshold");
inline const QString entertainmentOverrunTolerancePct = QStringLiteral("entertainment.overrun_tolerance_pct");
inline const QString entertainmentClaimDeadlineDays = QStringLiteral("entertainment.claim_deadline_days");
inline const QString entertainmentMonthlyBudget = QStringLiteral("entertainment.monthly_budget");
inline const QString entertainmentReceiptMaxKb = QStringLiteral("entertainment.receipt_max_kb");
inline const QString entertainmentReceiptRetentionYears = QStringLiteral("entertainment.receipt_retention_years");
inline const QString contractExecutiveThreshold = QStringLiteral("contract.executive_threshold");
inline const QString contractRetentionYears = QStringLiteral("contract.retention_years");
inline const QString contractRenewalNoticeDays = QStringLiteral("contract.renewal_notice_days");
inline const QString contractAttachmentMaxMb = QStringLiteral("contract.attachment_max_mb");
inline const QString negotiationDeadlockSessions = QStringLiteral("negotiation.deadlock_sessions");
inline const QString negotiationDeadlockDays = QStringLiteral("negotiation.deadlock_days");
inline const QString negotiationMaterialMaxMb = QStringLiteral("negotiation.material_max_mb");
inline const QString contactIntervalKey = QStringLiteral("customer.contact_interval_days.key");
inline const QString contactIntervalGeneral = QStringLiteral("customer.contact_interval_days.general");
inline const QString contactIntervalPotential = QStringLiteral("customer.contact_interval_days.potential");
inline const QString poolReturnDays = QStringLiteral("customer.pool_return_days");
inline const QString appraisalWeightSelf = QStringLiteral("appraisal.weights.self");
inline const QString appraisalWeightPeer = QStringLiteral("appraisal.weights.peer");
inline const QString appraisalWeightSuperior = QStringLiteral("appraisal.weights.superior");
/// Prefix of the appraisal weights, which must add up to 100 (the rule's name without the dot).
inline const QString appraisalWeightsPrefix = QStringLiteral("appraisal.weights.");
inline const QString appraisalWeightsRule = QStringLiteral("appraisal.weights");
inline const QString eventWindowDays = QStringLiteral("general.event_window_days");
} // namespace policy

} // namespace bizdesk::domain
