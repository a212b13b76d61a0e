#pragma once

#include "domain/customers/MarketResearch.h"

#include <QJsonObject>
#include <QList>

namespace bizdesk::services {

class Session;

/// §3.1.1–2: market research and the target segments customers are worked in; kept by
/// directors and managers (Action::ManageMarketResearch), read by everyone.
class MarketResearchService
{
public:
    explicit MarketResearchService(Session &session);

    /// A second segment with the same name is a conflict (§3.1.2).
    qint64 addSegment(const QString &name, const QString &traits, const QString &strategy);
    /// The target segment of that name; throws not_found.
    qint64 segmentId(const QString &name) const;
    QList<domain::TargetSegment> segments() const;
    qint64 addResearch(const QString &topic, const QDate &date, const QString &findings, const QString &competitors);
    QList<domain::MarketResearch> research() const;

    static QJsonObject toJson(const domain::TargetSegment &segment);
    static QJsonObject toJson(const domain::MarketResearch &research);

private:
    Session &m_session;
};

} // namespace bizdesk::services
