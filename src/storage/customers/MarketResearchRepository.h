#pragma once

#include "domain/customers/MarketResearch.h"
#include "domain/identity/User.h"

#include <QList>

namespace bizdesk::storage {

class Database;

/// §3.1.1–2 market research records and target segments.
class MarketResearchRepository
{
public:
    explicit MarketResearchRepository(Database &database);

    qint64 insertSegment(const QString &name, const QString &traits, const QString &strategy, const QString &now,
                         domain::UserId actor);
    /// By name, each with its customer count.
    QList<domain::TargetSegment> segments() const;
    qint64 insertResearch(const QString &topic, const QDate &date, const QString &findings, const QString &competitors,
                          const QString &now, domain::UserId actor);
    /// Newest first.
    QList<domain::MarketResearch> research() const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
