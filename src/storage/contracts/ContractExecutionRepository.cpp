#include "storage/contracts/ContractExecutionRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

namespace bizdesk::storage {
namespace {

using domain::Money;

QDate dateOf(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QVariant optionalMinor(const std::optional<Money> &amount)
{
    return amount ? QVariant(static_cast<qint64>(amount->minorUnits())) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<Money> moneyOf(const QVariant &value, const QString &currency)
{
    if (value.isNull())
        return std::nullopt;
    return Money::fromMinor(value.toLongLong(), currency);
}

/// Amounts of the execution tables are in the contract's currency.
QString currencyOf(Database &database, qint64 contractId)
{
    SqlQuery query(database, QStringLiteral("SELECT currency FROM contracts WHERE id = :id"));
    query.bind(":id", contractId);
    const QVariant currency = query.scalar();
    return currency.isValid() ? currency.toString() : Money::defaultCurrency();
}

domain::Milestone readMilestone(const SqlQuery &query, const QString &currency)
{
    domain::Milestone milestone;
    milestone.id = query.value(0).toLongLong();
    milestone.contractId = query.value(1).toLongLong();
    milestone.kind = domain::Milestone::kindFromName(query.value(2).toString()).value_or(domain::Milestone::Kind::Delivery);
    milestone.due = dateOf(query.value(3));
    milestone.amount = moneyOf(query.value(4), currency);
    milestone.doneOn = dateOf(query.value(5));
    return milestone;
}

const QString milestoneColumns = QStringLiteral("id, contract_id, kind, due_date, amount_minor, done_on");

} // namespace

void ContractExecutionRepository::addCopy(qint64 contractId, const domain::ContractCopy &copy)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO contract_copies (contract_id, recipient, delivery_department_id) VALUES "
                                        "(:contract, :recipient, :department)"))
        .bind(":contract", contractId)
        .bind(":recipient", domain::ContractCopy::recipientName(copy.recipient))
        .bind(":department", nullableId(copy.deliveryDepartment))
        .exec();
}

QList<domain::ContractCopy> ContractExecutionRepository::copies(qint64 contractId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, recipient, delivery_department_id, acknowledged_at, acknowledged_by "
                                              "FROM contract_copies WHERE contract_id = :contract ORDER BY id"));
    query.bind(":contract", contractId).exec();
    QList<domain::ContractCopy> copies;
    while (query.next()) {
        domain::ContractCopy copy;
        copy.id = query.value(0).toLongLong();
        copy.recipient = domain::ContractCopy::recipientFromName(query.value(1).toString()).value_or(domain::ContractCopy::Recipient::Legal);
        copy.deliveryDepartment = optionalId(query.value(2));
        copy.acknowledgedAt = query.value(3).toString();
        copy.acknowledgedBy = optionalId(query.value(4));
        copies << copy;
    }
    return copies;
}

bool ContractExecutionRepository::acknowledge(qint64 contractId, domain::ContractCopy::Recipient recipient, domain::UserId by,
                                              const QString &at)
{
    SqlQuery query(m_database, QStringLiteral("UPDATE contract_copies SET acknowledged_at = :at, acknowledged_by = :by WHERE "
                                              "contract_id = :contract AND recipient = :recipient AND acknowledged_at IS NULL"));
    query.bind(":at", at).bind(":by", by).bind(":contract", contractId)
        .bind(":recipient", domain::ContractCopy::recipientName(recipient)).exec();
    return query.rowsAffected() == 1;
}

qint64 ContractExecutionRepository::addMilestone(const domain::Milestone &milestone, const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_milestones (contract_id, kind, due_date, amount_minor, "
                                               "created_at, created_by) VALUES (:contract, :kind, :due, :amount, :now, :actor) "
                                               "RETURNING id"))
        .bind(":contract", milestone.contractId)
        .bind(":kind", domain::Milestone::kindName(milestone.kind))
        .bind(":due", isoDate(milestone.due))
        .bind(":amount", optionalMinor(milestone.amount))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<domain::Milestone> ContractExecutionRepository::milestones(qint64 contractId) const
{
    const QString currency = currencyOf(m_database, contractId);
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contract_milestones WHERE contract_id = :contract ORDER BY due_date, id")
                                   .arg(milestoneColumns));
    query.bind(":contract", contractId).exec();
    QList<domain::Milestone> milestones;
    while (query.next())
        milestones << readMilestone(query, currency);
    return milestones;
}

std::optional<domain::Milestone> ContractExecutionRepository::milestone(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contract_milestones WHERE id = :id").arg(milestoneColumns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    domain::Milestone found = readMilestone(query, Money::defaultCurrency());
    if (found.amount)
        found.amount = Money::fromMinor(found.amount->minorUnits(), currencyOf(m_database, found.contractId));
    return found;
}

