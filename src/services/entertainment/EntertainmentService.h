#pragma once

#include "domain/approval/Route.h"
#include "domain/entertainment/Expense.h"
#include "services/entertainment/ExpenseViews.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace bizdesk::services {

class Session;

/// The entertainment use cases (§6): each is one transaction with permission check, domain
/// validation, workflow transition record and audit entry. The write side (the workflow) is
/// here; reads are ExpenseQueries, visibility and actions ExpenseAccess, receipts
/// ExpenseReceipts and JSON ExpenseJson, reached through this one entry point.
class EntertainmentService
{
public:
    explicit EntertainmentService(Session &session) : m_session(session) {}

    /// A new draft by the session's user.
    domain::ExpenseRequest apply(const domain::ExpenseForm &form);
    /// Only the applicant, only drafts; `version` is the one the user edited (optimistic locking).
    domain::ExpenseRequest editDraft(qint64 id, int version, const domain::ExpenseForm &form);
    /// Every transition takes the version the caller saw (`seen`, optional): when the request has
    /// changed since, it is a conflict and nothing is written (the GUI passes what it shows, the
    /// CLI `--version N`).
    ///
    /// Submitting checks the monthly budget (§6.1) under a lock on the department-month, so
    /// parallel submits are counted one after another on both backends.
    domain::ExpenseRequest submit(qint64 id, std::optional<int> seen = std::nullopt);
    /// A new application submitted at once: apply and submit in one transaction, so a refused
    /// submit (budget, nobody to route to, …) leaves no draft behind.
    domain::ExpenseRequest applyAndSubmit(const domain::ExpenseForm &form);
    /// Saves the edited draft and submits it, in one transaction.
    domain::ExpenseRequest saveAndSubmit(qint64 id, int version, const domain::ExpenseForm &form);
    /// Approve / return / reject the current step: the application steps, the overrun step and
    /// the finance review (pending_finance_review → reimbursed / approved / claim_refused).
    domain::ExpenseRequest approve(qint64 id, const QString &comment = {}, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest returnRequest(qint64 id, const QString &comment, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest reject(qint64 id, const QString &comment, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest withdraw(qint64 id, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest cancel(qint64 id, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest claim(qint64 id, const ExpenseClaimInput &input, std::optional<int> seen = std::nullopt);
    /// A scanned receipt (PDF/JPEG/PNG by content, at most entertainment.receipt_max_kb).
    domain::ExpenseAttachment attachReceipt(qint64 id, const QString &fileName, const QByteArray &content);
    /// Reads the receipt at `path` (never a file of an open database, reading no more than the
    /// largest receipt allowed plus one byte) and attaches it: the GUI and the CLI both call this.
    domain::ExpenseAttachment attachReceiptFile(qint64 id, const QString &path);
    QByteArray receiptContent(qint64 attachmentId);

    ExpenseDetail detail(qint64 id);
    QList<domain::ExpenseListRow> list(const ExpenseQuery &query);
    /// Budget use of the department in the month of `eventAt`, with `estimate` added (§6.1).
    /// Why the form, as filled in now, will need an executive (§6.3.3): the key customer linked or
    /// the estimate above entertainment.executive_threshold; empty when it will not. The form
    /// shows it before submitting. An estimate that does not parse yet counts as zero.
    QString executiveNote(const domain::ExpenseForm &form);
    domain::BudgetUsage budgetFor(std::optional<domain::DepartmentId> department, const QDateTime &eventAt,
                                  const domain::Money &estimate, std::optional<qint64> exclude);
    /// Ids of requests waiting for a decision by the user (or people who delegated to them).
    QList<qint64> waitingForMe();
    /// What the session's user may do with request `id` now (the GUI shows and the CLI offers
    /// only these); not_found for another's draft.
    QList<domain::ExpenseAction> actionsFor(qint64 id);
    /// What the user may do with a new application (empty when they may not apply).
    QList<domain::ExpenseAction> actionsForNew();

    /// JSON of `expense show`: amounts as "1234.50", flags, route and history.
    static QJsonObject toJson(const ExpenseDetail &detail);
    static QJsonObject toJson(const domain::ExpenseListRow &row);
    /// The staff taking part as one line of names, in the UI language ("张三、李四").
    static QString staffNames(const ExpenseDetail &detail);
    /// "PDF", "JPEG" or "PNG" media type by the first bytes, empty if none of them.
    static QString sniffMediaType(const QByteArray &content);

private:
    enum class Decision { Approve, Return, Reject };
    domain::ExpenseRequest decide(qint64 id, Decision decision, const QString &comment, std::optional<int> seen);
    domain::ExpenseRequest applicantTransition(qint64 id, domain::ExpenseAction action, std::optional<int> seen);
    /// The class of a customer the session's user may see; not_found (as for a missing id, so
    /// that existence does not leak) for one they may not.
    QString linkableCustomerClass(qint64 customerId);
    /// The event date within general.event_window_days of today; throws invalid("at").
    void requirePlausibleEventDate(const domain::ExpenseRequest &request);
    void recordTransition(const domain::ExpenseRequest &before, const domain::ExpenseRequest &after, const QString &action,
                          const QString &comment, std::optional<domain::UserId> onBehalfOf, const QString &conflictNote = {});
    /// Staff must be active people (§6.3.1); throws invalid("staff").
    void requireStaff(const QList<domain::UserId> &staff);
    Session &m_session;
};

} // namespace bizdesk::services
