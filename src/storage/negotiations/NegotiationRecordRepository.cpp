#include "storage/negotiations/NegotiationRecordRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"
#include "storage/negotiations/NegotiationSql.h"

namespace bizdesk::storage {
namespace {

using negotiationsql::dateOf;
using negotiationsql::moneyOf;
using negotiationsql::named;

using domain::Money;

/// SELECT … WHERE negotiation_id = :id ORDER BY id, row by row through `read`.
template <typename Row, typename Read>
QList<Row> rowsOf(Database &database, const QString &sql, qint64 negotiationId, Read read)
{
    SqlQuery query(database, sql);
    query.bind(":id", negotiationId).exec();
    QList<Row> rows;
    while (query.next())
        rows << read(query);
    return rows;
}

const QString materialColumns = QStringLiteral("id, kind, note, created_at, file_name, media_type, size_bytes, sha256, negotiation_id");

domain::Material readMaterial(const SqlQuery &q)
{
    domain::Material material;
    material.id = q.value(0).toLongLong();
    material.kind = named(domain::materialKinds(), q.value(1), domain::MaterialKind::Market);
    material.note = q.value(2).toString();
    material.createdAt = q.value(3).toString();
    material.fileName = q.value(4).toString();
    material.mediaType = q.value(5).toString();
    material.fileSize = q.value(6).toLongLong();
    material.sha256 = q.value(7).toString();
    return material;
}

} // namespace

qint64 NegotiationRecordRepository::addMaterial(qint64 negotiationId, const domain::Material &material, const QByteArray &content,
                                                const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral("INSERT INTO negotiation_materials (negotiation_id, kind, note, created_at, created_by, "
                                              "file_name, media_type, size_bytes, sha256, content) VALUES (:id, :kind, :note, :now, "
                                              ":actor, :file, :type, :size, :sha, :content) RETURNING id"));
    const bool withFile = material.hasFile();
    query.bind(":id", negotiationId).bind(":kind", domain::materialKinds().name(material.kind)).bind(":note", material.note)
        .bind(":now", now).bind(":actor", actor)
        .bind(":file", withFile ? QVariant(material.fileName) : QVariant())
        .bind(":type", withFile ? QVariant(material.mediaType) : QVariant())
        .bind(":size", withFile ? QVariant(material.fileSize) : QVariant())
        .bind(":sha", withFile ? QVariant(material.sha256) : QVariant())
        .bind(":content", withFile ? QVariant(content) : QVariant(QMetaType(QMetaType::QByteArray)));
    return query.insertReturningId();
}

QList<domain::Material> NegotiationRecordRepository::materials(qint64 negotiationId) const
{
    return rowsOf<domain::Material>(m_database, QStringLiteral("SELECT %1 FROM negotiation_materials WHERE negotiation_id = :id ORDER BY id")
                                                    .arg(materialColumns),
                                    negotiationId, readMaterial);
}

std::optional<NegotiationRecordRepository::MaterialFile> NegotiationRecordRepository::materialFile(qint64 materialId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1, content FROM negotiation_materials WHERE id = :id").arg(materialColumns));
    query.bind(":id", materialId).exec();
    if (!query.next())
        return std::nullopt;
    return MaterialFile{query.value(8).toLongLong(), readMaterial(query), query.value(9).toByteArray()};
}

qint64 NegotiationRecordRepository::addSession(qint64 negotiationId, const domain::NegotiationSession &s, const QString &now,
                                               domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO negotiation_sessions (negotiation_id, held_on, place, start_time, end_time, our_attendees, "
        "their_attendees, agenda, minutes, created_at, created_by) VALUES (:id, :on, :place, :start, :end, :ours, :theirs, "
        ":agenda, :minutes, :now, :actor) RETURNING id"));
    query.bind(":id", negotiationId).bind(":on", s.date.toString(Qt::ISODate)).bind(":place", requiredText(s.place))
        .bind(":start", requiredText(s.start)).bind(":end", requiredText(s.end)).bind(":ours", requiredText(s.ourAttendees))
        .bind(":theirs", requiredText(s.theirAttendees)).bind(":agenda", requiredText(s.agenda))
        .bind(":minutes", requiredText(s.minutes)).bind(":now", now).bind(":actor", actor);
    return query.insertReturningId();
}

