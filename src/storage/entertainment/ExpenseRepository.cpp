#include "storage/entertainment/ExpenseRepository.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/SqlValues.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::storage {
namespace {

using domain::ExpenseRequest;
using domain::Money;

const QString columns = QStringLiteral(
    "r.id, r.applicant_id, r.department_id, r.category, r.reason, r.event_at, r.place, r.participants, r.headcount, "
    "r.estimate_minor, r.currency, r.customer_id, r.negotiation_id, r.contract_id, r.over_budget, "
    "r.over_budget_explanation, r.state, r.actual_minor, r.receipt_count, r.claim_explanation, r.claimed_at, r.late, "
    "r.overrun, r.version, r.created_at, r.updated_at, c.class");

ExpenseRequest readRequest(const SqlQuery &query)
{
    ExpenseRequest request;
    request.id = query.value(0).toLongLong();
    request.applicantId = query.value(1).toLongLong();
    request.departmentId = optionalId(query.value(2));
    request.category = domain::expenseCategoryFromName(query.value(3).toString()).value_or(domain::ExpenseCategory::Other);
    request.reason = query.value(4).toString();
    request.eventAt = domain::fromStorageTimestamp(query.value(5).toString());
    request.place = query.value(6).toString();
    request.participants = query.value(7).toString();
    request.headcount = query.value(8).toInt();
    const QString currency = query.value(10).toString();
    request.estimate = Money::fromMinor(query.value(9).toLongLong(), currency);
    request.customerId = optionalId(query.value(11));
    request.negotiationId = optionalId(query.value(12));
    request.contractId = optionalId(query.value(13));
    request.overBudget = query.value(14).toInt() != 0;
    request.overBudgetExplanation = query.value(15).toString();
    request.state = domain::expenseStateFromName(query.value(16).toString()).value_or(domain::ExpenseState::Draft);
    if (!query.value(17).isNull())
        request.actual = Money::fromMinor(query.value(17).toLongLong(), currency);
    request.receiptCount = query.value(18).toInt();
    request.claimExplanation = query.value(19).toString();
    request.claimedAt = query.value(20).toString();
    request.late = query.value(21).toInt() != 0;
    request.overrun = query.value(22).toInt() != 0;
    request.version = query.value(23).toInt();
    request.createdAt = query.value(24).toString();
    request.updatedAt = query.value(25).toString();
    request.customerClass = query.value(26).toString();
    return request;
}

void bindRequest(SqlQuery &query, const ExpenseRequest &request)
{
    query.bind(":applicant", request.applicantId)
        .bind(":department", nullableId(request.departmentId))
        .bind(":category", domain::expenseCategoryName(request.category))
        .bind(":reason", request.reason)
        .bind(":event_at", domain::toStorageTimestamp(request.eventAt))
        .bind(":place", request.place)
        // Guests may be empty when staff take part; an empty text, not NULL.
        .bind(":participants", request.participants.isNull() ? QStringLiteral("") : request.participants)
        .bind(":headcount", request.headcount)
        .bind(":estimate", qint64(request.estimate.minorUnits()))
        .bind(":currency", request.estimate.currency())
        .bind(":customer", nullableId(request.customerId))
        .bind(":negotiation", nullableId(request.negotiationId))
        .bind(":contract", nullableId(request.contractId))
        .bind(":over_budget", request.overBudget ? 1 : 0)
        .bind(":over_budget_explanation", nullableText(request.overBudgetExplanation))
        .bind(":state", domain::expenseStateName(request.state))
        .bind(":actual", request.actual ? QVariant(qint64(request.actual->minorUnits())) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(":receipts", request.receiptCount)
        .bind(":claim_explanation", nullableText(request.claimExplanation))
        .bind(":claimed_at", nullableText(request.claimedAt))
        .bind(":late", request.late ? 1 : 0)
        .bind(":overrun", request.overrun ? 1 : 0);
}

} // namespace

qint64 ExpenseRepository::insert(const ExpenseRequest &request, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO entertainment_requests (applicant_id, department_id, category, reason, event_at, place, participants, "
        "headcount, estimate_minor, currency, customer_id, negotiation_id, contract_id, over_budget, "
        "over_budget_explanation, state, actual_minor, receipt_count, claim_explanation, claimed_at, late, overrun, "
        "version, created_at, created_by, updated_at, updated_by) VALUES (:applicant, :department, :category, :reason, "
        ":event_at, :place, :participants, :headcount, :estimate, :currency, :customer, :negotiation, :contract, "
        ":over_budget, :over_budget_explanation, :state, :actual, :receipts, :claim_explanation, :claimed_at, :late, "
        ":overrun, 1, :created_at, :created_by, :updated_at, :updated_by) RETURNING id"));
    bindRequest(query, request);
    query.bind(":created_at", now).bind(":created_by", actor).bind(":updated_at", now).bind(":updated_by", actor);
    return query.insertReturningId();
}

