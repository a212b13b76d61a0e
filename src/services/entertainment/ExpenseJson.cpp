#include "services/entertainment/ExpenseJson.h"

#include <QJsonArray>
#include <QLocale>
#include <QStringList>

namespace bizdesk::services {

using domain::ExpenseAction;
using domain::ExpenseRequest;
using domain::Route;

QJsonObject ExpenseJson::toJson(const domain::ExpenseListRow &row)
{
    const ExpenseRequest &request = row.request;
    QJsonObject object{
        {QStringLiteral("id"), request.id},
        {QStringLiteral("state"), domain::expenseStateName(request.state)},
        {QStringLiteral("category"), domain::expenseCategoryName(request.category)},
        {QStringLiteral("reason"), request.reason},
        {QStringLiteral("at"), request.eventAt.toLocalTime().toString(Qt::ISODate)},
        {QStringLiteral("place"), request.place},
        {QStringLiteral("participants"), request.participants},
        {QStringLiteral("headcount"), request.headcount},
        {QStringLiteral("estimate"), request.estimate.toDecimalString()},
        {QStringLiteral("actual"), request.actual ? QJsonValue(request.actual->toDecimalString()) : QJsonValue()},
        {QStringLiteral("applicant"), row.applicantLogin},
        {QStringLiteral("applicant_name"), row.applicantName},
        {QStringLiteral("department"), row.departmentName},
        {QStringLiteral("flags"), QJsonObject{{QStringLiteral("late"), request.late},
                                              {QStringLiteral("over_budget"), request.overBudget},
                                              {QStringLiteral("overrun"), request.overrun}}},
        {QStringLiteral("version"), request.version},
    };
    if (request.customerId) {
        object.insert(QStringLiteral("customer"), *request.customerId);
        object.insert(QStringLiteral("customer_name"), row.customerName);
        object.insert(QStringLiteral("customer_class"), request.customerClass);
    }
    return object;
}

QString ExpenseJson::staffNames(const ExpenseDetail &detail)
{
    QStringList names;
    for (const domain::ExpenseStaff &member : detail.row.staff)
        names << member.name;
    return QLocale().createSeparatedList(names);
}

QJsonObject ExpenseJson::toJson(const ExpenseDetail &detail)
{
    QJsonObject object = toJson(detail.row);
    const ExpenseRequest &request = detail.request();
    QJsonArray staff;
    for (const domain::ExpenseStaff &member : detail.row.staff)
        staff.append(QJsonObject{{QStringLiteral("login"), member.login}, {QStringLiteral("name"), member.name}});
    object.insert(QStringLiteral("staff"), staff);
    object.insert(QStringLiteral("guests"), request.participants);
    if (detail.decidesFor)
        object.insert(QStringLiteral("decides_for"), detail.names.value(*detail.decidesFor));
    object.insert(QStringLiteral("receipts"), request.receiptCount);
    object.insert(QStringLiteral("explanation"), request.claimExplanation);
    object.insert(QStringLiteral("over_budget_explanation"), request.overBudgetExplanation);
    object.insert(QStringLiteral("claimed_at"), request.claimedAt);
    object.insert(QStringLiteral("budget"), QJsonObject{{QStringLiteral("monthly"), detail.budget.budget.toDecimalString()},
                                                        {QStringLiteral("used"), detail.budget.used.toDecimalString()},
                                                        {QStringLiteral("after_this"), detail.budget.afterThis.toDecimalString()}});
    QJsonArray route;
    for (const Route *item : {&detail.route, &detail.claimRoute}) {
        for (const domain::ApprovalStep &step : item->steps()) {
            QJsonArray approvers;
            for (const domain::StepApprover &approver : step.approvers) {
                QJsonObject entry{{QStringLiteral("approver"), detail.names.value(approver.approver)},
                                  {QStringLiteral("decision"), approver.decision}};
                if (approver.decidedBy && *approver.decidedBy != approver.approver)
                    entry.insert(QStringLiteral("decided_by"), detail.names.value(*approver.decidedBy));
                if (approver.hasDecided())
                    entry.insert(QStringLiteral("at"), approver.decidedAt);
                approvers.append(entry);
            }
            route.append(QJsonObject{{QStringLiteral("state"), step.state},
                                     {QStringLiteral("mode"), domain::ApprovalStep::modeName(step.mode)},
                                     {QStringLiteral("status"), domain::ApprovalStep::statusName(step.status)},
                                     {QStringLiteral("clause"), step.clause},
                                     {QStringLiteral("approvers"), approvers}});
        }
    }
    object.insert(QStringLiteral("route"), route);
    QJsonArray history;
    for (const ExpenseHistoryEntry &record : detail.history) {
        QJsonObject entry{{QStringLiteral("action"), record.action},
                          {QStringLiteral("from"), record.fromState},
                          {QStringLiteral("to"), record.toState},
                          {QStringLiteral("by"), record.actorLogin},
                          {QStringLiteral("at"), record.at},
                          {QStringLiteral("comment"), record.comment},
                          {QStringLiteral("policy_version"), record.policyVersion}};
        if (record.onBehalfOfId)
            entry.insert(QStringLiteral("on_behalf_of"), record.onBehalfOfLogin);
        history.append(entry);
    }
    object.insert(QStringLiteral("history"), history);
    QJsonArray attachments;
    for (const domain::ExpenseAttachment &attachment : detail.attachments)
        attachments.append(QJsonObject{{QStringLiteral("id"), attachment.id},
                                       {QStringLiteral("file"), attachment.fileName},
                                       {QStringLiteral("type"), attachment.mediaType},
                                       {QStringLiteral("size"), attachment.size},
                                       {QStringLiteral("sha256"), attachment.sha256}});
    object.insert(QStringLiteral("attachments"), attachments);
    QJsonArray actions;
    for (ExpenseAction action : detail.actions)
        actions.append(domain::expenseActionName(action));
    object.insert(QStringLiteral("actions"), actions);
    QJsonArray ahead;
    for (const RouteStepView &step : detail.routeSteps) {
        if (step.stage != RouteStepView::Stage::Ahead)
            continue;
        ahead.append(QJsonObject{{QStringLiteral("state"), step.state},
                                 {QStringLiteral("clause"), step.clause},
                                 {QStringLiteral("approvers"), QJsonArray::fromStringList(step.approvers)}});
    }
    object.insert(QStringLiteral("route_ahead"), ahead);
    if (detail.overrun)
        object.insert(QStringLiteral("overrun"),
                      QJsonObject{{QStringLiteral("amount"), detail.overrun->amount.toDecimalString()},
                                  {QStringLiteral("percent"), QString::number(detail.overrun->percent, 'f', 1)}});
    if (!detail.conflictNote.isEmpty())
        object.insert(QStringLiteral("conflict_note"), detail.conflictNote);
    QJsonArray conflicts;
    for (const domain::ExpenseConflict &conflict : detail.conflicts)
        conflicts.append(QJsonObject{{QStringLiteral("step"), conflict.stepState},
                                     {QStringLiteral("decision"), conflict.decision},
                                     {QStringLiteral("by"), conflict.decidedByName},
                                     {QStringLiteral("at"), conflict.decidedAt},
                                     {QStringLiteral("note"), conflict.note}});
    object.insert(QStringLiteral("conflicts"), conflicts);
    return object;
}

} // namespace bizdesk::services
