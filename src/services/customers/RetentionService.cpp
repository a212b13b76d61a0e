#include "services/customers/RetentionService.h"

#include "domain/Error.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/modules/SeenVersion.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"
#include "storage/customers/RetentionRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::services {

using domain::Customer;
using domain::Error;
using storage::Transaction;

RetentionService::RetentionService(Session &session) : m_session(session), m_access(session) {}

QList<ChurnEntry> RetentionService::churn(int limit) const
{
    Transaction transaction(m_session.database(), Transaction::Mode::Read);
    const QDateTime now = m_session.now();
    const int intervals[] = {m_access.intervalDays(domain::CustomerClass::Key), m_access.intervalDays(domain::CustomerClass::General),
                             m_access.intervalDays(domain::CustomerClass::Potential)};
    const QDate today = m_session.today();
    const auto contracts = storage::RetentionRepository(m_session.database())
                               .contractFacts(m_access.scope(), today,
                                              static_cast<int>(PolicyService(m_session).integer(domain::policy::contractRenewalNoticeDays)));
    QList<ChurnEntry> entries;
    for (const auto &facts : storage::RetentionRepository(m_session.database()).churnFacts(m_access.scope(), domain::toStorageTimestamp(now.addDays(-90)))) {
        const Customer &c = facts.row.customer;
        domain::ChurnInput input;
        input.customerClass = c.customerClass;
        input.intervalDays = intervals[static_cast<int>(c.customerClass)];
        const QDateTime since = c.lastContactAt.isValid() ? c.lastContactAt : c.createdAt;
        input.daysSinceContact = static_cast<int>(since.daysTo(now));
        input.openComplaints = facts.openComplaints;
        input.recentComplaints = facts.recentComplaints;
        input.stage = c.stage;
        input.daysInStage = c.stageChangedAt.isValid() ? static_cast<int>(c.stageChangedAt.daysTo(now)) : 0;
        if (const auto found = contracts.constFind(c.id); found != contracts.cend()) {
            input.contractValueLast12 = found->valueLast12Minor;
            input.contractValuePrevious12 = found->valuePrevious12Minor;
            input.contractsEndingSoonWithoutRenewal = found->endingWithoutRenewal;
            if (found->oldestOverdueDue.isValid())
                input.oldestOverdueReceivableDays = static_cast<int>(found->oldestOverdueDue.daysTo(today));
        }
        ChurnEntry entry{facts.row, domain::ChurnScore::assess(input)};
        if (entry.assessment.score >= domain::ChurnScore::atRiskThreshold)
            entries << entry;
    }
    std::stable_sort(entries.begin(), entries.end(), [](const ChurnEntry &a, const ChurnEntry &b) {
        return a.assessment.score > b.assessment.score;
    });
    if (entries.size() > limit)
        entries.resize(limit);
    transaction.commit();
    return entries;
}

qint64 RetentionService::recordWinBack(domain::CustomerId id, const QString &cause, const QString &measures)
{
    Transaction transaction(m_session.database());
    m_access.requireEditable(storage::CustomerRepository(m_session.database()).require(id));
    storage::RetentionRepository repository(m_session.database());
    const domain::WinBackTexts text = domain::CustomerTexts::winBack(cause, measures);
    int score = 0;
    for (const auto &entry : churn(100000)) {
        if (entry.row.customer.id == id)
            score = entry.assessment.score;
    }
    const qint64 winBackId = repository.insertWinBack(id, text.cause, text.measures, score, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("customer.winback"), QStringLiteral("customer"), id, {},
                                 QJsonObject{{QStringLiteral("winback"), winBackId}, {QStringLiteral("cause"), text.cause},
                                             {QStringLiteral("measures"), text.measures}, {QStringLiteral("score"), score}});
    transaction.commit();
    return winBackId;
}

domain::WinBack RetentionService::winBackResult(qint64 winBackId, bool wonBack, const QString &note, std::optional<int> seenVersion)
{
    Transaction transaction(m_session.database());
    storage::RetentionRepository repository(m_session.database());
    const domain::WinBack before = repository.winBack(winBackId);
    m_access.requireEditable(storage::CustomerRepository(m_session.database()).require(before.customerId));
    requireSeenVersion(seenVersion, before.version, QCoreApplication::translate("Customers", "Win-back record #%1").arg(winBackId));
    if (before.result != domain::WinBackResult::Pending)
        throw Error::conflict(QCoreApplication::translate("Customers", "Win-back record #%1 already has its result.").arg(winBackId), QStringLiteral("3.2.4"));
    repository.setWinBackResult(winBackId, before.version, wonBack ? domain::WinBackResult::WonBack : domain::WinBackResult::Lost,
                                domain::CustomerTexts::notes(QStringLiteral("note"), note), m_session.timestamp());
    const domain::WinBack after = repository.winBack(winBackId);
    AuditTrail(m_session).record(QStringLiteral("customer.winback_result"), QStringLiteral("customer"), before.customerId,
                                 toJson(before), toJson(after));
    transaction.commit();
    return after;
}

QList<domain::WinBack> RetentionService::winBacks(std::optional<domain::CustomerId> customer) const
{
    const domain::CustomerScope visibleScope = m_access.scope();
    storage::CustomerRepository customers(m_session.database());
    QList<domain::WinBack> visibleOnes;
    for (const domain::WinBack &record : storage::RetentionRepository(m_session.database()).winBacks(customer)) {
        if (visibleScope.kind == domain::CustomerScope::Kind::All || customers.visible(record.customerId, visibleScope))
            visibleOnes << record;
    }
    return visibleOnes;
}

double RetentionService::winBackSuccessRate() const
{
    return domain::WinBackRules::successRate(winBacks());
}

QJsonObject RetentionService::toJson(const domain::WinBack &record)
{
    return QJsonObject{{QStringLiteral("id"), record.id},
                       {QStringLiteral("customer_id"), record.customerId},
                       {QStringLiteral("customer"), record.customerName},
                       {QStringLiteral("cause"), record.cause},
                       {QStringLiteral("measures"), record.measures},
                       {QStringLiteral("result"), domain::WinBackRules::name(record.result)},
                       {QStringLiteral("result_note"), record.resultNote},
                       {QStringLiteral("score"), record.score},
                       {QStringLiteral("version"), record.version},
                       {QStringLiteral("created_at"), domain::toStorageTimestamp(record.createdAt)},
                       {QStringLiteral("result_at"), domain::toStorageTimestamp(record.resultAt)}};
}

} // namespace bizdesk::services
