#include "storage/negotiations/NegotiationRepository.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"
#include "storage/negotiations/NegotiationSql.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::storage {
namespace {

using negotiationsql::dateOf;
using negotiationsql::moneyOf;
using negotiationsql::named;

using domain::Money;
using domain::Negotiation;
using domain::SummarySection;

const QString columns = QStringLiteral(
    "n.id, n.customer_id, c.name, n.research_id, n.title, n.goal, n.direction, n.importance, n.complexity, "
    "n.target_minor, n.bottom_line_minor, n.anchor_minor, n.batna, n.batna_value_minor, n.walk_away, n.planned_end, "
    "n.stage, n.deadlock_from, n.our_strengths, n.our_weaknesses, n.their_strengths, n.their_weaknesses, "
    "n.their_strategy, n.our_responses, n.briefing_held, n.summary_background, n.summary_goal_attainment, "
    "n.summary_process_review, n.summary_disagreements, n.summary_lessons, n.submitted_at, n.created_by, n.version, "
    "n.created_at, n.updated_at");

QVariant moneyValue(const std::optional<Money> &amount)
{
    return amount ? QVariant(static_cast<qint64>(amount->minorUnits())) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

Negotiation readNegotiation(const SqlQuery &query)
{
    Negotiation n;
    n.id = query.value(0).toLongLong();
    n.customerId = query.value(1).toLongLong();
    n.customerName = query.value(2).toString();
    n.researchId = optionalId(query.value(3));
    n.title = query.value(4).toString();
    n.goal = query.value(5).toString();
    n.direction = named(domain::negotiationDirections(), query.value(6), domain::NegotiationDirection::Sell);
    n.importance = named(domain::negotiationLevels(), query.value(7), domain::NegotiationLevel::Medium);
    n.complexity = named(domain::negotiationLevels(), query.value(8), domain::NegotiationLevel::Medium);
    n.target = moneyOf(query.value(9));
    n.bottomLine = moneyOf(query.value(10));
    n.anchor = moneyOf(query.value(11));
    n.batna = query.value(12).toString();
    n.batnaValue = moneyOf(query.value(13));
    n.walkAway = query.value(14).toString();
    n.plannedEnd = dateOf(query.value(15));
    n.stage = named(domain::negotiationStages(), query.value(16), domain::NegotiationStage::Preparation);
    if (!query.value(17).isNull())
        n.deadlockFrom = domain::negotiationStages().fromName(query.value(17).toString());
    n.strategy = {query.value(18).toString(), query.value(19).toString(), query.value(20).toString(),
                  query.value(21).toString(), query.value(22).toString(), query.value(23).toString()};
    n.briefingHeld = query.value(24).toInt() != 0;
    const QList<SummarySection> sections = domain::summarySections().all();
    for (int i = 0; i < sections.size(); ++i)
        n.summary[sections[i]] = query.value(25 + i).toString();
    n.submittedAt = query.value(30).toString();
    n.createdBy = query.value(31).toLongLong();
    n.version = query.value(32).toInt();
    n.createdAt = query.value(33).toString();
    n.updatedAt = query.value(34).toString();
    return n;
}

void bindNegotiation(SqlQuery &query, const Negotiation &n)
{
    query.bind(":customer", n.customerId)
        .bind(":research", nullableId(n.researchId))
        .bind(":title", n.title)
        .bind(":goal", requiredText(n.goal))
        .bind(":direction", domain::negotiationDirections().name(n.direction))
        .bind(":importance", domain::negotiationLevels().name(n.importance))
        .bind(":complexity", domain::negotiationLevels().name(n.complexity))
        .bind(":target", moneyValue(n.target))
        .bind(":bottom_line", moneyValue(n.bottomLine))
        .bind(":anchor", moneyValue(n.anchor))
        .bind(":batna", requiredText(n.batna))
        .bind(":batna_value", moneyValue(n.batnaValue))
        .bind(":walk_away", requiredText(n.walkAway))
        .bind(":planned_end", dateValue(n.plannedEnd))
        .bind(":stage", domain::negotiationStages().name(n.stage))
        .bind(":deadlock_from", n.deadlockFrom ? QVariant(domain::negotiationStages().name(*n.deadlockFrom))
                                               : QVariant(QMetaType(QMetaType::QString)))
        .bind(":our_strengths", requiredText(n.strategy.ourStrengths))
        .bind(":our_weaknesses", requiredText(n.strategy.ourWeaknesses))
        .bind(":their_strengths", requiredText(n.strategy.theirStrengths))
        .bind(":their_weaknesses", requiredText(n.strategy.theirWeaknesses))
        .bind(":their_strategy", requiredText(n.strategy.theirLikelyStrategy))
        .bind(":our_responses", requiredText(n.strategy.ourResponses))
        .bind(":briefing", n.briefingHeld ? 1 : 0)
        .bind(":s_background", requiredText(n.summary.value(SummarySection::Background)))
        .bind(":s_goal", requiredText(n.summary.value(SummarySection::GoalAttainment)))
        .bind(":s_process", requiredText(n.summary.value(SummarySection::ProcessReview)))
        .bind(":s_disagreements", requiredText(n.summary.value(SummarySection::Disagreements)))
        .bind(":s_lessons", requiredText(n.summary.value(SummarySection::Lessons)))
        .bind(":submitted_at", nullableText(n.submittedAt));
}

const QString assignments = QStringLiteral(
    "customer_id = :customer, research_id = :research, title = :title, goal = :goal, direction = :direction, "
    "importance = :importance, complexity = :complexity, target_minor = :target, bottom_line_minor = :bottom_line, "
    "anchor_minor = :anchor, batna = :batna, batna_value_minor = :batna_value, walk_away = :walk_away, "
    "planned_end = :planned_end, stage = :stage, deadlock_from = :deadlock_from, our_strengths = :our_strengths, "
    "our_weaknesses = :our_weaknesses, their_strengths = :their_strengths, their_weaknesses = :their_weaknesses, "
    "their_strategy = :their_strategy, our_responses = :our_responses, briefing_held = :briefing, "
    "summary_background = :s_background, summary_goal_attainment = :s_goal, summary_process_review = :s_process, "
    "summary_disagreements = :s_disagreements, summary_lessons = :s_lessons, submitted_at = :submitted_at");

} // namespace

qint64 NegotiationRepository::insert(const Negotiation &negotiation, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO negotiations (customer_id, research_id, title, goal, direction, importance, complexity, target_minor, "
        "bottom_line_minor, anchor_minor, batna, batna_value_minor, walk_away, planned_end, stage, deadlock_from, "
        "our_strengths, our_weaknesses, their_strengths, their_weaknesses, their_strategy, our_responses, briefing_held, "
        "summary_background, summary_goal_attainment, summary_process_review, summary_disagreements, summary_lessons, "
        "submitted_at, version, created_at, created_by, updated_at, updated_by) VALUES (:customer, :research, :title, "
        ":goal, :direction, :importance, :complexity, :target, :bottom_line, :anchor, :batna, :batna_value, :walk_away, "
        ":planned_end, :stage, :deadlock_from, :our_strengths, :our_weaknesses, :their_strengths, :their_weaknesses, "
        ":their_strategy, :our_responses, :briefing, :s_background, :s_goal, :s_process, :s_disagreements, :s_lessons, "
        ":submitted_at, 1, :now, :actor, :now2, :actor2) RETURNING id"));
    bindNegotiation(query, negotiation);
    query.bind(":now", now).bind(":actor", actor).bind(":now2", now).bind(":actor2", actor);
    return query.insertReturningId();
}

