#include "ui/contracts/ContractDetailHtml.h"

#include "services/contracts/ContractService.h"
#include "ui/common/Formats.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::ui {
namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString date(const QDate &value)
{
    return value.isValid() ? value.toString(Qt::ISODate) : QStringLiteral("—");
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
}

QString routeHtml(const services::ContractDetail &detail)
{
    QStringList rows;
    for (const domain::ApprovalStep &step : detail.route.steps()) {
        QStringList people;
        for (const domain::StepApprover &approver : step.approvers) {
            QString text = detail.names.value(approver.approver).toHtmlEscaped();
            if (approver.hasDecided())
                text += QStringLiteral(" · %1 %2").arg(approver.decision == QLatin1String("approved")
                                                             ? QCoreApplication::translate("ContractDetail", "approved")
                                                             : QCoreApplication::translate("ContractDetail", "returned"),
                                                         approver.decidedAt.left(10).toHtmlEscaped());
            if (!approver.comment.isEmpty())
                text += QStringLiteral(" — ") + escaped(approver.comment);
            people << text;
        }
        const bool ahead = step.status == domain::ApprovalStep::Status::Waiting;
        const bool current = step.status == domain::ApprovalStep::Status::Current;
        rows << QStringLiteral("<tr style='color:%1'><td>%2%3</td><td>%4</td><td>§%5</td></tr>")
                    .arg(ahead ? QStringLiteral("#999") : QStringLiteral("#000"),
                         current ? QStringLiteral("▶ ") : QString(),
                         domain::contractStates().displayOfName(step.state).toHtmlEscaped(), people.join(QStringLiteral("<br>")),
                         step.clause.toHtmlEscaped());
    }
    return rows.isEmpty() ? QString() : QStringLiteral("<h3>%1</h3><table cellpadding='3'>%2</table>").arg(QCoreApplication::translate("ContractDetail", "Review route"), rows.join(QString()));
}

QString commentHtml(const domain::ReviewComment &comment)
{
    return QStringLiteral("<p style='margin-left:16px;color:#a60'>▸ %1 · %2 · r%3<br>%4</p>")
        .arg(comment.authorName.toHtmlEscaped(), comment.createdAt.left(10).toHtmlEscaped())
        .arg(comment.revision)
        .arg(escaped(comment.body));
}

/// One clause: its text, what it said in the revision reviewers returned when it changed since
/// (§5.2.2), and the reviewers' comments on it.
QString clauseHtml(const services::ContractDetail &detail, domain::ContractClause clause)
{
    const QString text = detail.contract.clauses.value(clause);
    QString html = QStringLiteral("<p><b>%1</b><br>%2</p>")
                       .arg(domain::contractClauses().display(clause).toHtmlEscaped(),
                            text.isEmpty() ? QStringLiteral("<span style='color:#a00'>%1</span>").arg(QCoreApplication::translate("ContractDetail", "(empty)"))
                                           : escaped(text));
    for (const domain::ClauseChange &change : detail.changesSinceReturn) {
        if (change.clause == clause)
            html += QStringLiteral("<p style='margin-left:16px'>%1<br><span style='color:#a00;text-decoration:line-through'>%2</span><br>"
                                   "<span style='color:#070'>%3</span></p>")
                        .arg(QCoreApplication::translate("ContractDetail", "Changed since the returned revision:").toHtmlEscaped(),
                             escaped(change.before), escaped(change.after));
    }
    const QString name = domain::contractClauses().name(clause);
    for (const domain::ReviewComment &comment : detail.comments) {
        if (comment.clause == name)
            html += commentHtml(comment);
    }
    return html;
}

} // namespace

