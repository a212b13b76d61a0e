#include "services/negotiations/NegotiationModule.h"

#include "domain/negotiations/NegotiationStage.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/negotiations/NegotiationService.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

class NegotiationTaskSource final : public TaskSource
{
public:
    QList<TaskItem> tasksFor(Session &session) const override
    {
        QList<TaskItem> tasks;
        using Kind = NegotiationReminder::Kind;
        for (const NegotiationReminder &reminder : NegotiationService(session).reminders()) {
            TaskItem task;
            task.record = {negotiationRecord, reminder.negotiationId};
            task.detail = reminder.title;
            switch (reminder.kind) {
            case Kind::DeadlockHint:
                task.kind = QStringLiteral("negotiation_deadlock");
                task.title = QCoreApplication::translate("NegotiationTasks", "The gap in negotiation #%1 has not narrowed: consider "
                                                                             "marking a deadlock (§4.2.5)").arg(reminder.negotiationId);
                break;
            case Kind::WriteSummary:
                task.kind = QStringLiteral("negotiation_summary");
                task.title = QCoreApplication::translate("NegotiationTasks", "Write and submit the summary of negotiation #%1 (§4.4)")
                                 .arg(reminder.negotiationId);
                break;
            case Kind::Acknowledge:
                task.kind = QStringLiteral("negotiation_acknowledge");
                task.title = QCoreApplication::translate("NegotiationTasks", "Acknowledge the summary of negotiation #%1")
                                 .arg(reminder.negotiationId);
                break;
            case Kind::PlannedEndPassed:
                task.kind = QStringLiteral("negotiation_overdue");
                task.title = QCoreApplication::translate("NegotiationTasks", "Negotiation #%1 was planned to end on %2 (§4.3.5)")
                                 .arg(reminder.negotiationId)
                                 .arg(reminder.due.toString(Qt::ISODate));
                task.due = session.calendar().startOf(reminder.due);
                task.overdue = true;
                break;
            }
            tasks << task;
        }
        return tasks;
    }
};

AuditLabels negotiationAuditLabels()
{
    AuditLabels labels;
    labels.context = "NegotiationAudit";
    labels.actions = {
        {QStringLiteral("negotiation.open"), QT_TRANSLATE_NOOP("NegotiationAudit", "Negotiation opened")},
        {QStringLiteral("negotiation.stage"), QT_TRANSLATE_NOOP("NegotiationAudit", "Stage changed")},
        {QStringLiteral("negotiation.edit"), QT_TRANSLATE_NOOP("NegotiationAudit", "Preparation changed")},
        {QStringLiteral("negotiation.member"), QT_TRANSLATE_NOOP("NegotiationAudit", "Team member set")},
        {QStringLiteral("negotiation.member-remove"), QT_TRANSLATE_NOOP("NegotiationAudit", "Team member removed")},
        {QStringLiteral("negotiation.strategy"), QT_TRANSLATE_NOOP("NegotiationAudit", "Strategy written")},
        {QStringLiteral("negotiation.material"), QT_TRANSLATE_NOOP("NegotiationAudit", "Material added")},
        {QStringLiteral("negotiation.checklist"), QT_TRANSLATE_NOOP("NegotiationAudit", "Checklist ticked")},
        {QStringLiteral("negotiation.session"), QT_TRANSLATE_NOOP("NegotiationAudit", "Session recorded")},
        {QStringLiteral("negotiation.probe"), QT_TRANSLATE_NOOP("NegotiationAudit", "Probing note recorded")},
        {QStringLiteral("negotiation.estimate"), QT_TRANSLATE_NOOP("NegotiationAudit", "Estimate of their bottom line recorded")},
        {QStringLiteral("negotiation.offer"), QT_TRANSLATE_NOOP("NegotiationAudit", "Offer recorded")},
        {QStringLiteral("negotiation.term"), QT_TRANSLATE_NOOP("NegotiationAudit", "Term position recorded")},
        {QStringLiteral("negotiation.deadlock"), QT_TRANSLATE_NOOP("NegotiationAudit", "Deadlock recorded")},
        {QStringLiteral("negotiation.deadlock-outcome"), QT_TRANSLATE_NOOP("NegotiationAudit", "Deadlock outcome recorded")},
        {QStringLiteral("negotiation.summary"), QT_TRANSLATE_NOOP("NegotiationAudit", "Summary written")},
        {QStringLiteral("negotiation.summary-submit"), QT_TRANSLATE_NOOP("NegotiationAudit", "Summary submitted")},
        {QStringLiteral("negotiation.acknowledge"), QT_TRANSLATE_NOOP("NegotiationAudit", "Summary acknowledged")},
    };
    labels.fields = {
        {QStringLiteral("stage"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Negotiation stage"), AuditValue::Named,
                                   [](const QString &name) { return domain::negotiationStages().displayOfName(name); }}},
        {QStringLiteral("title"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Title"), AuditValue::Text, {}}},
        {QStringLiteral("direction"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Direction"), AuditValue::Text, {}}},
        {QStringLiteral("importance"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Importance"), AuditValue::Text, {}}},
        {QStringLiteral("planned_end"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Planned end"), AuditValue::Text, {}}},
        {QStringLiteral("closed"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Closed"), AuditValue::YesNo, {}}},
        {QStringLiteral("member"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Member"), AuditValue::Text, {}}},
        {QStringLiteral("role"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Role"), AuditValue::Text, {}}},
        {QStringLiteral("side"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Side"), AuditValue::Text, {}}},
        {QStringLiteral("amount"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Amount"), AuditValue::Text, {}}},
        {QStringLiteral("term"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Term under discussion"), AuditValue::Text, {}}},
        {QStringLiteral("comment"), {QT_TRANSLATE_NOOP("NegotiationAudit", "Note"), AuditValue::Text, {}}},
        {QStringLiteral("customer_id"), {nullptr, AuditValue::Hidden, {}}},
        {QStringLiteral("past_bottom_line"), {nullptr, AuditValue::Hidden, {}}},
    };
    return labels;
}

} // namespace

ModuleDescriptor negotiationsModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Negotiations;
    module.title = QT_TRANSLATE_NOOP("Modules", "Negotiations");
    module.description = QT_TRANSLATE_NOOP("Modules", "Negotiation preparation, stages, offers and the summary report.");
    module.clauses = QStringLiteral("§4");
    module.records = {negotiationRecord};
    module.taskSources = {std::make_shared<NegotiationTaskSource>()};
    module.commandGroups = {QStringLiteral("negotiation")};
    module.policyKeys = {domain::policy::negotiationDeadlockSessions, domain::policy::negotiationDeadlockDays,
                         domain::policy::negotiationMaterialMaxMb};
    module.audit = negotiationAuditLabels();
    return module;
}

} // namespace bizdesk::services
