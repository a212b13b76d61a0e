#include "storage/contracts/ContractRepository.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::storage {
namespace {

using domain::Contract;
using domain::Money;

const QString columns = QStringLiteral(
    "k.id, k.number, k.customer_id, c.name, k.title, k.owner_id, k.drafter_id, k.department_id, k.amount_minor, "
    "k.currency, k.amount_cny_minor, k.start_date, k.end_date, k.negotiation_id, k.state, k.revision, "
    "k.returned_revision, k.contract_version, k.signed_on, k.our_signatory_id, k.their_signatory, k.seal_applied, "
    "k.termination_reason, k.termination_notice_date, k.termination_legal_basis, k.termination_settlement, "
    "k.completed_on, k.completion_reason, k.archive_number, k.archive_location, k.archived_on, k.retention_until, "
    "k.destroyed_at, k.destroy_approved_by, k.version, k.created_at, k.updated_at, u.display_name");

QDate dateOf(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

Contract readContract(const SqlQuery &query)
{
    Contract contract;
    contract.id = query.value(0).toLongLong();
    contract.number = query.value(1).toString();
    contract.customerId = query.value(2).toLongLong();
    contract.customerName = query.value(3).toString();
    contract.title = query.value(4).toString();
    contract.ownerId = query.value(5).toLongLong();
    contract.drafterId = query.value(6).toLongLong();
    contract.departmentId = optionalId(query.value(7));
    contract.amount = Money::fromMinor(query.value(8).toLongLong(), query.value(9).toString());
    contract.amountCny = Money::fromMinor(query.value(10).toLongLong());
    contract.startDate = dateOf(query.value(11));
    contract.endDate = dateOf(query.value(12));
    contract.negotiationId = optionalId(query.value(13));
    contract.state = domain::contractStates().fromName(query.value(14).toString()).value_or(domain::ContractState::Draft);
    contract.revision = query.value(15).toInt();
    if (!query.value(16).isNull())
        contract.returnedRevision = query.value(16).toInt();
    contract.contractVersion = query.value(17).toInt();
    if (!query.value(18).isNull())
        contract.signing = domain::Signing{dateOf(query.value(18)), query.value(19).toLongLong(), query.value(20).toString(),
                                           query.value(21).toInt() != 0};
    if (!query.value(22).isNull())
        contract.termination = domain::Termination{query.value(22).toString(), dateOf(query.value(23)),
                                                   query.value(24).toString(), query.value(25).toString()};
    contract.completedOn = dateOf(query.value(26));
    contract.completionReason = query.value(27).toString();
    if (!query.value(28).isNull())
        contract.archive = domain::ArchiveRecord{query.value(28).toString(), query.value(29).toString(),
                                                 dateOf(query.value(30)), dateOf(query.value(31))};
    contract.destroyedAt = query.value(32).toString();
    contract.destroyApprovedBy = optionalId(query.value(33));
    contract.version = query.value(34).toInt();
    contract.createdAt = query.value(35).toString();
    contract.updatedAt = query.value(36).toString();
    return contract;
}

void bindContract(SqlQuery &query, const Contract &contract)
{
    const auto &signing = contract.signing;
    const auto &termination = contract.termination;
    const auto &archive = contract.archive;
    const QVariant noText(QMetaType(QMetaType::QString));
    query.bind(":number", contract.number)
        .bind(":customer", contract.customerId)
        .bind(":title", contract.title)
        .bind(":owner", contract.ownerId)
        .bind(":drafter", contract.drafterId)
        .bind(":department", nullableId(contract.departmentId))
        .bind(":amount", static_cast<qint64>(contract.amount.minorUnits()))
        .bind(":currency", contract.amount.currency())
        .bind(":amount_cny", static_cast<qint64>(contract.amountCny.minorUnits()))
        .bind(":start", dateValue(contract.startDate))
        .bind(":end", dateValue(contract.endDate))
        .bind(":negotiation", nullableId(contract.negotiationId))
        .bind(":state", domain::contractStates().name(contract.state))
        .bind(":revision", contract.revision)
        .bind(":returned", contract.returnedRevision ? QVariant(*contract.returnedRevision) : QVariant(QMetaType(QMetaType::Int)))
        .bind(":contract_version", contract.contractVersion)
        .bind(":signed_on", signing ? dateValue(signing->date) : noText)
        .bind(":our_signatory", signing ? nullableId(signing->ourSignatory) : nullableId(std::nullopt))
        .bind(":their_signatory", signing ? QVariant(signing->theirSignatory) : noText)
        .bind(":seal", signing && signing->sealApplied ? 1 : 0)
        .bind(":termination_reason", termination ? QVariant(termination->reason) : noText)
        .bind(":notice_date", termination ? dateValue(termination->noticeDate) : noText)
        .bind(":legal_basis", termination ? QVariant(termination->legalBasis) : noText)
        .bind(":settlement", termination ? QVariant(termination->settlement) : noText)
        .bind(":completed_on", dateValue(contract.completedOn))
        .bind(":completion_reason", nullableText(contract.completionReason))
        .bind(":archive_number", archive ? QVariant(archive->archiveNumber) : noText)
        .bind(":archive_location", archive ? QVariant(archive->location) : noText)
        .bind(":archived_on", archive ? dateValue(archive->archivedOn) : noText)
        .bind(":retention_until", archive ? dateValue(archive->retentionUntil) : noText)
        .bind(":destroyed_at", nullableText(contract.destroyedAt))
        .bind(":destroy_approved_by", nullableId(contract.destroyApprovedBy));
}

const QString assignments = QStringLiteral(
    "number = :number, customer_id = :customer, title = :title, owner_id = :owner, drafter_id = :drafter, "
    "department_id = :department, amount_minor = :amount, currency = :currency, amount_cny_minor = :amount_cny, "
    "start_date = :start, end_date = :end, negotiation_id = :negotiation, state = :state, revision = :revision, "
    "returned_revision = :returned, contract_version = :contract_version, signed_on = :signed_on, "
    "our_signatory_id = :our_signatory, their_signatory = :their_signatory, seal_applied = :seal, "
    "termination_reason = :termination_reason, termination_notice_date = :notice_date, "
    "termination_legal_basis = :legal_basis, termination_settlement = :settlement, completed_on = :completed_on, "
    "completion_reason = :completion_reason, archive_number = :archive_number, archive_location = :archive_location, "
    "archived_on = :archived_on, retention_until = :retention_until, destroyed_at = :destroyed_at, "
    "destroy_approved_by = :destroy_approved_by");

domain::ClauseTexts readClauses(SqlQuery &query)
{
    query.exec();
    domain::ClauseTexts texts;
    while (query.next()) {
        if (const auto clause = domain::contractClauses().fromName(query.value(0).toString()))
            texts[*clause] = query.value(1).toString();
    }
    return texts;
}

} // namespace

int ContractRepository::nextSequence(int year)
{
    // One statement: the upsert takes the counter row's lock on PostgreSQL, so concurrent drafts
    // queue here and each sees the value the one before it committed.
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO contract_number_counters (year, last_sequence) VALUES (:year, 1) ON CONFLICT (year) DO UPDATE "
        "SET last_sequence = contract_number_counters.last_sequence + 1 RETURNING last_sequence"));
    query.bind(":year", year);
    return query.scalar().toInt();
}

