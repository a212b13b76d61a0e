#include "services/entertainment/EntertainmentModule.h"

#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/demo/DemoData.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/policy/PolicyService.h"
#include "services/tasks/TaskSource.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace bizdesk::services {
namespace {

using domain::ExpenseState;

QString shortDetail(const domain::ExpenseListRow &row)
{
    return QStringLiteral("%1 · ¥%2 · %3")
        .arg(row.applicantName, row.request.estimate.toDecimalString(),
             row.request.eventAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

/// Approvals and finance reviews waiting for the user; approved events whose claim is due.
class EntertainmentTaskSource final : public TaskSource
{
public:
    QList<TaskItem> tasksFor(Session &session) const override
    {
        QList<TaskItem> tasks;
        EntertainmentService service(session);
        ExpenseQuery waiting;
        waiting.pendingForMe = true;
        for (const domain::ExpenseListRow &row : service.list(waiting)) {
            TaskItem task;
            task.record = {expenseRecord, row.request.id};
            task.detail = shortDetail(row);
            if (row.request.state == ExpenseState::PendingFinanceReview) {
                task.kind = QStringLiteral("finance_review");
                task.title = QCoreApplication::translate("EntertainmentTasks", "Review the claim of entertainment request #%1")
                                 .arg(row.request.id);
            } else {
                task.kind = QStringLiteral("approval");
                task.title = QCoreApplication::translate("EntertainmentTasks", "Approve entertainment request #%1 (%2)")
                                 .arg(row.request.id)
                                 .arg(domain::expenseStateDisplayName(row.request.state));
            }
            tasks << task;
        }
        if (!session.may(domain::Action::ApplyEntertainment))
            return tasks;
        const qint64 deadline = PolicyService(session).integer(domain::policy::entertainmentClaimDeadlineDays);
        ExpenseQuery mine;
        mine.mineOnly = true;
        mine.state = ExpenseState::Approved;
        for (const domain::ExpenseListRow &row : service.list(mine)) {
            if (row.request.eventAt > session.now())
                continue;
            TaskItem task;
            task.kind = QStringLiteral("claim");
            task.record = {expenseRecord, row.request.id};
            task.title = QCoreApplication::translate("EntertainmentTasks", "File the claim for entertainment request #%1")
                             .arg(row.request.id);
            task.detail = shortDetail(row);
            // Due on the last business day of the claim deadline (§6.4.2), as ClaimRules counts it.
            const QDate lastDay = session.calendar().dateOf(row.request.eventAt).addDays(deadline);
            task.due = session.calendar().startOf(lastDay);
            task.overdue = session.today() > lastDay;
            tasks << task;
        }
        return tasks;
    }
};

/// Requests in every state, made and decided by the demo organisation's people.
void contributeDemo(DemoContext &context)
{
    QMap<QString, domain::User> people;
    for (const domain::User &user : context.people)
        people.insert(user.login, user);
    const auto as = [&](const QString &login) {
        auto session = std::make_unique<Session>(context.session.database(), context.session.clock());
        session->setUser(people.value(login));
        return session;
    };
    const QDateTime now = context.session.now();
    struct Plan
    {
        const char *applicant;
        const char *category;
        const char *reason;
        const char *place;
        const char *participants;
        int headcount;
        const char *estimate;
        int daysFromNow;
        const char *goal;  // state to reach
        const char *staff; // company staff taking part, by login (§6.3.1)
    };
    const Plan plans[] = {
        {"sales1", "banquet", "年度重点客户答谢晚宴", "北京饭店 宴会厅", "王总(客户), 李经理(客户)", 6, "3800", 12, "pending_dept_review", "sales1,sales2"},
        {"sales2", "reception", "客户来访接待及工厂参观", "公司会议室、员工餐厅", "客户采购部三人", 5, "1200", 5, "pending_superior_approval", "sales2,manager1"},
        {"sales4", "event", "参加华东区行业展会", "上海国家会展中心", "", 3, "8600", 20, "pending_executive_approval", "sales4,sales3,manager2"},
        {"sales3", "banquet", "合同签约后商务宴请", "全聚德 前门店", "客户总经理及助理", 4, "2600", -10, "approved", "sales3,manager2"},
        {"sales5", "reception", "新客户初次拜访", "客户办公室附近茶室", "客户一人", 2, "400", -8, "pending_finance_review", "sales5"},
        {"sales1", "banquet", "项目验收庆功宴", "望京 海底捞", "客户项目组五人", 8, "2000", -20, "pending_overrun_approval", "sales1,sales2,manager1"},
        {"sales2", "other", "客户节日礼品", "—", "客户采购部", 1, "900", -40, "reimbursed", ""},
        {"sales4", "banquet", "竞品调研餐叙", "国贸 咖啡厅", "行业朋友两人", 3, "1500", 7, "rejected", "sales4"},
        {"sales3", "reception", "供应商来访接待", "公司会议室", "供应商两人", 3, "300", 3, "draft", "sales3"},
    };
    int created = 0;
    for (const Plan &plan : plans) {
        auto applicant = as(QString::fromLatin1(plan.applicant));
        EntertainmentService service(*applicant);
        domain::ExpenseForm form;
        form.category = QString::fromLatin1(plan.category);
        form.reason = QString::fromUtf8(plan.reason);
        form.place = QString::fromUtf8(plan.place);
        form.participants = QString::fromUtf8(plan.participants);
        const QStringList staffLogins = QString::fromLatin1(plan.staff).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const domain::User &user : context.people) {
            if (staffLogins.contains(user.login))
                form.staff << user.id;
        }
        form.headcount = plan.headcount;
        form.estimate = QString::fromLatin1(plan.estimate);
        QDateTime at = now.addDays(plan.daysFromNow);
        at.setTime(QTime(10 + created % 9, 0));
        form.eventAt = at;
        domain::ExpenseRequest request = service.apply(form);
        ++created;
        const QString goal = QString::fromLatin1(plan.goal);
        if (goal == QLatin1String("draft"))
            continue;
        request = service.submit(request.id);
        const auto approveUntil = [&](const QString &state) {
            while (domain::expenseStateName(request.state) != state && domain::isPendingApproval(request.state)) {
                const ExpenseDetail detail = EntertainmentService(*applicant).detail(request.id);
                const domain::ApprovalStep *step = detail.route.currentStep();
                if (!step || step->approvers.isEmpty())
                    return;
                const domain::UserId approverId = step->approvers.first().approver;
                const auto before = request.state;
                for (const domain::User &user : context.people) {
                    if (user.id == approverId) {
                        auto approver = as(user.login);
                        request = EntertainmentService(*approver).approve(request.id, QCoreApplication::translate("EntertainmentDemo", "Agreed."));
                    }
                }
                if (request.state == before)
                    return;
            }
        };
        if (goal == QLatin1String("rejected")) {
            auto manager = as(QStringLiteral("manager2"));
            EntertainmentService(*manager).reject(request.id, QCoreApplication::translate("EntertainmentDemo", "Not a customer event; please pay privately."));
            continue;
        }
        approveUntil(goal);
        if (goal == QLatin1String("pending_finance_review") || goal == QLatin1String("pending_overrun_approval")
            || goal == QLatin1String("reimbursed")) {
            const bool overrun = goal == QLatin1String("pending_overrun_approval");
            ExpenseClaimInput claim{overrun ? QStringLiteral("2680") : QString::fromLatin1(plan.estimate), 2,
                                    overrun ? QCoreApplication::translate("EntertainmentDemo", "Two more guests came from the customer.")
                                            : QString()};
            request = service.claim(request.id, claim);
            if (goal == QLatin1String("reimbursed")) {
                auto finance = as(QStringLiteral("finance"));
                EntertainmentService(*finance).approve(request.id, QCoreApplication::translate("EntertainmentDemo", "Receipts in order."));
            }
        }
    }
    context.summary.insert(QStringLiteral("entertainment_requests"), created);
}

QString stateName(const QString &name)
{
    return domain::expenseStateDisplayName(name);
}

AuditLabels entertainmentAuditLabels()
{
    AuditLabels labels;
    labels.context = "EntertainmentAudit";
    labels.actions = {
        {QStringLiteral("expense.apply"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Entertainment application filled in")},
        {QStringLiteral("expense.edit"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Entertainment draft changed")},
        {QStringLiteral("expense.submit"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Submitted for approval")},
        {QStringLiteral("expense.approve"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Approved")},
        {QStringLiteral("expense.return"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Returned")},
        {QStringLiteral("expense.reject"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Rejected")},
        {QStringLiteral("expense.withdraw"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Withdrawn")},
        {QStringLiteral("expense.cancel"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Cancelled")},
        {QStringLiteral("expense.claim"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Claim filed")},
        {QStringLiteral("expense.finance_approve"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Reimbursed")},
        {QStringLiteral("expense.finance_return"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Claim returned for correction")},
        {QStringLiteral("expense.finance_reject"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Claim refused")},
        {QStringLiteral("expense.attach"), QT_TRANSLATE_NOOP("EntertainmentAudit", "Receipt attached")},
    };
    labels.fields = {
        {QStringLiteral("state"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "State"), AuditValue::Named, stateName}},
        {QStringLiteral("estimate"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Estimate"), AuditValue::Text, {}}},
        {QStringLiteral("actual"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Actual cost"), AuditValue::Text, {}}},
        {QStringLiteral("reason"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Reason"), AuditValue::Text, {}}},
        {QStringLiteral("staff"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Company staff"), AuditValue::People, {}}},
        {QStringLiteral("guests"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Guests"), AuditValue::Text, {}}},
        {QStringLiteral("comment"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Comment"), AuditValue::Text, {}}},
        {QStringLiteral("file"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "File"), AuditValue::Text, {}}},
        {QStringLiteral("size"), {QT_TRANSLATE_NOOP("EntertainmentAudit", "Size"), AuditValue::Text, {}}},
        {QStringLiteral("sha256"), {nullptr, AuditValue::Hidden, {}}},
        {QStringLiteral("attachment"), {nullptr, AuditValue::Hidden, {}}},
    };
    return labels;
}

} // namespace

ModuleDescriptor entertainmentModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Entertainment;
    module.title = QT_TRANSLATE_NOOP("Modules", "Entertainment");
    module.clauses = QStringLiteral("§6");
    module.records = {expenseRecord};
    module.taskSources = {std::make_shared<EntertainmentTaskSource>()};
    module.demo = contributeDemo;
    module.commandGroups = {QStringLiteral("expense")};
    module.policyKeys = {domain::policy::entertainmentExecutiveThreshold, domain::policy::entertainmentOverrunTolerancePct,
                         domain::policy::entertainmentClaimDeadlineDays, domain::policy::entertainmentMonthlyBudget,
                         domain::policy::entertainmentReceiptMaxKb, domain::policy::entertainmentReceiptRetentionYears};
    module.audit = entertainmentAuditLabels();
    return module;
}

} // namespace bizdesk::services
