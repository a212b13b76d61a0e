#include "services/customers/MarketResearchService.h"

#include "domain/Error.h"
#include "domain/customers/CustomerTexts.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "storage/Transaction.h"
#include "storage/customers/MarketResearchRepository.h"

#include <QCoreApplication>

namespace bizdesk::services {

using domain::Action;
using domain::Error;
using storage::Transaction;

MarketResearchService::MarketResearchService(Session &session) : m_session(session) {}

qint64 MarketResearchService::addSegment(const QString &name, const QString &traits, const QString &strategy)
{
    m_session.require(Action::ManageMarketResearch);
    const domain::SegmentTexts text = domain::CustomerTexts::segment(name, traits, strategy);
    Transaction transaction(m_session.database());
    for (const domain::TargetSegment &segment : storage::MarketResearchRepository(m_session.database()).segments()) {
        if (segment.name == text.name)
            throw Error::conflict(QCoreApplication::translate("Customers", "name: there is already a target segment \"%1\" (§3.1.2).").arg(text.name),
                                  QStringLiteral("3.1.2"));
    }
    const qint64 id = storage::MarketResearchRepository(m_session.database()).insertSegment(text.name, text.traits, text.strategy, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("segment.create"), QStringLiteral("segment"), id, {},
                                 QJsonObject{{QStringLiteral("name"), text.name}});
    transaction.commit();
    return id;
}

qint64 MarketResearchService::segmentId(const QString &name) const
{
    for (const domain::TargetSegment &segment : segments()) {
        if (segment.name == name.trimmed())
            return segment.id;
    }
    throw Error::notFound(QCoreApplication::translate("Customers", "There is no target segment \"%1\".").arg(name));
}

QList<domain::TargetSegment> MarketResearchService::segments() const
{
    m_session.user();
    return storage::MarketResearchRepository(m_session.database()).segments();
}

qint64 MarketResearchService::addResearch(const QString &topic, const QDate &date, const QString &findings, const QString &competitors)
{
    m_session.require(Action::ManageMarketResearch);
    const domain::ResearchTexts text = domain::CustomerTexts::research(topic, findings, competitors);
    if (!date.isValid())
        throw Error::invalid(QStringLiteral("date"), QCoreApplication::translate("Customers", "date: give the date of the research."));
    Transaction transaction(m_session.database());
    const qint64 id = storage::MarketResearchRepository(m_session.database()).insertResearch(text.topic, date, text.findings, text.competitors, m_session.timestamp(), m_session.userId());
    AuditTrail(m_session).record(QStringLiteral("research.create"), QStringLiteral("market_research"), id, {},
                                 QJsonObject{{QStringLiteral("topic"), text.topic}});
    transaction.commit();
    return id;
}

QList<domain::MarketResearch> MarketResearchService::research() const
{
    m_session.user();
    return storage::MarketResearchRepository(m_session.database()).research();
}

QJsonObject MarketResearchService::toJson(const domain::TargetSegment &segment)
{
    return QJsonObject{{QStringLiteral("id"), segment.id},
                       {QStringLiteral("name"), segment.name},
                       {QStringLiteral("traits"), segment.traits},
                       {QStringLiteral("strategy"), segment.strategy},
                       {QStringLiteral("customers"), segment.customers}};
}

QJsonObject MarketResearchService::toJson(const domain::MarketResearch &research)
{
    return QJsonObject{{QStringLiteral("id"), research.id},
                       {QStringLiteral("topic"), research.topic},
                       {QStringLiteral("date"), research.date.toString(Qt::ISODate)},
                       {QStringLiteral("findings"), research.findings},
                       {QStringLiteral("competitors"), research.competitors}};
}

} // namespace bizdesk::services