qint64 ContractRepository::insert(const Contract &contract, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO contracts (number, customer_id, title, owner_id, drafter_id, department_id, amount_minor, currency, "
        "amount_cny_minor, start_date, end_date, negotiation_id, state, revision, returned_revision, contract_version, "
        "signed_on, our_signatory_id, their_signatory, seal_applied, termination_reason, termination_notice_date, "
        "termination_legal_basis, termination_settlement, completed_on, completion_reason, archive_number, "
        "archive_location, archived_on, retention_until, destroyed_at, destroy_approved_by, version, created_at, "
        "created_by, updated_at, updated_by) VALUES (:number, :customer, :title, :owner, :drafter, :department, "
        ":amount, :currency, :amount_cny, :start, :end, :negotiation, :state, :revision, :returned, :contract_version, "
        ":signed_on, :our_signatory, :their_signatory, :seal, :termination_reason, :notice_date, :legal_basis, "
        ":settlement, :completed_on, :completion_reason, :archive_number, :archive_location, :archived_on, "
        ":retention_until, :destroyed_at, :destroy_approved_by, 1, :now, :actor, :now2, :actor2) RETURNING id"));
    bindContract(query, contract);
    query.bind(":now", now).bind(":actor", actor).bind(":now2", now).bind(":actor2", actor);
    return query.insertReturningId();
}

