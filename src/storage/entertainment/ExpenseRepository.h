#pragma once

#include "domain/entertainment/Expense.h"
#include "domain/entertainment/ExpenseRecords.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>

#include <optional>

namespace bizdesk::storage {

class Database;
class SqlQuery;

/// Which requests a list may show (record-level visibility is part of the query).
struct ExpenseFilter
{
    enum class Scope { All, Department, Own };
    Scope scope = Scope::Own;
    domain::UserId viewer = 0;
    std::optional<domain::DepartmentId> viewerDepartment;
    /// People the viewer acts for as a delegate: their own requests are listed as the viewer's.
    QList<domain::UserId> actingFor;

    std::optional<domain::ExpenseState> state;
    std::optional<domain::UserId> applicant;
    std::optional<domain::DepartmentId> department;
    std::optional<qint64> customer; ///< requests for this customer (§3.2.1 business dealings)
    QString eventFrom; ///< storage timestamp, inclusive
    QString eventTo;   ///< storage timestamp, exclusive
    std::optional<QList<qint64>> ids;
    /// Drafts never submitted are shown only when their applicant is one of these people (the
    /// viewer and whoever they act for); unset: no draft rule (internal sums).
    std::optional<QList<domain::UserId>> draftsOf;
    int limit = 1000;
};

// The records are domain types, so that services hand them on without exposing storage.
using ExpenseStaff = domain::ExpenseStaff;
using ExpenseListRow = domain::ExpenseListRow;
using ExpenseAttachment = domain::ExpenseAttachment;

/// Entertainment requests, their receipts and budget sums (§6).
class ExpenseRepository
{
public:
    explicit ExpenseRepository(Database &database) : m_database(database) {}

    qint64 insert(const domain::ExpenseRequest &request, const QString &now, domain::UserId actor);
    /// Saves every column; throws conflict when `request.version` is stale. Returns the new version.
    int update(const domain::ExpenseRequest &request, const QString &now, domain::UserId actor);
    std::optional<domain::ExpenseRequest> find(qint64 id) const;
    /// Throws not_found naming the id.
    domain::ExpenseRequest require(qint64 id) const;
    QList<ExpenseListRow> list(const ExpenseFilter &filter) const;
    std::optional<ExpenseListRow> row(qint64 id) const;
    /// The database's plan for list(filter) (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on
    /// PostgreSQL): tests check the report and month lists are index-backed.
    QStringList queryPlan(const ExpenseFilter &filter) const;

    /// Whether the request was ever submitted (a returned draft was; a new one was not).
    bool wasSubmitted(qint64 id) const;
    /// The staff taking part, in the order picked (entertainment_participants).
    QList<ExpenseStaff> staff(qint64 requestId) const;
    /// Replaces the staff of a request (apply and draft edits only, not every transition).
    void replaceStaff(qint64 requestId, const QList<domain::UserId> &staff);

    /// Sum of the department's live requests (submitted, approved, claimed, reimbursed) with events
    /// in [from, to), each counted at its actual cost once claimed, else its estimate; `exclude` left out.
    domain::Money departmentSpending(domain::DepartmentId department, const QString &from, const QString &to,
                                     std::optional<qint64> exclude) const;
    /// Holds the department's budget for `month` ("2026-11") until the transaction ends, so that
    /// two submits cannot both see the same spending and both pass (§6.1). Take it before
    /// departmentSpending(); a no-op where write transactions already exclude each other.
    void lockBudget(domain::DepartmentId department, const QString &month);
    /// The class of a customer ("key", "general", "potential"); throws not_found.
    QString customerClass(qint64 customerId) const;

    qint64 insertAttachment(const ExpenseAttachment &attachment, const QByteArray &content);
    QList<ExpenseAttachment> attachments(qint64 requestId) const;
    /// The stored bytes; throws not_found.
    QByteArray attachmentContent(qint64 attachmentId, qint64 *requestId = nullptr) const;

private:
    /// Builds and runs the list query (with `prefix` in front, e.g. EXPLAIN) and hands it to `read`.
    void runList(const ExpenseFilter &filter, const QString &prefix, const std::function<void(SqlQuery &)> &read) const;
    Database &m_database;
};

} // namespace bizdesk::storage
