#pragma once

#include "domain/entertainment/Expense.h"

#include <QList>
#include <QString>

namespace bizdesk::domain {

/// A member of staff taking part (§6.3.1).
struct ExpenseStaff
{
    UserId id = 0;
    QString login;
    QString name;
};

/// A request as lists show it, with names joined in.
struct ExpenseListRow
{
    ExpenseRequest request;
    QString applicantName;
    QString applicantLogin;
    QString departmentName;
    QString customerName;
    QList<ExpenseStaff> staff; ///< filled for one request's detail only, not for lists
};

/// A scanned receipt of a claim (§6.4.1), without its bytes.
struct ExpenseAttachment
{
    qint64 id = 0;
    qint64 requestId = 0;
    QString fileName;
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    QString uploadedAt;
    UserId uploadedBy = 0;
};

/// A decision taken by someone who takes part in the event (conflict of interest), recorded with
/// the decision.
struct ExpenseConflict
{
    qint64 requestId = 0;
    QString stepState;      ///< the step decided, e.g. "pending_dept_review"
    UserId approverId = 0;  ///< the approver decided for
    UserId decidedBy = 0;   ///< the actor (a delegate or the approver)
    QString decision;       ///< "approve", "return", "reject", "finance_approve", …
    QString note;           ///< the note as shown when deciding
    QString decidedAt;      ///< storage timestamp
    QString decidedByName;  ///< joined in when read
};

} // namespace bizdesk::domain