int ContractRepository::update(const Contract &contract, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE contracts SET %1, version = version + 1, updated_at = :updated_at, "
                                              "updated_by = :updated_by WHERE id = :id AND version = :version")
                                   .arg(assignments));
    bindContract(query, contract);
    query.bind(":updated_at", now).bind(":updated_by", actor).bind(":id", contract.id).bind(":version", contract.version);
    query.exec();
    if (query.rowsAffected() != 1)
        throw domain::Error::conflict(QCoreApplication::translate("ContractRepository", "Contract %1 was changed by someone "
                                                                                        "else meanwhile; reload it and try again.")
                                          .arg(contract.number));
    return contract.version + 1;
}

std::optional<Contract> ContractRepository::find(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contracts k JOIN customers c ON c.id = k.customer_id "
                                              "JOIN users u ON u.id = k.owner_id WHERE k.id = :id")
                                   .arg(columns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    Contract contract = readContract(query);
    contract.clauses = clauses(id);
    return contract;
}

Contract ContractRepository::require(qint64 id) const
{
    if (auto found = find(id))
        return *found;
    throw domain::Error::notFound(QCoreApplication::translate("ContractRepository", "There is no contract #%1.").arg(id));
}

namespace {

/// The list's statement with its bound values, shared by list() and listPlan().
struct ListStatement
{
    QString sql;
    QList<std::pair<QString, QVariant>> values;

    SqlQuery prepare(Database &database, const QString &prefix = {}) const
    {
        SqlQuery query(database, prefix + sql);
        for (const auto &[name, value] : values)
            query.bind(name, value);
        return query;
    }
};

ListStatement listStatement(const ContractFilter &filter)
{
    ListStatement statement;
    QStringList where;
    const auto condition = [&](const QString &text, std::initializer_list<std::pair<QString, QVariant>> values) {
        where << text;
        for (const auto &value : values)
            statement.values << value;
    };
    if (filter.state)
        condition(QStringLiteral("k.state = :state"), {{QStringLiteral(":state"), domain::contractStates().name(*filter.state)}});
    if (filter.customer)
        condition(QStringLiteral("k.customer_id = :customer"), {{QStringLiteral(":customer"), *filter.customer}});
    if (filter.owner)
        condition(QStringLiteral("k.owner_id = :owner"), {{QStringLiteral(":owner"), *filter.owner}});
    const QString effective = domain::contractStates().name(domain::ContractState::Effective);
    // Walks contracts_end (state, end_date): only the contracts ending in the window.
    if (filter.endingFrom && filter.endingTo)
        condition(QStringLiteral("k.state = :ending_state AND k.end_date >= :ending_from AND k.end_date <= :ending_to"),
                  {{QStringLiteral(":ending_state"), effective},
                   {QStringLiteral(":ending_from"), filter.endingFrom->toString(Qt::ISODate)},
                   {QStringLiteral(":ending_to"), filter.endingTo->toString(Qt::ISODate)}});
    if (filter.overdueOn) // contracts_state (state, id), then contract_receivables_due_by_contract per contract
        condition(QStringLiteral("k.state = :overdue_state AND EXISTS (SELECT 1 FROM contract_receivables r WHERE r.contract_id = k.id "
                                 "AND r.due_date < :overdue_on AND r.amount_minor > (SELECT COALESCE(SUM(p.amount_minor), 0) "
                                 "FROM contract_payments p WHERE p.receivable_id = r.id))"),
                  {{QStringLiteral(":overdue_state"), effective},
                   {QStringLiteral(":overdue_on"), filter.overdueOn->toString(Qt::ISODate)}});
    // Walks contracts_retention (state, retention_until): only the archived ones past retention.
    if (filter.retentionEndedBy)
        condition(QStringLiteral("k.state = :archived_state AND k.retention_until <= :retention_by"),
                  {{QStringLiteral(":archived_state"), domain::contractStates().name(domain::ContractState::Archived)},
                   {QStringLiteral(":retention_by"), filter.retentionEndedBy->toString(Qt::ISODate)}});
    if (filter.beforeId)
        condition(QStringLiteral("k.id < :before"), {{QStringLiteral(":before"), *filter.beforeId}});
    if (filter.restricted) {
        QStringList visible;
        QStringList departments;
        for (int i = 0; i < filter.departments.size(); ++i) {
            departments << QStringLiteral(":dept%1").arg(i);
            statement.values << std::pair{departments.last(), QVariant(filter.departments[i])};
        }
        if (!departments.isEmpty())
            visible << QStringLiteral("k.department_id IN (%1)").arg(departments.join(QLatin1Char(',')));
        if (filter.alsoOwnedBy) {
            visible << QStringLiteral("k.owner_id = :mine") << QStringLiteral("k.drafter_id = :mine2");
            statement.values << std::pair{QStringLiteral(":mine"), QVariant(*filter.alsoOwnedBy)}
                             << std::pair{QStringLiteral(":mine2"), QVariant(*filter.alsoOwnedBy)};
        }
        where << (visible.isEmpty() ? QStringLiteral("1 = 0") : QStringLiteral("(%1)").arg(visible.join(QStringLiteral(" OR "))));
    }
    statement.sql = QStringLiteral("SELECT %1 FROM contracts k JOIN customers c ON c.id = k.customer_id "
                                   "JOIN users u ON u.id = k.owner_id %2 ORDER BY %3 DESC LIMIT :limit")
                        .arg(columns, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")),
                             // Ending soon is a small set: sorting it is cheaper than walking every
                             // contract in id order to find it, and "+" tells the planner so.
                             filter.endingFrom || filter.retentionEndedBy ? QStringLiteral("+k.id") : QStringLiteral("k.id"));
    statement.values << std::pair{QStringLiteral(":limit"), QVariant(filter.limit)};
    return statement;
}

} // namespace

