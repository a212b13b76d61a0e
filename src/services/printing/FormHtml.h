#pragma once

#include <QString>

namespace bizdesk::services {

/// The pieces printed forms share (application forms, approval sheets): labelled rows of a
/// bordered table and the words of an approval decision. Values are HTML already; labels are
/// escaped here.
class FormHtml
{
public:
    /// Two label/value pairs in one row of a four-column form table.
    static QString pairRow(const QString &label1, const QString &value1, const QString &label2, const QString &value2);
    /// One label with its value across the remaining three columns.
    static QString wideRow(const QString &label, const QString &value);
    /// The opening of the approvals table: step, approver, decision, comment, date, signature.
    static QString approvalTableStart();
    /// The step rows (or "Not submitted yet." when there are none), the requester's own signature
    /// row (`role`, e.g. applicant or drafter, and their name) and the end of the table.
    static QString approvalTableRest(const QString &stepRows, const QString &role, const QString &name);
    /// "Approved", "Returned", "Rejected" for a route decision; empty while undecided.
    static QString decisionText(const QString &decision);
    /// A stored UTC timestamp as local "yyyy-MM-dd HH:mm"; empty when there is none.
    static QString localTime(const QString &storageTimestamp);
};

} // namespace bizdesk::services