QList<domain::NegotiationSession> NegotiationRecordRepository::sessions(qint64 negotiationId) const
{
    return rowsOf<domain::NegotiationSession>(
        m_database, QStringLiteral("SELECT id, held_on, place, start_time, end_time, our_attendees, their_attendees, agenda, "
                                   "minutes FROM negotiation_sessions WHERE negotiation_id = :id ORDER BY held_on, id"),
        negotiationId, [](const SqlQuery &q) {
            return domain::NegotiationSession{q.value(0).toLongLong(), dateOf(q.value(1)), q.value(2).toString(),
                                              q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                              q.value(6).toString(), q.value(7).toString(), q.value(8).toString()};
        });
}

qint64 NegotiationRecordRepository::addProbingNote(qint64 negotiationId, const domain::ProbingNote &note, const QString &now,
                                                   domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral("INSERT INTO negotiation_probing_notes (negotiation_id, position, interests, "
                                              "presumed_bottom_line, created_at, created_by) VALUES (:id, :position, "
                                              ":interests, :presumed, :now, :actor) RETURNING id"));
    query.bind(":id", negotiationId).bind(":position", requiredText(note.position)).bind(":interests", requiredText(note.interests))
        .bind(":presumed", requiredText(note.presumedBottomLine)).bind(":now", now).bind(":actor", actor);
    return query.insertReturningId();
}

QList<domain::ProbingNote> NegotiationRecordRepository::probingNotes(qint64 negotiationId) const
{
    return rowsOf<domain::ProbingNote>(m_database, QStringLiteral("SELECT id, position, interests, presumed_bottom_line, "
                                                                  "created_at FROM negotiation_probing_notes WHERE "
                                                                  "negotiation_id = :id ORDER BY id"),
                                       negotiationId, [](const SqlQuery &q) {
                                           return domain::ProbingNote{q.value(0).toLongLong(), q.value(1).toString(),
                                                                      q.value(2).toString(), q.value(3).toString(),
                                                                      q.value(4).toString()};
                                       });
}

qint64 NegotiationRecordRepository::addEstimate(qint64 negotiationId, const domain::Estimate &estimate, const QString &now,
                                                domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral("INSERT INTO negotiation_estimates (negotiation_id, low_minor, high_minor, source, "
                                              "estimated_on, created_at, created_by) VALUES (:id, :low, :high, :source, :on, "
                                              ":now, :actor) RETURNING id"));
    query.bind(":id", negotiationId).bind(":low", static_cast<qint64>(estimate.low.minorUnits()))
        .bind(":high", static_cast<qint64>(estimate.high.minorUnits())).bind(":source", requiredText(estimate.source))
        .bind(":on", estimate.estimatedOn.toString(Qt::ISODate)).bind(":now", now).bind(":actor", actor);
    return query.insertReturningId();
}

QList<domain::Estimate> NegotiationRecordRepository::estimates(qint64 negotiationId) const
{
    return rowsOf<domain::Estimate>(m_database, QStringLiteral("SELECT id, low_minor, high_minor, source, estimated_on FROM "
                                                               "negotiation_estimates WHERE negotiation_id = :id ORDER BY id"),
                                    negotiationId, [](const SqlQuery &q) {
                                        return domain::Estimate{q.value(0).toLongLong(), Money::fromMinor(q.value(1).toLongLong()),
                                                                Money::fromMinor(q.value(2).toLongLong()), q.value(3).toString(),
                                                                dateOf(q.value(4))};
                                    });
}

qint64 NegotiationRecordRepository::addOffer(qint64 negotiationId, const domain::Offer &offer, const QString &now)
{
    SqlQuery query(m_database, QStringLiteral("INSERT INTO negotiation_offers (negotiation_id, side, amount_minor, offered_on, "
                                              "conditions, got, reason, created_at, created_by) VALUES (:id, :side, :amount, "
                                              ":on, :conditions, :got, :reason, :now, :actor) RETURNING id"));
    query.bind(":id", negotiationId).bind(":side", domain::offerSides().name(offer.side))
        .bind(":amount", static_cast<qint64>(offer.amount.minorUnits())).bind(":on", offer.offeredOn.toString(Qt::ISODate))
        .bind(":conditions", requiredText(offer.conditions)).bind(":got", requiredText(offer.got))
        .bind(":reason", requiredText(offer.reason)).bind(":now", now).bind(":actor", offer.recordedBy);
    return query.insertReturningId();
}