QList<domain::ContractListRow> ContractRepository::list(const ContractFilter &filter) const
{
    SqlQuery query = listStatement(filter).prepare(m_database);
    query.exec();
    QList<domain::ContractListRow> rows;
    while (query.next())
        rows << domain::ContractListRow{readContract(query), query.value(37).toString()};
    return rows;
}

QString ContractRepository::listPlan(const ContractFilter &filter) const
{
    SqlQuery query = listStatement(filter).prepare(m_database, QStringLiteral("EXPLAIN QUERY PLAN "));
    query.exec();
    QStringList lines;
    while (query.next())
        lines << query.value(3).toString();
    return lines.join(QLatin1Char('\n'));
}

void ContractRepository::setClause(qint64 contractId, domain::ContractClause clause, const QString &text)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO contract_clauses (contract_id, clause, body) VALUES (:id, :clause, :body) "
                                        "ON CONFLICT (contract_id, clause) DO UPDATE SET body = excluded.body"))
        .bind(":id", contractId)
        .bind(":clause", domain::contractClauses().name(clause))
        .bind(":body", requiredText(text))
        .exec();
}

domain::ClauseTexts ContractRepository::clauses(qint64 contractId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT clause, body FROM contract_clauses WHERE contract_id = :id"));
    query.bind(":id", contractId);
    return readClauses(query);
}

void ContractRepository::snapshotRevision(qint64 contractId, int revision, const domain::ClauseTexts &texts)
{
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        SqlQuery(m_database, QStringLiteral("INSERT INTO contract_clause_revisions (contract_id, revision, clause, body) "
                                            "VALUES (:id, :revision, :clause, :body) ON CONFLICT (contract_id, revision, "
                                            "clause) DO UPDATE SET body = excluded.body"))
            .bind(":id", contractId)
            .bind(":revision", revision)
            .bind(":clause", domain::contractClauses().name(it.key()))
            .bind(":body", requiredText(it.value()))
            .exec();
}

domain::ClauseTexts ContractRepository::revisionClauses(qint64 contractId, int revision) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT clause, body FROM contract_clause_revisions WHERE contract_id = :id "
                                              "AND revision = :revision"));
    query.bind(":id", contractId).bind(":revision", revision);
    return readClauses(query);
}