int ExpenseRepository::update(const ExpenseRequest &request, const QString &now, domain::UserId actor)
{
    SqlQuery query(m_database, QStringLiteral(
        "UPDATE entertainment_requests SET applicant_id = :applicant, department_id = :department, category = :category, "
        "reason = :reason, event_at = :event_at, place = :place, participants = :participants, headcount = :headcount, "
        "estimate_minor = :estimate, currency = :currency, customer_id = :customer, negotiation_id = :negotiation, "
        "contract_id = :contract, over_budget = :over_budget, over_budget_explanation = :over_budget_explanation, "
        "state = :state, actual_minor = :actual, receipt_count = :receipts, claim_explanation = :claim_explanation, "
        "claimed_at = :claimed_at, late = :late, overrun = :overrun, version = version + 1, updated_at = :updated_at, "
        "updated_by = :updated_by WHERE id = :id AND version = :version"));
    bindRequest(query, request);
    query.bind(":updated_at", now).bind(":updated_by", actor).bind(":id", request.id).bind(":version", request.version);
    query.exec();
    if (query.rowsAffected() != 1)
        throw domain::Error::conflict(QCoreApplication::translate("ExpenseRepository",
                                                                  "Entertainment request #%1 was changed by someone else "
                                                                  "meanwhile; reload it and try again.")
                                          .arg(request.id));
    return request.version + 1;
}

std::optional<ExpenseRequest> ExpenseRepository::find(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM entertainment_requests r LEFT JOIN customers c ON "
                                              "c.id = r.customer_id WHERE r.id = :id").arg(columns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    ExpenseRequest request = readRequest(query);
    for (const ExpenseStaff &member : staff(id))
        request.staff << member.id;
    return request;
}

QList<ExpenseStaff> ExpenseRepository::staff(qint64 requestId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT u.id, u.login, u.display_name FROM entertainment_participants p "
                                              "JOIN users u ON u.id = p.user_id WHERE p.request_id = :request "
                                              "ORDER BY p.position"));
    query.bind(":request", requestId).exec();
    QList<ExpenseStaff> members;
    while (query.next())
        members << ExpenseStaff{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()};
    return members;
}

void ExpenseRepository::replaceStaff(qint64 requestId, const QList<domain::UserId> &staff)
{
    SqlQuery remove(m_database, QStringLiteral("DELETE FROM entertainment_participants WHERE request_id = :request"));
    remove.bind(":request", requestId).exec();
    SqlQuery insert(m_database, QStringLiteral("INSERT INTO entertainment_participants (request_id, user_id, position) "
                                               "VALUES (:request, :user, :position)"));
    int position = 0;
    for (const domain::UserId user : staff) {
        insert.bind(":request", requestId).bind(":user", user).bind(":position", position++);
        insert.exec();
    }
}

ExpenseRequest ExpenseRepository::require(qint64 id) const
{
    if (auto request = find(id))
        return *request;
    throw domain::Error::notFound(QCoreApplication::translate("ExpenseRepository", "There is no entertainment request #%1.").arg(id));
}

QList<ExpenseListRow> ExpenseRepository::list(const ExpenseFilter &filter) const
{
    QList<ExpenseListRow> rows;
    runList(filter, {}, [&rows](SqlQuery &query) {
        while (query.next()) {
            ExpenseListRow row;
            row.request = readRequest(query);
            row.applicantName = query.value(27).toString();
            row.applicantLogin = query.value(28).toString();
            row.departmentName = query.value(29).toString();
            row.customerName = query.value(30).toString();
            rows << row;
        }
    });
    return rows;
}

QStringList ExpenseRepository::queryPlan(const ExpenseFilter &filter) const
{
    const bool sqlite = m_database.backend() == Backend::Sqlite;
    QStringList plan;
    runList(filter, sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN "), [&](SqlQuery &query) {
        while (query.next())
            plan << query.value(sqlite ? 3 : 0).toString();
    });
    return plan;
}

