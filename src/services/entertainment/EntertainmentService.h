#pragma once

#include "domain/approval/Route.h"
#include "domain/entertainment/Expense.h"
#include "storage/entertainment/ExpenseRepository.h"
#include "storage/workflow/TransitionRepository.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace bizdesk::services {

class Session;

/// Entity kinds of the two routes of a request (workflow_transitions, approval_steps).
inline const QString expenseEntity = QStringLiteral("expense");
inline const QString expenseClaimEntity = QStringLiteral("expense_claim");

/// The claim as the applicant files it (§6.4).
struct ExpenseClaimInput
{
    QString actual;
    int receipts = 0;
    QString explanation;
};

/// Which requests to list; visibility is applied on top (own; department for managers; all for
/// director, executive and finance; plus whatever waits for the user's decision).
struct ExpenseQuery
{
    std::optional<domain::ExpenseState> state;
    bool mineOnly = false;
    bool pendingForMe = false;
    std::optional<domain::DepartmentId> department;
    std::optional<qint64> customer; ///< only requests for this customer (shown on the customer's page)
    QString month; ///< "2026-11" (event month), empty for any
    int limit = 1000;
};

/// Everything the detail view, `expense show` and the printed form need about one request.
struct ExpenseDetail
{
    storage::ExpenseListRow row;
    domain::Route route;      ///< application route (§6.3)
    domain::Route claimRoute; ///< claim route (§6.4), empty before the claim
    QList<storage::TransitionRecord> history;
    QList<storage::ExpenseAttachment> attachments;
    domain::BudgetUsage budget;
    QList<domain::ExpenseAction> actions; ///< what the session's user may do now
    QHash<domain::UserId, QString> names; ///< display names of everybody on the routes
    /// Set when the session's user may decide the current step only as a delegate: the person
    /// they decide for (§ delegation; recorded as on-behalf-of).
    std::optional<domain::UserId> decidesFor;
    int policyVersion = 1;

    const domain::ExpenseRequest &request() const { return row.request; }
    bool may(domain::ExpenseAction action) const { return actions.contains(action); }
};

/// The entertainment use cases (§6): each is one transaction with permission check, domain
/// validation, workflow transition record and audit entry.
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
    /// Approve / return / reject the current step: the application steps, the overrun step and
    /// the finance review (pending_finance_review → reimbursed / approved / claim_refused).
    domain::ExpenseRequest approve(qint64 id, const QString &comment = {}, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest returnRequest(qint64 id, const QString &comment, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest reject(qint64 id, const QString &comment, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest withdraw(qint64 id, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest cancel(qint64 id, std::optional<int> seen = std::nullopt);
    domain::ExpenseRequest claim(qint64 id, const ExpenseClaimInput &input, std::optional<int> seen = std::nullopt);
    /// A scanned receipt (PDF/JPEG/PNG by content, at most entertainment.receipt_max_kb).
    storage::ExpenseAttachment attachReceipt(qint64 id, const QString &fileName, const QByteArray &content);
    /// Reads the receipt at `path` (never a file of an open database, reading no more than the
    /// largest receipt allowed plus one byte) and attaches it: the GUI and the CLI both call this.
    storage::ExpenseAttachment attachReceiptFile(qint64 id, const QString &path);
    QByteArray receiptContent(qint64 attachmentId);

    ExpenseDetail detail(qint64 id);
    QList<storage::ExpenseListRow> list(const ExpenseQuery &query);
    /// Budget use of the department in the month of `eventAt`, with `estimate` added (§6.1).
    /// Why the form, as filled in now, will need an executive (§6.3.3): the key customer linked or
    /// the estimate above entertainment.executive_threshold; empty when it will not. The form
    /// shows it before submitting. An estimate that does not parse yet counts as zero.
    QString executiveNote(const domain::ExpenseForm &form);
    domain::BudgetUsage budgetFor(std::optional<domain::DepartmentId> department, const QDateTime &eventAt,
                                  const domain::Money &estimate, std::optional<qint64> exclude);
    /// Ids of requests waiting for a decision by the user (or people who delegated to them).
    QList<qint64> waitingForMe();

    /// JSON of `expense show`: amounts as "1234.50", flags, route and history.
    static QJsonObject toJson(const ExpenseDetail &detail);
    static QJsonObject toJson(const storage::ExpenseListRow &row);
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
                          const QString &comment, std::optional<domain::UserId> onBehalfOf);
    void requireVisible(const domain::ExpenseRequest &request);
    void requireApplicant(const domain::ExpenseRequest &request);
    /// Staff must be active people (§6.3.1); throws invalid("staff").
    void requireStaff(const QList<domain::UserId> &staff);
    QList<domain::ExpenseAction> actionsFor(const domain::ExpenseRequest &request, const domain::Route &route,
                                            const domain::Route &claimRoute);
    Session &m_session;
};

} // namespace bizdesk::services