std::optional<qint64> ContractRepository::rateMicros(const QString &currency) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT rate_micros FROM exchange_rates WHERE currency = :currency"));
    query.bind(":currency", currency).exec();
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

void ContractRepository::setRate(const QString &currency, qint64 micros, const QString &now, domain::UserId actor)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO exchange_rates (currency, rate_micros, updated_at, updated_by) VALUES "
                                        "(:currency, :rate, :now, :actor) ON CONFLICT (currency) DO UPDATE SET rate_micros = "
                                        "excluded.rate_micros, updated_at = excluded.updated_at, updated_by = excluded.updated_by"))
        .bind(":currency", currency)
        .bind(":rate", micros)
        .bind(":now", now)
        .bind(":actor", actor)
        .exec();
}

namespace {

QList<ContractReminderRow> readReminders(SqlQuery &query)
{
    query.exec();
    QList<ContractReminderRow> rows;
    while (query.next())
        rows << ContractReminderRow{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                    dateOf(query.value(3)), optionalId(query.value(4)), query.value(5).toString()};
    return rows;
}

} // namespace

QList<ContractReminderRow> ContractRepository::endingBetween(domain::UserId owner, const QDate &from, const QDate &to) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, number, title, end_date, NULL, '' FROM contracts WHERE state = "
                                              "'effective' AND end_date >= :from AND end_date <= :to AND owner_id = :owner "
                                              "ORDER BY end_date LIMIT 500"));
    query.bind(":from", from.toString(Qt::ISODate)).bind(":to", to.toString(Qt::ISODate)).bind(":owner", owner);
    return readReminders(query);
}

QList<ContractReminderRow> ContractRepository::overdueMilestones(domain::UserId owner, const QDate &today) const
{
    // The owner's effective contracts first (contracts_owner_end), then each one's open milestones
    // (contract_milestones_open_by_contract): the work grows with the owner's contracts, never
    // with every overdue milestone of the company. CROSS JOIN keeps that order on SQLite.
    SqlQuery query(m_database, QStringLiteral("SELECT k.id, k.number, k.title, m.due_date, m.id, m.kind FROM contracts k "
                                              "CROSS JOIN contract_milestones m WHERE m.contract_id = k.id AND k.owner_id = :owner "
                                              "AND k.state = 'effective' AND m.done_on IS NULL AND m.due_date < :today "
                                              "ORDER BY m.due_date LIMIT 500"));
    query.bind(":today", today.toString(Qt::ISODate)).bind(":owner", owner);
    return readReminders(query);
}

QList<ContractReminderRow> ContractRepository::openCopies(const QStringList &recipients, std::optional<domain::DepartmentId> department) const
{
    QStringList conditions;
    for (int i = 0; i < recipients.size(); ++i)
        conditions << QStringLiteral("p.recipient = :r%1").arg(i);
    if (department)
        conditions << QStringLiteral("(p.recipient = 'delivery' AND p.delivery_department_id = :department)");
    if (conditions.isEmpty())
        return {};
    SqlQuery query(m_database, QStringLiteral("SELECT k.id, k.number, k.title, k.signed_on, NULL, p.recipient FROM contract_copies p "
                                              "JOIN contracts k ON k.id = p.contract_id WHERE p.acknowledged_at IS NULL AND (%1) "
                                              "ORDER BY k.id LIMIT 500")
                                   .arg(conditions.join(QStringLiteral(" OR "))));
    for (int i = 0; i < recipients.size(); ++i)
        query.bind(QStringLiteral(":r%1").arg(i), recipients[i]);
    if (department)
        query.bind(":department", *department);
    return readReminders(query);
}

QList<ContractReminderRow> ContractRepository::retentionExpired(const QDate &today, int limit) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, number, title, retention_until, NULL, '' FROM contracts WHERE state = "
                                              "'archived' AND retention_until <= :today ORDER BY retention_until LIMIT :limit"));
    query.bind(":today", today.toString(Qt::ISODate)).bind(":limit", limit);
    return readReminders(query);
}

} // namespace bizdesk::storage