void NegotiationRepository::update(const Negotiation &negotiation, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE negotiations SET %1, version = version + 1, updated_at = :updated_at, "
                                              "updated_by = :updated_by WHERE id = :id AND version = :version")
                                   .arg(assignments));
    bindNegotiation(query, negotiation);
    query.bind(":updated_at", now).bind(":updated_by", actor).bind(":id", negotiation.id).bind(":version", negotiation.version);
    query.exec();
    if (query.rowsAffected() != 1)
        throw domain::Error::conflict(QCoreApplication::translate("NegotiationRepository", "Negotiation #%1 was changed by "
                                                                                           "someone else meanwhile; reload it and try again.")
                                          .arg(negotiation.id));
}

std::optional<Negotiation> NegotiationRepository::find(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM negotiations n JOIN customers c ON c.id = n.customer_id "
                                              "WHERE n.id = :id")
                                   .arg(columns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readNegotiation(query);
}

Negotiation NegotiationRepository::require(qint64 id) const
{
    if (auto found = find(id))
        return *found;
    throw domain::Error::notFound(QCoreApplication::translate("NegotiationRepository", "There is no negotiation #%1.").arg(id));
}

QList<NegotiationRow> NegotiationRepository::list(const NegotiationFilter &filter) const
{
    QStringList where;
    if (filter.stage)
        where << QStringLiteral("n.stage = :stage");
    if (filter.customer)
        where << QStringLiteral("n.customer_id = :customer");
    if (filter.importance)
        where << QStringLiteral("n.importance = :importance");
    if (filter.member)
        where << QStringLiteral("EXISTS (SELECT 1 FROM negotiation_members m WHERE m.negotiation_id = n.id AND m.user_id = :member)");
    if (filter.beforeId)
        where << QStringLiteral("n.id < :before");
    QStringList visible;
    switch (filter.customerScope.kind) {
    case CustomerScope::Kind::All:
        break;
    case CustomerScope::Kind::Department:
        visible << QStringLiteral("(c.owner_id IS NULL OR c.owner_id IN (SELECT id FROM users WHERE department_id = :scope))");
        break;
    case CustomerScope::Kind::Own:
        visible << QStringLiteral("(c.owner_id IS NULL OR c.owner_id = :scope)");
        break;
    }
    if (!visible.isEmpty() && filter.alsoFor) {
        visible << QStringLiteral("n.created_by = :me1")
                << QStringLiteral("EXISTS (SELECT 1 FROM negotiation_members m2 WHERE m2.negotiation_id = n.id AND m2.user_id = :me2)")
                << QStringLiteral("EXISTS (SELECT 1 FROM negotiation_recipients r WHERE r.negotiation_id = n.id AND "
                                  "(r.user_id = :me3 OR r.department_id = :dept))");
    }
    if (!visible.isEmpty())
        where << QStringLiteral("(%1)").arg(visible.join(QStringLiteral(" OR ")));
    SqlQuery query(m_database, QStringLiteral(
        "SELECT n.id, n.title, n.customer_id, c.name, n.stage, n.importance, n.planned_end, n.submitted_at, n.version, "
        "(SELECT u.display_name FROM negotiation_members l JOIN users u ON u.id = l.user_id WHERE l.negotiation_id = n.id "
        "AND l.role = 'lead'), (SELECT l.user_id FROM negotiation_members l WHERE l.negotiation_id = n.id AND l.role = 'lead'), "
        "(SELECT o.amount_minor FROM negotiation_offers o WHERE o.negotiation_id = n.id ORDER BY o.offered_on DESC, o.id DESC LIMIT 1) "
        "FROM negotiations n JOIN customers c ON c.id = n.customer_id %1 ORDER BY n.id DESC LIMIT :limit")
                                   .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))));
    if (filter.stage)
        query.bind(":stage", domain::negotiationStages().name(*filter.stage));
    if (filter.customer)
        query.bind(":customer", *filter.customer);
    if (filter.importance)
        query.bind(":importance", domain::negotiationLevels().name(*filter.importance));
    if (filter.member)
        query.bind(":member", *filter.member);
    if (filter.beforeId)
        query.bind(":before", *filter.beforeId);
    if (filter.customerScope.kind != CustomerScope::Kind::All) {
        query.bind(":scope", filter.customerScope.id);
        if (filter.alsoFor)
            query.bind(":me1", *filter.alsoFor).bind(":me2", *filter.alsoFor).bind(":me3", *filter.alsoFor)
                .bind(":dept", nullableId(filter.alsoForDepartment));
    }
    query.bind(":limit", filter.limit).exec();
    QList<NegotiationRow> rows;
    while (query.next()) {
        NegotiationRow row;
        row.id = query.value(0).toLongLong();
        row.title = query.value(1).toString();
        row.customerId = query.value(2).toLongLong();
        row.customerName = query.value(3).toString();
        row.stage = named(domain::negotiationStages(), query.value(4), domain::NegotiationStage::Preparation);
        row.importance = named(domain::negotiationLevels(), query.value(5), domain::NegotiationLevel::Medium);
        row.plannedEnd = dateOf(query.value(6));
        row.closed = !query.value(7).isNull() && !query.value(7).toString().isEmpty();
        row.version = query.value(8).toInt();
        row.leadName = query.value(9).toString();
        row.leadId = optionalId(query.value(10));
        row.latestAmount = moneyOf(query.value(11));
        rows << row;
    }
    return rows;
}

