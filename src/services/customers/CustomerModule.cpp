#include "services/customers/CustomerModule.h"

#include "domain/Error.h"
#include "domain/customers/Customer.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/customers/CustomerInsertion.h"
#include "services/customers/CustomerService.h"
#include "services/demo/DemoData.h"
#include "services/tasks/TaskSource.h"
#include "services/customers/CustomerAccess.h"
#include "services/customers/MarketResearchService.h"
#include "storage/customers/ContactLogRepository.h"
#include "storage/customers/CustomerRepository.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace bizdesk::services {
namespace {

using domain::CustomerRules;

/// My Tasks: follow-ups that are due and owned customers whose contact plan is overdue (§3.2.2).
class CustomerTaskSource final : public TaskSource
{
public:
    QList<TaskItem> tasksFor(Session &session) const override
    {
        QList<TaskItem> tasks;
        if (!session.may(domain::Action::EditCustomer))
            return tasks;
        storage::CustomerRepository repository(session.database());
        const QDateTime now = session.now();
        for (const auto &[entry, customerName] : storage::ContactLogRepository(session.database()).followUps(session.userId(), session.today())) {
            TaskItem item;
            item.kind = QStringLiteral("follow_up");
            item.record = {customerRecord, entry.customerId};
            item.title = QCoreApplication::translate("Customers", "Follow up %1").arg(customerName);
            item.detail = entry.note.left(80);
            item.due = session.calendar().startOf(entry.nextFollowUp);
            item.overdue = entry.nextFollowUp < session.today();
            tasks << item;
        }
        const CustomerAccess access(session);
        for (domain::CustomerClass customerClass : CustomerRules::classes()) {
            const int interval = access.intervalDays(customerClass);
            const QString cutoff = domain::toStorageTimestamp(now.addDays(-interval));
            for (const auto &row : repository.ownedNotContactedSince(session.userId(), cutoff, customerClass, 100)) {
                const auto &c = row.customer;
                const QDateTime since = c.lastContactAt.isValid() ? c.lastContactAt : c.createdAt;
                TaskItem item;
                item.kind = QStringLiteral("overdue_contact");
                item.record = {customerRecord, c.id};
                item.title = QCoreApplication::translate("Customers", "Contact %1").arg(c.name);
                item.detail = QCoreApplication::translate("Customers", "%1 · no contact for %2 days, interval %3")
                                  .arg(CustomerRules::label(c.customerClass))
                                  .arg(since.daysTo(now))
                                  .arg(interval);
                item.due = since.addDays(interval);
                item.overdue = true;
                item.group = CustomerRules::label(c.customerClass);
                tasks << item;
            }
        }
        return tasks;
    }
};

const char *const industries[] = {"软件", "信息技术", "制造业", "物流", "医疗器械", "教育", "金融", "建筑", "新能源",
                                  "文化传媒", "生物医药", "零售", "餐饮", "汽车"};
const char *const cities[] = {"北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州"};
const char *const roads[] = {"中山路", "人民路", "解放路", "建设路", "和平路", "长安街", "科技园路", "滨江大道"};
const char *const notes[] = {"对价格较敏感，关注售后服务", "计划明年扩大采购规模", "决策链较长，需要多次拜访",
                             "老客户推荐，信任度高", "关注数据安全与本地部署", "预算在第四季度审批"};
const char *const contactNotes[] = {"电话沟通需求，客户希望下周看演示", "上门拜访，介绍新版本功能", "发送报价单，等待反馈",
                                    "客户反馈使用中的问题，已记录", "参加客户年会，关系良好", "视频会议讨论实施方案"};

void contributeDemo(DemoContext &context)
{
    Session &session = context.session;
    storage::ContactLogRepository contactLog(session.database());
    MarketResearchService research(session);
    CustomerInsertion insertion(session);
    const qint64 segmentKey = research.addSegment(QStringLiteral("大型制造企业"), QStringLiteral("员工千人以上，信息化预算充足"),
                                                 QStringLiteral("重点客户经理一对一跟进，定期高层拜访"));
    research.addSegment(QStringLiteral("成长型科技公司"), QStringLiteral("发展快、决策快，重视性价比"),
                       QStringLiteral("线上获客，标准化方案快速成交"));
    research.addResearch(QStringLiteral("华东地区软件采购趋势"), session.today().addDays(-40),
                        QStringLiteral("中型企业更倾向订阅模式；本地部署需求仍占四成"), QStringLiteral("用友、金蝶、销售易"));

    // The demo obeys the owner rule (§3.2.1) and hands customers to the sales staff among those it allows.
    QList<domain::UserId> owners;
    for (const domain::User &person : CustomerAccess(session).eligibleOwners().people) {
        if (person.roles.has(domain::Role::Specialist) || person.roles.has(domain::Role::Manager))
            owners << person.id;
    }
    const QDateTime now = session.now();
    const QString nowText = session.timestamp();
    const int count = context.options.customers;
    const int uniqueNames = 30000;
    for (int i = 0; i < count; ++i) {
        domain::Customer c;
        c.name = DemoData::companyName(context.random);
        if (i >= uniqueNames)
            c.name += QStringLiteral("（%1分部）").arg(i);
        const int classRoll = context.between(0, 99);
        c.customerClass = classRoll < 15 ? domain::CustomerClass::Key : classRoll < 60 ? domain::CustomerClass::General : domain::CustomerClass::Potential;
        c.channel = CustomerRules::channels().at(context.between(0, 4));
        c.stage = CustomerRules::stages().at(context.between(0, 4));
        c.industry = QString::fromUtf8(industries[context.between(0, std::size(industries) - 1)]);
        c.address = QString::fromUtf8(cities[context.between(0, std::size(cities) - 1)]) + QString::fromUtf8(roads[context.between(0, std::size(roads) - 1)])
                    + QStringLiteral("%1号").arg(context.between(1, 999));
        c.phone = QStringLiteral("1%1%2").arg(context.between(30, 99)).arg(i + 10000000LL, 8, 10, QLatin1Char('0'));
        c.email = QStringLiteral("contact%1@customer%2.example.cn").arg(context.between(1, 9)).arg(i);
        c.sizeBand = QStringList{QStringLiteral("1-50"), QStringLiteral("50-200"), QStringLiteral("200-1000"), QStringLiteral("1000+")}.at(context.between(0, 3));
        if (context.between(0, 2) == 0)
            c.notes = QString::fromUtf8(notes[context.between(0, std::size(notes) - 1)]);
        if (context.between(0, 9) > 0)
            c.ownerId = owners.at(context.between(0, static_cast<int>(owners.size()) - 1));
        if (c.customerClass == domain::CustomerClass::Key && context.between(0, 1) == 0)
            c.segmentId = segmentKey;
        if (context.between(0, 9) > 1)
            c.lastContactAt = now.addDays(-context.between(0, 150));
        c.stageChangedAt = now.addDays(-context.between(0, 120));
        QList<domain::CustomerContact> contacts;
        domain::CustomerContact contact;
        contact.name = DemoData::personName(context.random);
        contact.title = QStringList{QStringLiteral("采购经理"), QStringLiteral("总经理"), QStringLiteral("IT总监"), QStringLiteral("财务主管")}.at(context.between(0, 3));
        contact.phone = c.phone;
        contacts << contact;
        insertion.insert(c, contacts, CustomerInsertion::Via::Demo);
        if (i < 300 && c.ownerId) {
            const int entries = context.between(1, 3);
            for (int e = 0; e < entries; ++e) {
                domain::ContactLogEntry entry;
                entry.customerId = c.id;
                entry.kind = CustomerRules::kinds().at(context.between(0, 4));
                entry.at = c.lastContactAt.isValid() ? c.lastContactAt.addDays(-e * 7) : now.addDays(-200);
                entry.byId = *c.ownerId;
                entry.note = QString::fromUtf8(contactNotes[context.between(0, std::size(contactNotes) - 1)]);
                if (e == 0 && context.between(0, 3) == 0)
                    entry.nextFollowUp = session.today().addDays(context.between(-5, 10));
                contactLog.insertLog(entry, nowText);
            }
            if (i % 25 == 0) {
                domain::ContactLogEntry complaint;
                complaint.customerId = c.id;
                complaint.kind = domain::ContactKind::Complaint;
                complaint.at = now.addDays(-context.between(1, 30));
                complaint.byId = *c.ownerId;
                complaint.note = QStringLiteral("客户投诉交付延期，要求说明原因");
                complaint.complaintStatus = domain::ComplaintStatus::Open;
                contactLog.insertLog(complaint, nowText);
            }
        }
    }
    context.summary.insert(QStringLiteral("customers"), count);
}

/// A stored name of one of the customer enums, translated; the text itself when it is not one.
template<typename Parse>
std::function<QString(const QString &)> customerName(Parse parse)
{
    return [parse](const QString &name) {
        try {
            return CustomerRules::label(parse(QString(), name));
        } catch (const domain::Error &) {
            return name;
        }
    };
}

AuditLabels customerAuditLabels()
{
    AuditLabels labels;
    labels.context = "CustomerAudit";
    labels.actions = {
        {QStringLiteral("customer.create"), QT_TRANSLATE_NOOP("CustomerAudit", "Customer added")},
        {QStringLiteral("customer.update"), QT_TRANSLATE_NOOP("CustomerAudit", "Customer changed")},
        {QStringLiteral("customer.assign"), QT_TRANSLATE_NOOP("CustomerAudit", "Owner assigned")},
        {QStringLiteral("customer.claim"), QT_TRANSLATE_NOOP("CustomerAudit", "Claimed from the shared pool")},
        {QStringLiteral("customer.release"), QT_TRANSLATE_NOOP("CustomerAudit", "Released to the shared pool")},
        {QStringLiteral("customer.return_to_pool"), QT_TRANSLATE_NOOP("CustomerAudit", "Returned to the pool (not followed up)")},
        {QStringLiteral("customer.stage"), QT_TRANSLATE_NOOP("CustomerAudit", "Pipeline stage changed")},
        {QStringLiteral("customer.contact"), QT_TRANSLATE_NOOP("CustomerAudit", "Contact recorded")},
        {QStringLiteral("customer.contact_person"), QT_TRANSLATE_NOOP("CustomerAudit", "Contact person added")},
        {QStringLiteral("customer.complaint"), QT_TRANSLATE_NOOP("CustomerAudit", "Complaint handled")},
        {QStringLiteral("customer.winback"), QT_TRANSLATE_NOOP("CustomerAudit", "Win-back plan made")},
        {QStringLiteral("customer.winback_result"), QT_TRANSLATE_NOOP("CustomerAudit", "Win-back result recorded")},
        {QStringLiteral("customer.export"), QT_TRANSLATE_NOOP("CustomerAudit", "Customers exported")},
        {QStringLiteral("customer.import"), QT_TRANSLATE_NOOP("CustomerAudit", "Customers imported")},
        {QStringLiteral("customer_event.create"), QT_TRANSLATE_NOOP("CustomerAudit", "Customer event planned")},
        {QStringLiteral("customer_event.invite"), QT_TRANSLATE_NOOP("CustomerAudit", "Customer invited to an event")},
        {QStringLiteral("research.create"), QT_TRANSLATE_NOOP("CustomerAudit", "Market research recorded")},
        {QStringLiteral("segment.create"), QT_TRANSLATE_NOOP("CustomerAudit", "Customer segment added")},
    };
    const auto text = [](const char *label) { return AuditField{label, AuditValue::Text, {}}; };
    labels.fields = {
        {QStringLiteral("name"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Name"))},
        {QStringLiteral("short_name"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Short name"))},
        {QStringLiteral("class"), {QT_TRANSLATE_NOOP("CustomerAudit", "Class"), AuditValue::Named, customerName(&CustomerRules::parseClass)}},
        {QStringLiteral("stage"), {QT_TRANSLATE_NOOP("CustomerAudit", "Stage"), AuditValue::Named, customerName(&CustomerRules::parseStage)}},
        {QStringLiteral("channel"), {QT_TRANSLATE_NOOP("CustomerAudit", "Channel"), AuditValue::Named, customerName(&CustomerRules::parseChannel)}},
        {QStringLiteral("kind"), {QT_TRANSLATE_NOOP("CustomerAudit", "Kind of contact"), AuditValue::Named, customerName(&CustomerRules::parseKind)}},
        {QStringLiteral("industry"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Industry"))},
        {QStringLiteral("size"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Size"))},
        {QStringLiteral("address"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Address"))},
        {QStringLiteral("website"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Website"))},
        {QStringLiteral("tags"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Tags"))},
        {QStringLiteral("notes"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Notes"))},
        {QStringLiteral("note"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Note"))},
        {QStringLiteral("owner_id"), {QT_TRANSLATE_NOOP("CustomerAudit", "Owner"), AuditValue::Person, {}}},
        {QStringLiteral("owner"), {QT_TRANSLATE_NOOP("CustomerAudit", "Owner"), AuditValue::Login, {}}},
        {QStringLiteral("by"), {QT_TRANSLATE_NOOP("CustomerAudit", "By"), AuditValue::Person, {}}},
        {QStringLiteral("by_name"), {nullptr, AuditValue::Hidden, {}}},
        {QStringLiteral("customer"), {nullptr, AuditValue::Hidden, {}}},
        {QStringLiteral("customer_id"), {nullptr, AuditValue::Hidden, {}}},
        {QStringLiteral("last_contact_at"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Last contact"))},
        {QStringLiteral("lost_reason"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Reason lost"))},
        {QStringLiteral("next_follow_up"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Next follow-up"))},
        {QStringLiteral("complaint_status"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Complaint"))},
        {QStringLiteral("resolution"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Resolution"))},
        {QStringLiteral("hours_to_resolve"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Hours to resolve"))},
        {QStringLiteral("cause"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Cause"))},
        {QStringLiteral("measures"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Measures"))},
        {QStringLiteral("score"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Churn score"))},
        {QStringLiteral("topic"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Topic"))},
        {QStringLiteral("title"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Title"))},
        {QStringLiteral("date"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Date"))},
        {QStringLiteral("rows"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Rows"))},
        {QStringLiteral("imported"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Imported"))},
        {QStringLiteral("rejected"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Rejected"))},
        {QStringLiteral("pool_return_days"), text(QT_TRANSLATE_NOOP("CustomerAudit", "Days without follow-up"))},
    };
    return labels;
}

} // namespace

ModuleDescriptor customersModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Customers;
    module.title = QT_TRANSLATE_NOOP("Modules", "Customers");
    module.clauses = QStringLiteral("§3");
    module.records = {customerRecord};
    module.taskSources = {std::make_shared<CustomerTaskSource>()};
    module.demo = contributeDemo;
    module.commandGroups = {QStringLiteral("customer"), QStringLiteral("event"), QStringLiteral("segment"),
                            QStringLiteral("research")};
    module.policyKeys = {domain::policy::contactIntervalKey, domain::policy::contactIntervalGeneral,
                         domain::policy::contactIntervalPotential, domain::policy::poolReturnDays};
    module.audit = customerAuditLabels();
    return module;
}

} // namespace bizdesk::services
