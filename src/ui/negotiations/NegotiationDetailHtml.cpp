#include "ui/negotiations/NegotiationDetailHtml.h"

#include "services/negotiations/NegotiationService.h"
#include "ui/common/Formats.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace bizdesk::ui {
namespace {

QString e(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

/// `html` is already escaped.
QString rawRow(const QString &label, const QString &html)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(e(label), html);
}

QString row(const QString &label, const QString &value)
{
    return rawRow(label, e(value));
}

QString money(const std::optional<domain::Money> &amount)
{
    return amount ? Formats::money(*amount) : QStringLiteral("—");
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3>%1</h3>").arg(e(text));
}

} // namespace

QString NegotiationDetailHtml::render(const services::NegotiationDetail &d)
{
    const domain::Negotiation &n = d.negotiation;
    QString html = QStringLiteral("<h2>%1</h2><p>%2 · %3%4</p>")
                       .arg(e(n.title), e(n.customerName), e(domain::negotiationStages().display(n.stage)),
                            n.isClosed() ? e(QStringLiteral(" · ") + QCoreApplication::translate("NegotiationDetailHtml", "closed")) : QString());
    if (d.deadlockSuggested)
        html += QStringLiteral("<p style=\"color:#b26a00\">%1</p>")
                    .arg(e(QCoreApplication::translate("NegotiationDetailHtml", "The gap between the latest offers has not narrowed: consider marking a deadlock (§4.2.5).")));
    if (d.plannedEndPassed)
        html += QStringLiteral("<p style=\"color:#c62828\">%1</p>")
                    .arg(e(QCoreApplication::translate("NegotiationDetailHtml", "The planned end date %1 has passed.").arg(n.plannedEnd.toString(Qt::ISODate))));

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Preparation")) + QStringLiteral("<table>");
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Goal"), n.goal);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Direction"), domain::negotiationDirections().display(n.direction));
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Importance / complexity"),
                QStringLiteral("%1 / %2").arg(domain::negotiationLevels().display(n.importance), domain::negotiationLevels().display(n.complexity)));
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Our target"), money(n.target));
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Opening anchor"), money(n.anchor));
    if (d.confidential) {
        html += row(QCoreApplication::translate("NegotiationDetailHtml", "Bottom line"), money(n.bottomLine));
        html += row(QCoreApplication::translate("NegotiationDetailHtml", "BATNA"),
                    n.batnaValue ? QStringLiteral("%1 (%2)").arg(n.batna, Formats::money(*n.batnaValue)) : n.batna);
        if (!d.estimates.isEmpty()) {
            const domain::Estimate &latest = d.estimates.last();
            html += row(QCoreApplication::translate("NegotiationDetailHtml", "Their bottom line (estimate)"),
                        QStringLiteral("%1 – %2 · %3 · %4").arg(Formats::money(latest.low), Formats::money(latest.high), latest.source,
                                                               latest.estimatedOn.toString(Qt::ISODate)));
        }
        html += row(QCoreApplication::translate("NegotiationDetailHtml", "Zone of agreement"),
                    d.zopa ? QStringLiteral("%1 – %2").arg(Formats::money(d.zopa->low), Formats::money(d.zopa->high))
                           : QCoreApplication::translate("NegotiationDetailHtml", "No zone of agreement on the current estimates: review the strategy."));
        if (d.gapToBottomLine)
            html += row(QCoreApplication::translate("NegotiationDetailHtml", "Room to our bottom line"), Formats::money(*d.gapToBottomLine));
        if (d.gapToZone)
            html += row(QCoreApplication::translate("NegotiationDetailHtml", "Their offer outside the zone by"), Formats::money(*d.gapToZone));
    }
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Walk-away conditions"), n.walkAway);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Planned end"), n.plannedEnd.toString(Qt::ISODate));
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Time so far"),
                QCoreApplication::translate("NegotiationDetailHtml", "%1 of %2 planned days, %3 hours in sessions")
                    .arg(d.daysSoFar).arg(d.daysPlanned).arg(QString::number(d.minutesSpent / 60.0, 'f', 1)));
    QStringList checklist;
    for (auto it = d.checklist.cbegin(); it != d.checklist.cend(); ++it)
        checklist << QStringLiteral("%1 %2").arg(it.value() ? QStringLiteral("☑") : QStringLiteral("☐"), domain::checklistItems().display(it.key()));
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Checklist (%1/5)").arg(domain::PreparationChecklist::done(d.checklist)),
                checklist.join(QStringLiteral("  ")));
    for (const domain::Material &material : d.materials) {
        QString text = e(material.note);
        if (material.hasFile())
            text += QStringLiteral("<br>📎 <a href=\"material:%1\">%2</a> (%3)")
                        .arg(material.id)
                        .arg(material.fileName.toHtmlEscaped(), QLocale().formattedDataSize(material.fileSize));
        html += rawRow(domain::materialKinds().display(material.kind), text);
    }
    html += QStringLiteral("</table>");

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Team (suggested size %1)").arg(d.suggestedTeamSize)) + QStringLiteral("<table>");
    for (const domain::TeamMember &member : d.team)
        html += row(QStringLiteral("%1 · %2").arg(member.name, domain::teamRoles().display(member.role)), member.duties);
    html += QStringLiteral("</table>");

    const domain::NegotiationStrategy &s = n.strategy;
    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Strategy")) + QStringLiteral("<table>");
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Our strengths"), s.ourStrengths);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Our weaknesses"), s.ourWeaknesses);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Their strengths"), s.theirStrengths);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Their weaknesses"), s.theirWeaknesses);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Their likely strategy"), s.theirLikelyStrategy);
    html += row(QCoreApplication::translate("NegotiationDetailHtml", "Our responses"), s.ourResponses);
    html += QStringLiteral("</table>");

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Sessions")) + QStringLiteral("<table>");
    for (const domain::NegotiationSession &session : d.sessions)
        html += row(QStringLiteral("%1 %2–%3 %4").arg(session.date.toString(Qt::ISODate), session.start, session.end, session.place),
                    QStringLiteral("%1 / %2\n%3\n%4").arg(session.ourAttendees, session.theirAttendees, session.agenda, session.minutes).trimmed());
    for (const domain::ProbingNote &note : d.probing)
        html += row(QCoreApplication::translate("NegotiationDetailHtml", "Probing"),
                    QStringLiteral("%1\n%2\n%3").arg(note.position, note.interests, note.presumedBottomLine).trimmed());
    html += QStringLiteral("</table>");

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Offers")) + QStringLiteral("<table>");
    for (const domain::Offer &offer : d.offers) {
        QString text = QStringLiteral("%1 %2").arg(domain::offerSides().display(offer.side), Formats::money(offer.amount));
        for (const domain::Concession &c : d.concessions) {
            if (c.offerId != offer.id)
                continue;
            text += QCoreApplication::translate("NegotiationDetailHtml", " · concession %1").arg(Formats::money(c.amount));
            if (c.nothingInReturn)
                text += QCoreApplication::translate("NegotiationDetailHtml", " ⚑ nothing in return");
            if (c.largerThanPrevious)
                text += QCoreApplication::translate("NegotiationDetailHtml", " ⚑ larger than the previous concession");
        }
        if (!offer.got.isEmpty())
            text += QCoreApplication::translate("NegotiationDetailHtml", " · got: %1").arg(offer.got);
        if (!offer.reason.isEmpty())
            text += QCoreApplication::translate("NegotiationDetailHtml", " · reason: %1").arg(offer.reason);
        html += row(offer.offeredOn.toString(Qt::ISODate), text);
    }
    html += QStringLiteral("</table>");

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Terms")) + QStringLiteral("<table>");
    for (const domain::TermPosition &term : d.terms)
        html += row(domain::negotiationTerms().display(term.term),
                    QCoreApplication::translate("NegotiationDetailHtml", "ours: %1 · theirs: %2 · %3")
                        .arg(term.ours, term.theirs,
                             term.agreed ? QCoreApplication::translate("NegotiationDetailHtml", "agreed") : QCoreApplication::translate("NegotiationDetailHtml", "still open")));
    html += QStringLiteral("</table>");

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Deadlocks")) + QStringLiteral("<table>");
    for (const domain::DeadlockRecord &k : d.deadlocks)
        html += row(domain::negotiationStages().display(k.fromStage),
                    QStringLiteral("%1 · %2 · %3").arg(k.cause, k.strategy ? domain::deadlockStrategies().display(*k.strategy) : QString(), k.outcome));
    html += QStringLiteral("</table>");

    html += heading(QCoreApplication::translate("NegotiationDetailHtml", "History")) + QStringLiteral("<table>");
    for (const storage::TransitionRecord &r : d.history)
        html += row(QStringLiteral("%1 · %2").arg(r.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), r.actorName),
                    QStringLiteral("%1 → %2 %3").arg(domain::negotiationStages().displayOfName(r.fromState),
                                                     domain::negotiationStages().displayOfName(r.toState), r.comment));
    html += QStringLiteral("</table>");

    if (!domain::NegotiationFlow::isOpen(n.stage)) {
        html += heading(QCoreApplication::translate("NegotiationDetailHtml", "Summary"));
        for (auto it = d.summaryDraft.cbegin(); it != d.summaryDraft.cend(); ++it)
            html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(e(domain::summarySections().display(it.key())), e(it.value()));
    }
    return html;
}

} // namespace bizdesk::ui