void ContractExecutionRepository::markMilestoneDone(qint64 id, const QDate &doneOn, domain::UserId actor)
{
    SqlQuery(m_database, QStringLiteral("UPDATE contract_milestones SET done_on = :done, done_by = :actor WHERE id = :id"))
        .bind(":done", isoDate(doneOn))
        .bind(":actor", actor)
        .bind(":id", id)
        .exec();
}

qint64 ContractExecutionRepository::addReceivable(const domain::Receivable &receivable, const QString &now, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_receivables (contract_id, due_date, amount_minor, "
                                               "created_at, created_by) VALUES (:contract, :due, :amount, :now, :actor) RETURNING id"))
        .bind(":contract", receivable.contractId)
        .bind(":due", isoDate(receivable.due))
        .bind(":amount", static_cast<qint64>(receivable.amount.minorUnits()))
        .bind(":now", now)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<domain::Receivable> ContractExecutionRepository::receivables(qint64 contractId) const
{
    const QString currency = currencyOf(m_database, contractId);
    SqlQuery query(m_database, QStringLiteral(
        "SELECT r.id, r.due_date, r.amount_minor, (SELECT COALESCE(SUM(p.amount_minor), 0) FROM contract_payments p WHERE "
        "p.receivable_id = r.id) FROM contract_receivables r WHERE r.contract_id = :contract ORDER BY r.due_date, r.id"));
    query.bind(":contract", contractId).exec();
    QList<domain::Receivable> plan;
    while (query.next())
        plan << domain::Receivable{query.value(0).toLongLong(), contractId, dateOf(query.value(1)),
                                   Money::fromMinor(query.value(2).toLongLong(), currency),
                                   Money::fromMinor(query.value(3).toLongLong(), currency)};
    return plan;
}

qint64 ContractExecutionRepository::addPayment(const domain::Payment &payment, const QString &now)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_payments (contract_id, receivable_id, paid_on, amount_minor, "
                                               "method, recorded_at, recorded_by) VALUES (:contract, :receivable, :paid, :amount, "
                                               ":method, :now, :actor) RETURNING id"))
        .bind(":contract", payment.contractId)
        .bind(":receivable", nullableId(payment.receivableId))
        .bind(":paid", isoDate(payment.date))
        .bind(":amount", static_cast<qint64>(payment.amount.minorUnits()))
        .bind(":method", requiredText(payment.method))
        .bind(":now", now)
        .bind(":actor", payment.recordedBy)
        .insertReturningId();
}

QList<domain::Payment> ContractExecutionRepository::payments(qint64 contractId) const
{
    const QString currency = currencyOf(m_database, contractId);
    SqlQuery query(m_database, QStringLiteral("SELECT id, receivable_id, paid_on, amount_minor, method, recorded_by FROM "
                                              "contract_payments WHERE contract_id = :contract ORDER BY paid_on, id"));
    query.bind(":contract", contractId).exec();
    QList<domain::Payment> payments;
    while (query.next())
        payments << domain::Payment{query.value(0).toLongLong(), contractId, optionalId(query.value(1)), dateOf(query.value(2)),
                                    Money::fromMinor(query.value(3).toLongLong(), currency), query.value(4).toString(),
                                    query.value(5).toLongLong()};
    return payments;
}

qint64 ContractExecutionRepository::addChange(qint64 contractId, const domain::ChangeAgreement &agreement)
{
    const qint64 id = SqlQuery(m_database, QStringLiteral(
        "INSERT INTO contract_changes (contract_id, contract_version, content, reason, effective_date, amount_before_minor, "
        "amount_after_minor, created_at, created_by) VALUES (:contract, :version, :content, :reason, :effective, :before, "
        ":after, :now, :actor) RETURNING id"))
        .bind(":contract", contractId)
        .bind(":version", agreement.contractVersion)
        .bind(":content", agreement.content)
        .bind(":reason", agreement.reason)
        .bind(":effective", isoDate(agreement.effective))
        .bind(":before", optionalMinor(agreement.amountBefore))
        .bind(":after", optionalMinor(agreement.amountAfter))
        .bind(":now", agreement.createdAt)
        .bind(":actor", agreement.createdBy)
        .insertReturningId();
    for (const domain::ClauseChange &change : agreement.clauseChanges)
        SqlQuery(m_database, QStringLiteral("INSERT INTO contract_change_clauses (change_id, clause, body_before, body_after) "
                                            "VALUES (:change, :clause, :before, :after)"))
            .bind(":change", id)
            .bind(":clause", domain::contractClauses().name(change.clause))
            .bind(":before", requiredText(change.before))
            .bind(":after", requiredText(change.after))
            .exec();
    return id;
}

