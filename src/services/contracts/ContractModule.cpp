#include "services/contracts/ContractModule.h"

#include "domain/contracts/ContractWorkflow.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/contracts/ContractService.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

class ContractTaskSource final : public TaskSource
{
public:
    QList<TaskItem> tasksFor(Session &session) const override
    {
        QList<TaskItem> tasks;
        using Kind = ContractReminder::Kind;
        for (const ContractReminder &reminder : ContractService(session).reminders()) {
            TaskItem task;
            task.record = {contractRecord, reminder.contractId};
            task.detail = QStringLiteral("%1 · %2").arg(reminder.number, reminder.title);
            if (reminder.due.isValid())
                task.due = session.calendar().startOf(reminder.due);
            switch (reminder.kind) {
            case Kind::Approval:
                task.kind = QStringLiteral("approval");
                task.title = QCoreApplication::translate("ContractTasks", "Review contract %1 (%2)").arg(reminder.number, reminder.detail);
                break;
            case Kind::Acknowledge:
                task.kind = QStringLiteral("contract_copy");
                task.title = QCoreApplication::translate("ContractTasks", "Acknowledge your copy of contract %1").arg(reminder.number);
                break;
            case Kind::MilestoneOverdue:
                task.kind = QStringLiteral("milestone_overdue");
                task.title = QCoreApplication::translate("ContractTasks", "Milestone of contract %1 is overdue").arg(reminder.number);
                task.overdue = true;
                break;
            case Kind::Renewal:
                task.kind = QStringLiteral("contract_renewal");
                task.title = QCoreApplication::translate("ContractTasks", "Contract %1 ends on %2: renew or close it").arg(reminder.number,
                                                                                          reminder.due.toString(Qt::ISODate));
                break;
            case Kind::RetentionExpired:
                task.kind = QStringLiteral("retention_expired");
                task.title = QCoreApplication::translate("ContractTasks", "Retention of contract %1 has ended (§5.6.3)").arg(reminder.number);
                break;
            }
            tasks << task;
        }
        return tasks;
    }
};

QString stateName(const QString &name)
{
    return domain::contractStates().displayOfName(name);
}

