#include "domain/policy/PolicyCatalog.h"

#include "domain/Error.h"
#include "domain/Money.h"

#include <algorithm>

namespace bizdesk::domain {

namespace {
using Kind = PolicyDefinition::Kind;
constexpr std::int64_t maxMoney = 100'000'000'00; // 100 million yuan in fen
} // namespace

const QList<PolicyDefinition> &PolicyCatalog::definitions()
{
    static const QList<PolicyDefinition> list{
        {policy::lockoutAttempts, Kind::Integer, QStringLiteral("5"), 1, 20, QStringLiteral("7"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Wrong passwords in a row that lock an account"), nullptr},
        {policy::lockoutMinutes, Kind::Integer, QStringLiteral("15"), 1, 1440, QStringLiteral("7"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "How long a locked account stays locked"), QT_TRANSLATE_NOOP("PolicyCatalog", "minutes")},
        {policy::entertainmentExecutiveThreshold, Kind::Money, QStringLiteral("5000.00"), 0, maxMoney, QStringLiteral("6.3.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Entertainment estimates above this amount need executive approval"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "yuan")},
        {policy::entertainmentOverrunTolerancePct, Kind::Integer, QStringLiteral("10"), 0, 100, QStringLiteral("6.4.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Actual cost may exceed the estimate by this much before the superior must re-approve"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "%")},
        {policy::entertainmentClaimDeadlineDays, Kind::Integer, QStringLiteral("30"), 1, 365, QStringLiteral("6.4.2"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Days after the event within which the claim must be filed"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::entertainmentMonthlyBudget, Kind::Money, QStringLiteral("20000.00"), 0, maxMoney, QStringLiteral("6.1"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Monthly entertainment budget of each department"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "yuan")},
        {policy::entertainmentReceiptRetentionYears, Kind::Integer, QStringLiteral("5"), 1, 30, QStringLiteral("6.4.1"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Years receipts are kept"), QT_TRANSLATE_NOOP("PolicyCatalog", "years")},
        {policy::entertainmentReceiptMaxKb, Kind::Integer, QStringLiteral("10240"), 100, 102400, QStringLiteral("6.4.1"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Largest scanned receipt accepted (PDF, JPEG or PNG)"), QT_TRANSLATE_NOOP("PolicyCatalog", "KB")},
        {policy::contractExecutiveThreshold, Kind::Money, QStringLiteral("500000.00"), 0, maxMoney, QStringLiteral("5.3.1"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Contracts above this amount need executive approval"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "yuan")},
        {policy::contractRetentionYears, Kind::Integer, QStringLiteral("10"), 1, 100, QStringLiteral("5.6.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Years archived contracts are kept before destruction"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "years")},
        {policy::contractRenewalNoticeDays, Kind::Integer, QStringLiteral("60"), 1, 365, QStringLiteral("5.4"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Days before a contract ends that its owner is reminded of renewal"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::contractAttachmentMaxMb, Kind::Integer, QStringLiteral("20"), 1, 100, QStringLiteral("5.1"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Largest file accepted as a contract attachment"), QT_TRANSLATE_NOOP("PolicyCatalog", "MB")},
        {policy::negotiationDeadlockSessions, Kind::Integer, QStringLiteral("3"), 1, 50, QStringLiteral("4.2.5"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Sessions without a narrowing gap after which My Tasks suggests marking a deadlock"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "sessions")},
        {policy::negotiationDeadlockDays, Kind::Integer, QStringLiteral("14"), 1, 365, QStringLiteral("4.2.5"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Days without a narrowing gap after which My Tasks suggests marking a deadlock"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::negotiationMaterialMaxMb, Kind::Integer, QStringLiteral("20"), 1, 100, QStringLiteral("4.1.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Largest file accepted as a negotiation material"), QT_TRANSLATE_NOOP("PolicyCatalog", "MB")},
        {policy::contactIntervalKey, Kind::Integer, QStringLiteral("30"), 1, 365, QStringLiteral("3.2.2"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Contact interval for key customers"), QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::contactIntervalGeneral, Kind::Integer, QStringLiteral("60"), 1, 365, QStringLiteral("3.2.2"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Contact interval for general customers"), QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::contactIntervalPotential, Kind::Integer, QStringLiteral("90"), 1, 365, QStringLiteral("3.2.2"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Contact interval for potential customers"), QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::poolReturnDays, Kind::Integer, QStringLiteral("90"), 1, 3650, QStringLiteral("3.2.2"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Customers not followed up for this long return to the shared pool"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
        {policy::appraisalWeightSelf, Kind::Integer, QStringLiteral("20"), 0, 100, QStringLiteral("2.4.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Weight of the self-assessment in the appraisal score"), QT_TRANSLATE_NOOP("PolicyCatalog", "%")},
        {policy::appraisalWeightPeer, Kind::Integer, QStringLiteral("30"), 0, 100, QStringLiteral("2.4.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Weight of the peer assessment in the appraisal score"), QT_TRANSLATE_NOOP("PolicyCatalog", "%")},
        {policy::appraisalWeightSuperior, Kind::Integer, QStringLiteral("50"), 0, 100, QStringLiteral("2.4.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Weight of the superior's assessment in the appraisal score"), QT_TRANSLATE_NOOP("PolicyCatalog", "%")},
        {policy::eventWindowDays, Kind::Integer, QStringLiteral("730"), 30, 3650, QStringLiteral("1.3"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "Event dates (entertainment, customer events) may lie at most this many days before or after today"),
         QT_TRANSLATE_NOOP("PolicyCatalog", "days")},
    };
    return list;
}

void PolicyCatalog::requireConsistent(const QMap<QString, QString> &effective, const QStringList &changed)
{
    const bool touchesWeights = std::any_of(changed.begin(), changed.end(), [](const QString &key) {
        return key.startsWith(policy::appraisalWeightsPrefix);
    });
    if (!touchesWeights)
        return;
    QStringList keys;
    qint64 sum = 0;
    for (auto it = effective.begin(); it != effective.end(); ++it) {
        if (!it.key().startsWith(policy::appraisalWeightsPrefix))
            continue;
        keys << QStringLiteral("%1 = %2").arg(it.key(), it.value());
        sum += it.value().toLongLong();
    }
    if (sum == 100)
        return;
    const QString clause = find(policy::appraisalWeightSelf).clause;
    throw Error::invalid(policy::appraisalWeightsRule,
                         QCoreApplication::translate("PolicyCatalog",
                                                     "appraisal.weights: the weights must add up to 100, not %1 (%2); "
                                                     "change them together, e.g. policy set KEY VALUE KEY VALUE (§%3).")
                             .arg(sum)
                             .arg(keys.join(QStringLiteral(", ")), clause),
                         clause);
}

bool PolicyCatalog::isCrossSettingRule(const QString &field)
{
    return field == policy::appraisalWeightsRule;
}

const PolicyDefinition &PolicyCatalog::find(const QString &key)
{
    for (const PolicyDefinition &definition : definitions()) {
        if (definition.key == key)
            return definition;
    }
    throw Error::invalid(QStringLiteral("key"), QCoreApplication::translate("PolicyCatalog", "key: \"%1\" is not a policy setting; \"policy show\" lists them.").arg(key));
}

QString PolicyDefinition::translatedDescription() const
{
    return QCoreApplication::translate("PolicyCatalog", description);
}

QString PolicyDefinition::translatedUnit() const
{
    return unit ? QCoreApplication::translate("PolicyCatalog", unit) : QString();
}

QString PolicyDefinition::normalise(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (kind == Kind::Money) {
        const auto money = Money::parse(trimmed);
        if (!money)
            throw Error::invalid(key, QCoreApplication::translate("PolicyCatalog", "%1: \"%2\" is not an amount in yuan with at most two decimals (§%3).")
                                          .arg(key, text, clause), clause);
        if (money->minorUnits() < minimum || money->minorUnits() > maximum)
            throw Error::invalid(key, QCoreApplication::translate("PolicyCatalog", "%1: must be between %2 and %3 yuan (§%4).")
                                          .arg(key, Money::fromMinor(minimum).toDecimalString(),
                                               Money::fromMinor(maximum).toDecimalString(), clause), clause);
        return money->toDecimalString();
    }
    bool ok = false;
    const qlonglong value = trimmed.toLongLong(&ok);
    if (!ok)
        throw Error::invalid(key, QCoreApplication::translate("PolicyCatalog", "%1: \"%2\" is not a whole number (§%3).").arg(key, text, clause), clause);
    if (value < minimum || value > maximum)
        throw Error::invalid(key, QCoreApplication::translate("PolicyCatalog", "%1: must be between %2 and %3 (§%4).")
                                      .arg(key).arg(minimum).arg(maximum).arg(clause), clause);
    return QString::number(value);
}

} // namespace bizdesk::domain
