#include "storage/customers/MarketResearchRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {

MarketResearchRepository::MarketResearchRepository(Database &database) : m_database(database) {}

qint64 MarketResearchRepository::insertSegment(const QString &name, const QString &traits, const QString &strategy,
                                         const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO customer_segments (name, traits, strategy, version, created_at, "
                                               "created_by) VALUES (:name, :traits, :strategy, 1, :now, :actor) RETURNING id"))
        .bind(":name", name)
        .bind(":traits", requiredText(traits))
        .bind(":strategy", requiredText(strategy))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<domain::TargetSegment> MarketResearchRepository::segments() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT s.id, s.name, s.traits, s.strategy, "
                                              "(SELECT count(*) FROM customers c WHERE c.segment_id = s.id) "
                                              "FROM customer_segments s ORDER BY s.name"));
    query.exec();
    QList<domain::TargetSegment> list;
    while (query.next())
        list << domain::TargetSegment{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                      query.value(3).toString(), query.value(4).toLongLong()};
    return list;
}

qint64 MarketResearchRepository::insertResearch(const QString &topic, const QDate &date, const QString &findings,
                                          const QString &competitors, const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO market_research (topic, research_date, findings, competitors, "
                                               "created_at, created_by) VALUES (:topic, :date, :findings, :competitors, "
                                               ":now, :actor) RETURNING id"))
        .bind(":topic", topic)
        .bind(":date", date.toString(Qt::ISODate))
        .bind(":findings", requiredText(findings))
        .bind(":competitors", requiredText(competitors))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<domain::MarketResearch> MarketResearchRepository::research() const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, topic, research_date, findings, competitors FROM market_research "
                                              "ORDER BY research_date DESC, id DESC"));
    query.exec();
    QList<domain::MarketResearch> list;
    while (query.next())
        list << domain::MarketResearch{query.value(0).toLongLong(), query.value(1).toString(),
                                       QDate::fromString(query.value(2).toString(), Qt::ISODate), query.value(3).toString(),
                                       query.value(4).toString()};
    return list;
}

} // namespace bizdesk::storage