AuditLabels contractAuditLabels()
{
    AuditLabels labels;
    labels.context = "ContractAudit";
    labels.actions = {
        {QStringLiteral("contract.draft"), QT_TRANSLATE_NOOP("ContractAudit", "Contract drafted")},
        {QStringLiteral("contract.edit"), QT_TRANSLATE_NOOP("ContractAudit", "Contract draft changed")},
        {QStringLiteral("contract.clause"), QT_TRANSLATE_NOOP("ContractAudit", "Clause written")},
        {QStringLiteral("contract.submit"), QT_TRANSLATE_NOOP("ContractAudit", "Submitted for review")},
        {QStringLiteral("contract.approve"), QT_TRANSLATE_NOOP("ContractAudit", "Approved")},
        {QStringLiteral("contract.return"), QT_TRANSLATE_NOOP("ContractAudit", "Returned to the drafter")},
        {QStringLiteral("contract.withdraw"), QT_TRANSLATE_NOOP("ContractAudit", "Withdrawn")},
        {QStringLiteral("contract.sign"), QT_TRANSLATE_NOOP("ContractAudit", "Signed")},
        {QStringLiteral("contract.acknowledge"), QT_TRANSLATE_NOOP("ContractAudit", "Copy acknowledged")},
        {QStringLiteral("contract.milestone"), QT_TRANSLATE_NOOP("ContractAudit", "Milestone added")},
        {QStringLiteral("contract.milestone-done"), QT_TRANSLATE_NOOP("ContractAudit", "Milestone done")},
        {QStringLiteral("contract.receivable"), QT_TRANSLATE_NOOP("ContractAudit", "Receivable installment added")},
        {QStringLiteral("contract.payment"), QT_TRANSLATE_NOOP("ContractAudit", "Payment recorded")},
        {QStringLiteral("contract.issue"), QT_TRANSLATE_NOOP("ContractAudit", "Execution issue recorded")},
        {QStringLiteral("contract.satisfaction"), QT_TRANSLATE_NOOP("ContractAudit", "Customer satisfaction recorded")},
        {QStringLiteral("contract.change"), QT_TRANSLATE_NOOP("ContractAudit", "Change agreement recorded")},
        {QStringLiteral("contract.terminate"), QT_TRANSLATE_NOOP("ContractAudit", "Terminated")},
        {QStringLiteral("contract.complete"), QT_TRANSLATE_NOOP("ContractAudit", "Completed")},
        {QStringLiteral("contract.archive"), QT_TRANSLATE_NOOP("ContractAudit", "Archived")},
        {QStringLiteral("contract.destroy"), QT_TRANSLATE_NOOP("ContractAudit", "Destroyed after retention")},
        {QStringLiteral("contract.rate"), QT_TRANSLATE_NOOP("ContractAudit", "Exchange rate set")},
        {QStringLiteral("contract.attach"), QT_TRANSLATE_NOOP("ContractAudit", "File attached")},
        {QStringLiteral("contract_template.add"), QT_TRANSLATE_NOOP("ContractAudit", "Clause template added")},
        {QStringLiteral("contract_template.remove"), QT_TRANSLATE_NOOP("ContractAudit", "Clause template removed")},
    };
    labels.fields = {
        {QStringLiteral("state"), {QT_TRANSLATE_NOOP("ContractAudit", "State"), AuditValue::Named, stateName}},
        {QStringLiteral("number"), {QT_TRANSLATE_NOOP("ContractAudit", "Number"), AuditValue::Text, {}}},
        {QStringLiteral("title"), {QT_TRANSLATE_NOOP("ContractAudit", "Title"), AuditValue::Text, {}}},
        {QStringLiteral("amount"), {QT_TRANSLATE_NOOP("ContractAudit", "Amount"), AuditValue::Text, {}}},
        {QStringLiteral("currency"), {QT_TRANSLATE_NOOP("ContractAudit", "Currency"), AuditValue::Text, {}}},
        {QStringLiteral("owner_id"), {QT_TRANSLATE_NOOP("ContractAudit", "Owner"), AuditValue::Person, {}}},
        {QStringLiteral("revision"), {QT_TRANSLATE_NOOP("ContractAudit", "Revision"), AuditValue::Text, {}}},
        {QStringLiteral("contract_version"), {QT_TRANSLATE_NOOP("ContractAudit", "Contract version"), AuditValue::Text, {}}},
        {QStringLiteral("comment"), {QT_TRANSLATE_NOOP("ContractAudit", "Comment"), AuditValue::Text, {}}},
        {QStringLiteral("clause"), {QT_TRANSLATE_NOOP("ContractAudit", "Clause"), AuditValue::Named,
                                    [](const QString &name) { return domain::contractClauses().displayOfName(name); }}},
        {QStringLiteral("clauses"), {nullptr, AuditValue::Hidden, {}}},
        {QStringLiteral("customer_id"), {nullptr, AuditValue::Hidden, {}}},
    };
    return labels;
}

} // namespace

ModuleDescriptor contractsModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Contracts;
    module.title = QT_TRANSLATE_NOOP("Modules", "Contracts");
    module.description = QT_TRANSLATE_NOOP("Modules", "Contract drafting, legal and finance review, approval, signing, "
                                                      "execution, changes and archive.");
    module.clauses = QStringLiteral("§5");
    module.records = {contractRecord};
    module.taskSources = {std::make_shared<ContractTaskSource>()};
    module.commandGroups = {QStringLiteral("contract")};
    module.policyKeys = {domain::policy::contractExecutiveThreshold, domain::policy::contractRetentionYears,
                         domain::policy::contractRenewalNoticeDays, domain::policy::contractAttachmentMaxMb};
    module.audit = contractAuditLabels();
    return module;
}

} // namespace bizdesk::services