QString ContractDetailHtml::render(const services::ContractDetail &detail)
{
    const domain::Contract &contract = detail.contract;
    QString html = QStringLiteral("<h2>%1 · %2</h2>").arg(contract.number.toHtmlEscaped(), contract.title.toHtmlEscaped());
    QString header;
    header += row(QCoreApplication::translate("ContractDetail", "State"), domain::contractStates().display(contract.state).toHtmlEscaped());
    header += row(QCoreApplication::translate("ContractDetail", "Customer"), contract.customerName.toHtmlEscaped());
    header += row(QCoreApplication::translate("ContractDetail", "Owner"), detail.ownerName.toHtmlEscaped());
    header += row(QCoreApplication::translate("ContractDetail", "Drafter"), detail.drafterName.toHtmlEscaped());
    QString amount = Formats::money(contract.amount).toHtmlEscaped();
    if (contract.amount.currency() != domain::Money::defaultCurrency())
        amount += QStringLiteral(" (%1)").arg(Formats::money(contract.amountCny).toHtmlEscaped());
    header += row(QCoreApplication::translate("ContractDetail", "Amount"), amount + QStringLiteral("<br>") + contract.amountCny.toChineseCapitals().toHtmlEscaped());
    header += row(QCoreApplication::translate("ContractDetail", "Term"), QStringLiteral("%1 – %2").arg(date(contract.startDate), date(contract.endDate)));
    header += row(QCoreApplication::translate("ContractDetail", "Revision"), QString::number(contract.revision));
    header += row(QCoreApplication::translate("ContractDetail", "Contract version"), QString::number(contract.contractVersion));
    if (contract.signing)
        header += row(QCoreApplication::translate("ContractDetail", "Signed"), QStringLiteral("%1 · %2 / %3").arg(date(contract.signing->date), detail.names.value(contract.signing->ourSignatory).toHtmlEscaped(),
                                                                       contract.signing->theirSignatory.toHtmlEscaped()));
    html += QStringLiteral("<table>%1</table>").arg(header);

    const int changed = static_cast<int>(detail.changesSinceReturn.size());
    if (changed > 0)
        html += QStringLiteral("<p style='color:#a60'>%1</p>")
                    .arg(QCoreApplication::translate("ContractDetail", "%n clause(s) changed since the revision reviewers returned; "
                                                                       "each shows what it said then.",
                                                     nullptr, changed)
                             .toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3>").arg(QCoreApplication::translate("ContractDetail", "Clauses (§5.1.2)"));
    for (const domain::ContractClause clause : domain::contractClauses().all())
        html += clauseHtml(detail, clause);
    html += routeHtml(detail);
    // Comments on one clause stand under that clause; these are about the whole contract.
    QString general;
    for (const domain::ReviewComment &comment : detail.comments) {
        if (comment.clause.isEmpty())
            general += commentHtml(comment);
    }
    if (!general.isEmpty())
        html += QStringLiteral("<h3>%1</h3>%2").arg(QCoreApplication::translate("ContractDetail", "Review comments"), general);
    if (!detail.copies.isEmpty()) {
        QStringList copies;
        for (const domain::ContractCopy &copy : detail.copies)
            copies << QStringLiteral("%1: %2").arg(domain::ContractCopy::recipientDisplayName(copy.recipient).toHtmlEscaped(),
                                                   copy.isAcknowledged() ? QCoreApplication::translate("ContractDetail", "acknowledged") + QStringLiteral(" ") + copy.acknowledgedAt.left(10)
                                                                         : QCoreApplication::translate("ContractDetail", "not yet acknowledged"));
        html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(QCoreApplication::translate("ContractDetail", "Copies (§5.3.3)"), copies.join(QStringLiteral("<br>")));
    }
    if (!detail.milestones.isEmpty()) {
        QString rows;
        for (const domain::Milestone &milestone : detail.milestones)
            rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(domain::Milestone::kindDisplayName(milestone.kind).toHtmlEscaped(), date(milestone.due),
                             milestone.amount ? Formats::money(*milestone.amount).toHtmlEscaped() : QString(),
                             milestone.isDone() ? QCoreApplication::translate("ContractDetail", "done") + QStringLiteral(" ") + date(milestone.doneOn) : QCoreApplication::translate("ContractDetail", "open"));
        html += QStringLiteral("<h3>%1</h3><table cellpadding='3'>%2</table>").arg(QCoreApplication::translate("ContractDetail", "Milestones"), rows);
    }
    if (!detail.receivables.isEmpty() || !detail.payments.isEmpty()) {
        QString rows;
        for (const domain::Receivable &receivable : detail.receivables)
            rows += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td></tr>")
                        .arg(date(receivable.due), Formats::money(receivable.amount).toHtmlEscaped(),
                             Formats::money(receivable.outstanding()).toHtmlEscaped());
        html += QStringLiteral("<h3>%1</h3><table cellpadding='3'><tr><th>%2</th><th>%3</th><th>%4</th></tr>%5</table>")
                    .arg(QCoreApplication::translate("ContractDetail", "Receivables"), QCoreApplication::translate("ContractDetail", "Due"), QCoreApplication::translate("ContractDetail", "Amount"), QCoreApplication::translate("ContractDetail", "Outstanding"), rows);
        html += QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("ContractDetail", "Received %1 · outstanding %2 · overdue %3")
                                                   .arg(Formats::money(detail.balance.received), Formats::money(detail.balance.outstanding),
                                                        Formats::money(detail.balance.overdue))
                                                   .toHtmlEscaped());
    }
    if (!detail.changes.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(QCoreApplication::translate("ContractDetail", "Change agreements (§5.5)"));
        for (const domain::ChangeAgreement &change : detail.changes)
            html += QStringLiteral("<p>v%1 · %2 · %3<br>%4</p>")
                        .arg(change.contractVersion)
                        .arg(date(change.effective), escaped(change.reason), escaped(change.content));
    }
    if (contract.termination)
        html += QStringLiteral("<h3>%1</h3><p>%2<br>%3</p>").arg(QCoreApplication::translate("ContractDetail", "Termination"), escaped(contract.termination->reason),
                                                                  escaped(contract.termination->settlement));
    if (contract.archive)
        html += QStringLiteral("<h3>%1</h3><p>%2 · %3 · %4</p>")
                    .arg(QCoreApplication::translate("ContractDetail", "Archive"), contract.archive->archiveNumber.toHtmlEscaped(), contract.archive->location.toHtmlEscaped(),
                         QCoreApplication::translate("ContractDetail", "kept until %1").arg(date(contract.archive->retentionUntil)).toHtmlEscaped());
    return html;
}

} // namespace bizdesk::ui