void ExpenseRepository::runList(const ExpenseFilter &filter, const QString &prefix,
                                const std::function<void(SqlQuery &)> &read) const
{
    // An empty list of ids matches nothing: not asked at all (a "WHERE 1 = 0" is still planned as a scan).
    if (filter.ids && filter.ids->isEmpty())
        return;
    QStringList where;
    QStringList viewers{QStringLiteral(":viewer")};
    for (int i = 0; i < filter.actingFor.size(); ++i)
        viewers << QStringLiteral(":acting%1").arg(i);
    const QString own = QStringLiteral("r.applicant_id IN (%1)").arg(viewers.join(QStringLiteral(", ")));
    switch (filter.scope) {
    case ExpenseFilter::Scope::All:
        break;
    case ExpenseFilter::Scope::Department:
        where << (filter.viewerDepartment ? QStringLiteral("(%1 OR r.department_id = :viewer_department)").arg(own) : own);
        break;
    case ExpenseFilter::Scope::Own:
        where << own;
        break;
    }
    if (filter.state)
        where << QStringLiteral("r.state = :state");
    if (filter.applicant)
        where << QStringLiteral("r.applicant_id = :applicant");
    if (filter.department)
        where << QStringLiteral("r.department_id = :department");
    if (filter.customer)
        where << QStringLiteral("r.customer_id = :customer");
    if (!filter.eventFrom.isEmpty())
        where << QStringLiteral("r.event_at >= :from");
    if (!filter.eventTo.isEmpty())
        where << QStringLiteral("r.event_at < :to");
    QStringList idPlaceholders;
    if (filter.ids) {
        for (int i = 0; i < filter.ids->size(); ++i)
            idPlaceholders << QStringLiteral(":id%1").arg(i);
        where << (idPlaceholders.isEmpty() ? QStringLiteral("1 = 0")
                                           : QStringLiteral("r.id IN (%1)").arg(idPlaceholders.join(QStringLiteral(", "))));
    }
    QStringList draftPlaceholders;
    if (filter.draftsOf) {
        for (int i = 0; i < filter.draftsOf->size(); ++i)
            draftPlaceholders << QStringLiteral(":draft_of%1").arg(i);
        // A draft never submitted is its applicant's alone; one returned for correction was
        // submitted before and stays visible to whoever saw it then.
        where << QStringLiteral("(r.state <> 'draft'%1 OR EXISTS (SELECT 1 FROM workflow_transitions t WHERE "
                                "t.entity_kind = 'expense' AND t.entity_id = r.id AND t.action = 'submit'))")
                     .arg(draftPlaceholders.isEmpty()
                              ? QString()
                              : QStringLiteral(" OR r.applicant_id IN (%1)").arg(draftPlaceholders.join(QStringLiteral(", "))));
    }
    const QString sql = QStringLiteral(
        "SELECT %1, u.display_name, u.login, d.name, c.name FROM entertainment_requests r "
        "JOIN users u ON u.id = r.applicant_id LEFT JOIN departments d ON d.id = r.department_id "
        "LEFT JOIN customers c ON c.id = r.customer_id %2 ORDER BY r.event_at DESC, r.id DESC LIMIT %3")
        .arg(columns, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")))
        .arg(qMax(1, filter.limit));
    SqlQuery query(m_database, prefix + sql);
    if (filter.scope != ExpenseFilter::Scope::All) {
        query.bind(":viewer", filter.viewer);
        for (int i = 0; i < filter.actingFor.size(); ++i)
            query.bind(QStringLiteral(":acting%1").arg(i), filter.actingFor.at(i));
        if (filter.scope == ExpenseFilter::Scope::Department && filter.viewerDepartment)
            query.bind(":viewer_department", *filter.viewerDepartment);
    }
    if (filter.state)
        query.bind(":state", domain::expenseStateName(*filter.state));
    if (filter.applicant)
        query.bind(":applicant", *filter.applicant);
    if (filter.department)
        query.bind(":department", *filter.department);
    if (filter.customer)
        query.bind(":customer", *filter.customer);
    if (!filter.eventFrom.isEmpty())
        query.bind(":from", filter.eventFrom);
    if (!filter.eventTo.isEmpty())
        query.bind(":to", filter.eventTo);
    for (int i = 0; i < idPlaceholders.size(); ++i)
        query.bind(idPlaceholders[i], filter.ids->at(i));
    for (int i = 0; i < draftPlaceholders.size(); ++i)
        query.bind(draftPlaceholders[i], filter.draftsOf->at(i));
    query.exec();
    read(query);
}

std::optional<ExpenseListRow> ExpenseRepository::row(qint64 id) const
{
    ExpenseFilter filter;
    filter.scope = ExpenseFilter::Scope::All;
    filter.ids = QList<qint64>{id};
    const auto rows = list(filter);
    if (rows.isEmpty())
        return std::nullopt;
    ExpenseListRow found = rows.first();
    found.staff = staff(id);
    for (const ExpenseStaff &member : found.staff)
        found.request.staff << member.id;
    return found;
}

domain::Money ExpenseRepository::departmentSpending(domain::DepartmentId department, const QString &from, const QString &to,
                                                    std::optional<qint64> exclude) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT COALESCE(SUM(COALESCE(actual_minor, estimate_minor)), 0) FROM entertainment_requests "
        "WHERE department_id = :department AND event_at >= :from AND event_at < :to AND id <> :exclude AND state IN "
        "('pending_dept_review', 'pending_superior_approval', 'pending_executive_approval', 'approved', "
        "'pending_overrun_approval', 'pending_finance_review', 'reimbursed')"));
    query.bind(":department", department).bind(":from", from).bind(":to", to).bind(":exclude", exclude.value_or(0));
    return Money::fromMinor(query.scalar().toLongLong());
}