QList<domain::Offer> NegotiationRecordRepository::offers(qint64 negotiationId) const
{
    return rowsOf<domain::Offer>(m_database, QStringLiteral("SELECT id, side, amount_minor, offered_on, conditions, got, reason, "
                                                            "created_by, created_at FROM negotiation_offers WHERE "
                                                            "negotiation_id = :id ORDER BY id"),
                                 negotiationId, [](const SqlQuery &q) {
                                     return domain::Offer{q.value(0).toLongLong(),
                                                          named(domain::offerSides(), q.value(1), domain::OfferSide::Ours),
                                                          Money::fromMinor(q.value(2).toLongLong()), dateOf(q.value(3)),
                                                          q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                                                          q.value(7).toLongLong(), q.value(8).toString()};
                                 });
}

std::optional<Money> NegotiationRecordRepository::latestAmount(qint64 negotiationId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT amount_minor FROM negotiation_offers WHERE negotiation_id = :id "
                                              "ORDER BY offered_on DESC, id DESC LIMIT 1"));
    query.bind(":id", negotiationId).exec();
    if (!query.next())
        return std::nullopt;
    return Money::fromMinor(query.value(0).toLongLong());
}

void NegotiationRecordRepository::setTerm(qint64 negotiationId, const domain::TermPosition &term)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO negotiation_terms (negotiation_id, term, ours, theirs, agreed) VALUES "
                                        "(:id, :term, :ours, :theirs, :agreed) ON CONFLICT (negotiation_id, term) DO UPDATE "
                                        "SET ours = excluded.ours, theirs = excluded.theirs, agreed = excluded.agreed"))
        .bind(":id", negotiationId)
        .bind(":term", domain::negotiationTerms().name(term.term))
        .bind(":ours", requiredText(term.ours))
        .bind(":theirs", requiredText(term.theirs))
        .bind(":agreed", term.agreed ? 1 : 0)
        .exec();
}

QList<domain::TermPosition> NegotiationRecordRepository::terms(qint64 negotiationId) const
{
    QList<domain::TermPosition> stored = rowsOf<domain::TermPosition>(
        m_database, QStringLiteral("SELECT term, ours, theirs, agreed FROM negotiation_terms WHERE negotiation_id = :id"),
        negotiationId, [](const SqlQuery &q) {
            return domain::TermPosition{named(domain::negotiationTerms(), q.value(0), domain::NegotiationTerm::Price),
                                        q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() != 0};
        });
    // Every term in its fixed order; the ones nobody wrote yet are open and empty.
    QList<domain::TermPosition> all;
    for (const domain::NegotiationTerm term : domain::negotiationTerms().all()) {
        const auto found = std::find_if(stored.begin(), stored.end(), [&](const domain::TermPosition &t) { return t.term == term; });
        all << (found != stored.end() ? *found : domain::TermPosition{term, {}, {}, false});
    }
    return all;
}

qint64 NegotiationRecordRepository::openDeadlock(qint64 negotiationId, const domain::DeadlockRecord &deadlock)
{
    SqlQuery query(m_database, QStringLiteral("INSERT INTO negotiation_deadlocks (negotiation_id, from_stage, cause, strategy, "
                                              "outcome, opened_at) VALUES (:id, :from, :cause, :strategy, :outcome, :at) RETURNING id"));
    query.bind(":id", negotiationId).bind(":from", domain::negotiationStages().name(deadlock.fromStage))
        .bind(":cause", requiredText(deadlock.cause))
        .bind(":strategy", deadlock.strategy ? QVariant(domain::deadlockStrategies().name(*deadlock.strategy))
                                             : QVariant(QMetaType(QMetaType::QString)))
        .bind(":outcome", requiredText(deadlock.outcome)).bind(":at", deadlock.openedAt);
    return query.insertReturningId();
}

void NegotiationRecordRepository::updateDeadlock(const domain::DeadlockRecord &deadlock)
{
    SqlQuery(m_database, QStringLiteral("UPDATE negotiation_deadlocks SET cause = :cause, strategy = :strategy, outcome = :outcome, "
                                        "resolved_at = :resolved WHERE id = :id"))
        .bind(":cause", requiredText(deadlock.cause))
        .bind(":strategy", deadlock.strategy ? QVariant(domain::deadlockStrategies().name(*deadlock.strategy))
                                             : QVariant(QMetaType(QMetaType::QString)))
        .bind(":outcome", requiredText(deadlock.outcome))
        .bind(":resolved", nullableText(deadlock.resolvedAt))
        .bind(":id", deadlock.id)
        .exec();
}

