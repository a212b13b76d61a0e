#include "services/negotiations/NegotiationSummaryDraft.h"

#include "domain/negotiations/NegotiationFigures.h"
#include "services/negotiations/NegotiationService.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::services {
namespace {

QString yuan(const domain::Money &amount)
{
    return QStringLiteral("¥%1").arg(amount.toGroupedString());
}

QString background(const NegotiationDetail &d)
{
    const domain::Negotiation &n = d.negotiation;
    QStringList lines;
    lines << QCoreApplication::translate("NegotiationSummary", "Customer: %1. %2, importance %3, complexity %4.")
                 .arg(n.customerName, domain::negotiationDirections().display(n.direction),
                      domain::negotiationLevels().display(n.importance), domain::negotiationLevels().display(n.complexity));
    if (!n.goal.isEmpty())
        lines << QCoreApplication::translate("NegotiationSummary", "Goal: %1").arg(n.goal);
    QStringList team;
    for (const domain::TeamMember &member : d.team)
        team << QStringLiteral("%1 (%2)").arg(member.name, domain::teamRoles().display(member.role));
    lines << QCoreApplication::translate("NegotiationSummary", "Team: %1").arg(team.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

QString goalAttainment(const NegotiationDetail &d)
{
    const domain::Negotiation &n = d.negotiation;
    QStringList lines;
    lines << QCoreApplication::translate("NegotiationSummary", "Outcome: %1.").arg(domain::negotiationStages().display(n.stage));
    if (d.agreedAmount)
        lines << QCoreApplication::translate("NegotiationSummary", "Agreed amount (latest offer): %1.").arg(yuan(*d.agreedAmount));
    if (d.confidential) {
        if (n.target)
            lines << QCoreApplication::translate("NegotiationSummary", "Our target: %1.").arg(yuan(*n.target));
        if (n.bottomLine)
            lines << QCoreApplication::translate("NegotiationSummary", "Our bottom line: %1.").arg(yuan(*n.bottomLine));
        if (d.capturePermille)
            lines << QCoreApplication::translate("NegotiationSummary", "Share of the zone of agreement captured: %1.").arg(domain::NegotiationFigures::percentText(*d.capturePermille));
    }
    return lines.join(QLatin1Char('\n'));
}

QString processReview(const NegotiationDetail &d)
{
    QStringList lines;
    for (const storage::TransitionRecord &step : d.history) {
        QString line = QStringLiteral("%1 %2 → %3 (%4)")
                           .arg(step.at.left(10), domain::negotiationStages().displayOfName(step.fromState),
                                domain::negotiationStages().displayOfName(step.toState), step.actorName);
        if (!step.comment.isEmpty())
            line += QStringLiteral(": ") + step.comment;
        lines << line;
    }
    lines << QCoreApplication::translate("NegotiationSummary", "Sessions: %1, hours in sessions: %2.")
                 .arg(d.sessions.size())
                 .arg(QString::number(d.minutesSpent / 60.0, 'f', 1));
    lines << QCoreApplication::translate("NegotiationSummary", "%1 of %2 planned days.").arg(d.daysSoFar).arg(d.daysPlanned);
    lines << QCoreApplication::translate("NegotiationSummary", "Offers recorded: %1.").arg(d.offers.size());
    for (const domain::Concession &c : d.concessions) {
        QString line = QCoreApplication::translate("NegotiationSummary", "Concession of %1 on %2").arg(yuan(c.amount), c.offeredOn.toString(Qt::ISODate));
        line += c.got.isEmpty() ? QCoreApplication::translate("NegotiationSummary", ", nothing in return") : QCoreApplication::translate("NegotiationSummary", ", in return: %1").arg(c.got);
        if (c.largerThanPrevious)
            line += QCoreApplication::translate("NegotiationSummary", " (larger than the previous one)");
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString disagreements(const NegotiationDetail &d)
{
    QStringList lines;
    for (const domain::DeadlockRecord &deadlock : d.deadlocks)
        lines << QCoreApplication::translate("NegotiationSummary", "Deadlock in %1: %2; strategy: %3; outcome: %4")
                     .arg(domain::negotiationStages().display(deadlock.fromStage), deadlock.cause,
                          deadlock.strategy ? domain::deadlockStrategies().display(*deadlock.strategy) : QStringLiteral("—"),
                          deadlock.outcome.isEmpty() ? QStringLiteral("—") : deadlock.outcome);
    for (const domain::TermPosition &term : d.terms) {
        if (!term.agreed && (!term.ours.isEmpty() || !term.theirs.isEmpty()))
            lines << QCoreApplication::translate("NegotiationSummary", "%1 still open: ours %2, theirs %3")
                         .arg(domain::negotiationTerms().display(term.term), term.ours, term.theirs);
    }
    return lines.join(QLatin1Char('\n'));
}

QString lessons(const NegotiationDetail &d)
{
    QStringList lines;
    for (const domain::Concession &c : d.concessions) {
        if (c.nothingInReturn || c.largerThanPrevious) {
            lines << QCoreApplication::translate("NegotiationSummary", "Some concessions were flagged: get something for each one and let them shrink (§4.3.3).");
            break;
        }
    }
    if (d.confidential && d.estimateError)
        lines << QCoreApplication::translate("NegotiationSummary", "Our last estimate of their limit was %1 from the final price.").arg(yuan(*d.estimateError));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString NegotiationSummaryDraft::prefill(const NegotiationDetail &detail, domain::SummarySection section)
{
    using S = domain::SummarySection;
    switch (section) {
    case S::Background: return background(detail);
    case S::GoalAttainment: return goalAttainment(detail);
    case S::ProcessReview: return processReview(detail);
    case S::Disagreements: return disagreements(detail);
    case S::Lessons: return lessons(detail);
    }
    return {};
}

QMap<domain::SummarySection, QString> NegotiationSummaryDraft::of(const NegotiationDetail &detail)
{
    QMap<domain::SummarySection, QString> sections;
    for (const domain::SummarySection section : domain::summarySections().all()) {
        const QString stored = detail.negotiation.summary.value(section);
        sections[section] = stored.isEmpty() ? prefill(detail, section) : stored;
    }
    return sections;
}

} // namespace bizdesk::services