QList<domain::ChangeAgreement> ContractExecutionRepository::changes(qint64 contractId) const
{
    const QString currency = currencyOf(m_database, contractId);
    SqlQuery query(m_database, QStringLiteral("SELECT id, contract_version, content, reason, effective_date, amount_before_minor, "
                                              "amount_after_minor, created_at, created_by FROM contract_changes WHERE "
                                              "contract_id = :contract ORDER BY contract_version"));
    query.bind(":contract", contractId).exec();
    QList<domain::ChangeAgreement> agreements;
    while (query.next()) {
        domain::ChangeAgreement agreement;
        agreement.id = query.value(0).toLongLong();
        agreement.contractVersion = query.value(1).toInt();
        agreement.content = query.value(2).toString();
        agreement.reason = query.value(3).toString();
        agreement.effective = dateOf(query.value(4));
        agreement.amountBefore = moneyOf(query.value(5), currency);
        agreement.amountAfter = moneyOf(query.value(6), currency);
        agreement.createdAt = query.value(7).toString();
        agreement.createdBy = query.value(8).toLongLong();
        agreements << agreement;
    }
    for (domain::ChangeAgreement &agreement : agreements) {
        SqlQuery clauses(m_database, QStringLiteral("SELECT clause, body_before, body_after FROM contract_change_clauses WHERE "
                                                    "change_id = :change"));
        clauses.bind(":change", agreement.id).exec();
        while (clauses.next()) {
            if (const auto clause = domain::contractClauses().fromName(clauses.value(0).toString()))
                agreement.clauseChanges << domain::ClauseChange{*clause, clauses.value(1).toString(), clauses.value(2).toString()};
        }
    }
    return agreements;
}

qint64 ContractExecutionRepository::addComment(qint64 contractId, const domain::ReviewComment &comment)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_review_comments (contract_id, revision, clause, body, "
                                               "author_id, created_at) VALUES (:contract, :revision, :clause, :body, :author, "
                                               ":at) RETURNING id"))
        .bind(":contract", contractId)
        .bind(":revision", comment.revision)
        .bind(":clause", nullableText(comment.clause))
        .bind(":body", comment.body)
        .bind(":author", comment.authorId)
        .bind(":at", comment.createdAt)
        .insertReturningId();
}

QList<domain::ReviewComment> ContractExecutionRepository::comments(qint64 contractId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT c.id, c.revision, c.clause, c.body, c.author_id, u.display_name, "
                                              "c.created_at FROM contract_review_comments c JOIN users u ON u.id = c.author_id "
                                              "WHERE c.contract_id = :contract ORDER BY c.id"));
    query.bind(":contract", contractId).exec();
    QList<domain::ReviewComment> comments;
    while (query.next())
        comments << domain::ReviewComment{query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toString(),
                                  query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toString(),
                                  query.value(6).toString()};
    return comments;
}

qint64 ContractExecutionRepository::addIssue(qint64 contractId, const domain::ContractIssue &issue, domain::UserId actor)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_issues (contract_id, kind, description, status, resolution, "
                                               "opened_at, opened_by) VALUES (:contract, :kind, :description, :status, "
                                               ":resolution, :at, :actor) RETURNING id"))
        .bind(":contract", contractId)
        .bind(":kind", issue.kind)
        .bind(":description", requiredText(issue.description))
        .bind(":status", issue.status)
        .bind(":resolution", nullableText(issue.resolution))
        .bind(":at", issue.openedAt)
        .bind(":actor", actor)
        .insertReturningId();
}

QList<domain::ContractIssue> ContractExecutionRepository::issues(qint64 contractId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT id, kind, description, status, resolution, opened_at FROM contract_issues "
                                              "WHERE contract_id = :contract ORDER BY id"));
    query.bind(":contract", contractId).exec();
    QList<domain::ContractIssue> issues;
    while (query.next())
        issues << domain::ContractIssue{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toString(), query.value(4).toString(), query.value(5).toString()};
    return issues;
}

void ContractExecutionRepository::setSatisfaction(qint64 contractId, int score, const QString &comment, const QString &now,
                                                  domain::UserId actor)
{
    SqlQuery(m_database, QStringLiteral("INSERT INTO contract_satisfaction (contract_id, score, comment, recorded_at, recorded_by) "
                                        "VALUES (:contract, :score, :comment, :now, :actor) ON CONFLICT (contract_id) DO UPDATE "
                                        "SET score = excluded.score, comment = excluded.comment, recorded_at = "
                                        "excluded.recorded_at, recorded_by = excluded.recorded_by"))
        .bind(":contract", contractId)
        .bind(":score", score)
        .bind(":comment", requiredText(comment))
        .bind(":now", now)
        .bind(":actor", actor)
        .exec();
}

std::optional<std::pair<int, QString>> ContractExecutionRepository::satisfaction(qint64 contractId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT score, comment FROM contract_satisfaction WHERE contract_id = :contract"));
    query.bind(":contract", contractId).exec();
    if (!query.next())
        return std::nullopt;
    return std::pair{query.value(0).toInt(), query.value(1).toString()};
}

void ContractExecutionRepository::removeAttachmentContents(qint64 contractId)
{
    SqlQuery(m_database, QStringLiteral("UPDATE contract_attachments SET content = NULL WHERE contract_id = :id"))
        .bind(":id", contractId)
        .exec();
}

} // namespace bizdesk::storage