bool ExpenseRepository::wasSubmitted(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT count(*) FROM workflow_transitions WHERE entity_kind = 'expense' "
                                              "AND entity_id = :id AND action = 'submit'"));
    return query.bind(":id", id).scalar().toLongLong() > 0;
}

void ExpenseRepository::lockBudget(domain::DepartmentId department, const QString &month)
{
    const QString statement = m_database.dialect().transactionLockStatement();
    if (statement.isEmpty())
        return;
    SqlQuery query(m_database, statement);
    query.bind(":name", QStringLiteral("entertainment.budget/%1/%2").arg(department).arg(month)).exec();
}

QString ExpenseRepository::customerClass(qint64 customerId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT class FROM customers WHERE id = :id"));
    const QVariant value = query.bind(":id", customerId).scalar();
    if (!value.isValid() || value.isNull())
        throw domain::Error::notFound(QCoreApplication::translate("ExpenseRepository", "customer: there is no customer #%1.").arg(customerId));
    return value.toString();
}

qint64 ExpenseRepository::insertAttachment(const ExpenseAttachment &attachment, const QByteArray &content)
{
    SqlQuery query(m_database, QStringLiteral(
        "INSERT INTO entertainment_attachments (request_id, file_name, media_type, size_bytes, sha256, content, "
        "uploaded_at, uploaded_by) VALUES (:request, :name, :type, :size, :sha, :content, :at, :by) RETURNING id"));
    query.bind(":request", attachment.requestId)
        .bind(":name", attachment.fileName)
        .bind(":type", attachment.mediaType)
        .bind(":size", attachment.size)
        .bind(":sha", attachment.sha256)
        .bind(":content", content)
        .bind(":at", attachment.uploadedAt)
        .bind(":by", attachment.uploadedBy);
    return query.insertReturningId();
}

QList<ExpenseAttachment> ExpenseRepository::attachments(qint64 requestId) const
{
    SqlQuery query(m_database, QStringLiteral(
        "SELECT id, file_name, media_type, size_bytes, sha256, uploaded_at, uploaded_by FROM entertainment_attachments "
        "WHERE request_id = :request ORDER BY id"));
    query.bind(":request", requestId).exec();
    QList<ExpenseAttachment> list;
    while (query.next()) {
        list << ExpenseAttachment{query.value(0).toLongLong(), requestId, query.value(1).toString(), query.value(2).toString(),
                                  query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString(),
                                  query.value(6).toLongLong()};
    }
    return list;
}

QByteArray ExpenseRepository::attachmentContent(qint64 attachmentId, qint64 *requestId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT content, request_id FROM entertainment_attachments WHERE id = :id"));
    query.bind(":id", attachmentId).exec();
    if (!query.next())
        throw domain::Error::notFound(QCoreApplication::translate("ExpenseRepository", "There is no attachment #%1.").arg(attachmentId));
    if (requestId)
        *requestId = query.value(1).toLongLong();
    return query.value(0).toByteArray();
}

} // namespace bizdesk::storage