QList<qint64> NegotiationRepository::ofTeamMember(domain::UserId person, int limit) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT n.id FROM negotiations n JOIN negotiation_members m ON m.negotiation_id = n.id "
                                              "WHERE m.user_id = :person AND n.submitted_at IS NULL ORDER BY n.id DESC LIMIT :limit"));
    query.bind(":person", person).bind(":limit", limit).exec();
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

QList<qint64> NegotiationRepository::closedIds(int limit) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id FROM negotiations WHERE submitted_at IS NOT NULL ORDER BY id DESC LIMIT :limit"));
    query.bind(":limit", limit).exec();
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

QList<domain::TeamMember> NegotiationRepository::team(qint64 negotiationId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT m.user_id, u.login, u.display_name, m.role, m.duties, u.superior_id "
                                              "FROM negotiation_members m JOIN users u ON u.id = m.user_id "
                                              "WHERE m.negotiation_id = :id ORDER BY CASE m.role WHEN 'lead' THEN 0 "
                                              "WHEN 'member' THEN 1 ELSE 2 END, u.id"));
    query.bind(":id", negotiationId).exec();
    QList<domain::TeamMember> members;
    while (query.next())
        members << domain::TeamMember{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                      named(domain::teamRoles(), query.value(3), domain::TeamRole::Member),
                                      query.value(4).toString(), optionalId(query.value(5))};
    return members;
}

void NegotiationRepository::setMember(qint64 negotiationId, const domain::TeamMember &member)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO negotiation_members (negotiation_id, user_id, role, duties) VALUES "
                                        "(:id, :user, :role, :duties) ON CONFLICT (negotiation_id, user_id) DO UPDATE SET "
                                        "role = excluded.role, duties = excluded.duties"))
        .bind(":id", negotiationId)
        .bind(":user", member.userId)
        .bind(":role", domain::teamRoles().name(member.role))
        .bind(":duties", requiredText(member.duties))
        .exec();
}

void NegotiationRepository::removeMember(qint64 negotiationId, domain::UserId person)
{
    SqlQuery(m_database, QStringLiteral("DELETE FROM negotiation_members WHERE negotiation_id = :id AND user_id = :user"))
        .bind(":id", negotiationId)
        .bind(":user", person)
        .exec();
}

} // namespace bizdesk::storage