QList<domain::DeadlockRecord> NegotiationRecordRepository::deadlocks(qint64 negotiationId) const
{
    return rowsOf<domain::DeadlockRecord>(
        m_database, QStringLiteral("SELECT id, from_stage, cause, strategy, outcome, opened_at, resolved_at FROM "
                                   "negotiation_deadlocks WHERE negotiation_id = :id ORDER BY id"),
        negotiationId, [](const SqlQuery &q) {
            domain::DeadlockRecord d;
            d.id = q.value(0).toLongLong();
            d.fromStage = named(domain::negotiationStages(), q.value(1), domain::NegotiationStage::Quoting);
            d.cause = q.value(2).toString();
            if (!q.value(3).isNull())
                d.strategy = domain::deadlockStrategies().fromName(q.value(3).toString());
            d.outcome = q.value(4).toString();
            d.openedAt = q.value(5).toString();
            d.resolvedAt = q.value(6).toString();
            return d;
        });
}

std::optional<domain::DeadlockRecord> NegotiationRecordRepository::openDeadlockOf(qint64 negotiationId) const
{
    const QList<domain::DeadlockRecord> all = deadlocks(negotiationId);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->resolvedAt.isEmpty())
            return *it;
    }
    return std::nullopt;
}

void NegotiationRecordRepository::addRecipient(qint64 negotiationId, std::optional<domain::UserId> user,
                                               std::optional<domain::DepartmentId> department)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO negotiation_recipients (negotiation_id, user_id, department_id) VALUES "
                                        "(:id, :user, :department)"))
        .bind(":id", negotiationId)
        .bind(":user", nullableId(user))
        .bind(":department", nullableId(department))
        .exec();
}

QList<SummaryRecipient> NegotiationRecordRepository::recipients(qint64 negotiationId) const
{
    return rowsOf<SummaryRecipient>(
        m_database, QStringLiteral("SELECT r.id, r.user_id, r.department_id, COALESCE(u.display_name, d.name), r.acknowledged_at, "
                                   "a.display_name FROM negotiation_recipients r LEFT JOIN users u ON u.id = r.user_id "
                                   "LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN users a ON a.id = r.acknowledged_by "
                                   "WHERE r.negotiation_id = :id ORDER BY r.id"),
        negotiationId, [](const SqlQuery &q) {
            return SummaryRecipient{q.value(0).toLongLong(), optionalId(q.value(1)), optionalId(q.value(2)), q.value(3).toString(),
                                    q.value(4).toString(), q.value(5).toString()};
        });
}

QList<PendingAcknowledgement> NegotiationRecordRepository::pendingFor(domain::UserId person,
                                                                      std::optional<domain::DepartmentId> department) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT r.id, n.id, n.title FROM negotiation_recipients r JOIN negotiations n ON "
                                              "n.id = r.negotiation_id WHERE r.acknowledged_at IS NULL AND (r.user_id = :person "
                                              "OR r.department_id = :department) ORDER BY r.id LIMIT 200"));
    query.bind(":person", person).bind(":department", nullableId(department)).exec();
    QList<PendingAcknowledgement> rows;
    while (query.next())
        rows << PendingAcknowledgement{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString()};
    return rows;
}

bool NegotiationRecordRepository::acknowledge(qint64 negotiationId, domain::UserId person,
                                              std::optional<domain::DepartmentId> department, const QString &now)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE negotiation_recipients SET acknowledged_at = :now, acknowledged_by = :person "
                                              "WHERE negotiation_id = :id AND acknowledged_at IS NULL AND (user_id = :person2 OR "
                                              "department_id = :department)"));
    query.bind(":now", now).bind(":person", person).bind(":id", negotiationId).bind(":person2", person)
        .bind(":department", nullableId(department)).exec();
    return query.rowsAffected() > 0;
}

bool NegotiationRecordRepository::isRecipient(qint64 negotiationId, domain::UserId person,
                                              std::optional<domain::DepartmentId> department) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT count(*) FROM negotiation_recipients WHERE negotiation_id = :id AND "
                                              "(user_id = :person OR department_id = :department)"));
    query.bind(":id", negotiationId).bind(":person", person).bind(":department", nullableId(department));
    return query.scalar().toLongLong() > 0;
}

} // namespace bizdesk::storage
