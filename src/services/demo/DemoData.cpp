#include "services/demo/DemoData.h"

#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <vector>

namespace bizdesk::services {
namespace {

std::vector<std::pair<QString, DemoData::Contributor>> &contributors()
{
    static std::vector<std::pair<QString, DemoData::Contributor>> list;
    return list;
}

template<std::size_t N>
QString pick(std::mt19937 &random, const char *const (&items)[N])
{
    std::uniform_int_distribution<std::size_t> distribution(0, N - 1);
    return QString::fromUtf8(items[distribution(random)]);
}

const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
const char *const givenNames[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
                                  "明", "超", "秀英", "华", "慧", "建国", "志强", "晓明", "海燕", "子涵", "雨轩", "思远",
                                  "欣怡", "浩然", "佳琪", "文博", "嘉怡", "俊杰", "梓萱"};
const char *const cities[] = {"北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州", "天津",
                              "重庆", "长沙", "青岛", "厦门", "合肥", "郑州", "宁波", "无锡", "大连"};
const char *const companyWords[] = {"华信", "中科", "鼎盛", "远航", "启明", "恒通", "天宇", "博雅", "盛世", "瑞丰",
                                    "金桥", "海纳", "云帆", "星辰", "卓越", "新锐", "东方", "宏图", "易达", "智联",
                                    "万象", "长青", "和信", "泰和", "嘉禾", "同创", "联众", "正道", "凯旋", "明德"};
const char *const companyTrades[] = {"软件", "信息技术", "网络科技", "数据服务", "智能制造", "电子商务", "物流",
                                     "医疗器械", "教育科技", "金融服务", "建筑工程", "新能源", "文化传媒", "生物科技"};
const char *const companySuffixes[] = {"有限公司", "股份有限公司", "集团有限公司", "科技有限公司"};

} // namespace

const domain::User &DemoContext::someone(domain::Role role)
{
    QList<int> matching;
    for (int i = 0; i < people.size(); ++i) {
        if (people.at(i).roles.has(role))
            matching << i;
    }
    if (matching.isEmpty())
        return people.first();
    return people.at(matching.at(between(0, static_cast<int>(matching.size()) - 1)));
}

int DemoContext::between(int low, int high)
{
    std::uniform_int_distribution<int> distribution(low, high);
    return distribution(random);
}

QString DemoData::personName(std::mt19937 &random)
{
    return pick(random, surnames) + pick(random, givenNames);
}

QString DemoData::companyName(std::mt19937 &random)
{
    return pick(random, cities) + pick(random, companyWords) + pick(random, companyTrades) + pick(random, companySuffixes);
}

void DemoData::addContributor(const QString &name, Contributor contributor)
{
    for (const auto &existing : contributors()) {
        if (existing.first == name)
            return;
    }
    contributors().emplace_back(name, std::move(contributor));
}

namespace {

/// Speaks the demo's language while the demo is written: module generators write their free
/// text with QCoreApplication::translate, which asks the translator installed last first. For
/// English it answers with the source text itself, so the program's own (e.g. Chinese)
/// translator is never asked.
class DemoTranslator final : public QTranslator
{
public:
    explicit DemoTranslator(const QString &language)
        : m_english(QLocale(language).language() == QLocale::English)
    {
        if (!m_english)
            m_loaded = load(QLocale(language), QStringLiteral("bizdesk"), QStringLiteral("_"), QStringLiteral(":/i18n"));
        m_installed = QCoreApplication::installTranslator(this);
    }
    ~DemoTranslator() override
    {
        if (m_installed)
            QCoreApplication::removeTranslator(this);
    }
    DemoTranslator(const DemoTranslator &) = delete;
    DemoTranslator &operator=(const DemoTranslator &) = delete;

    QString translate(const char *context, const char *source, const char *disambiguation, int n) const override
    {
        if (m_english)
            return QString::fromUtf8(source);
        return m_loaded ? QTranslator::translate(context, source, disambiguation, n) : QString();
    }
    bool isEmpty() const override { return !m_english && !m_loaded; }

private:
    bool m_english = false;
    bool m_loaded = false;
    bool m_installed = false;
};

} // namespace

QStringList DemoData::languages()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("zh_TW"), QStringLiteral("en")};
}

QJsonObject DemoData::generate(storage::Database &database, const DemoOptions &options)
{
    if (!languages().contains(options.language))
        throw domain::Error::invalid(QStringLiteral("language"),
                                     QCoreApplication::translate("DemoData", "Unknown demo language %1; use one of: %2.")
                                         .arg(options.language, languages().join(QStringLiteral(", "))));
    const DemoTranslator language(options.language);
    ModuleCatalog::registerAll();
    std::mt19937 random(options.seed);
    const domain::User director =
        DatabaseMaintenance::initialise(database, QStringLiteral("director"), QStringLiteral("张建华"), options.password);
    domain::SystemClock clock;
    Session session(database, clock);
    session.setUser(director);
    IdentityService identity(session);

    storage::Transaction transaction(database);
    // An administrator account, so the director's admin role is not needed for daily work.
    NewUser admin{QStringLiteral("admin"), QStringLiteral("系统管理员"), QStringLiteral("admin"), {}, {}, {}, {},
                  options.password};
    identity.addUser(admin);

    struct Seat
    {
        const char *login;
        const char *roles;
        const char *department;
        const char *superior;
    };
    const Seat seats[] = {
        {"executive", "executive", "总经办", nullptr},
        {"manager1", "manager", "商务一部", "director"},
        {"manager2", "manager", "商务二部", "director"},
        {"sales1", "specialist", "商务一部", "manager1"},
        {"sales2", "specialist", "商务一部", "manager1"},
        {"sales3", "specialist", "商务一部", "manager1"},
        {"sales4", "specialist", "商务二部", "manager2"},
        {"sales5", "specialist", "商务二部", "manager2"},
        {"finance", "finance", "财务部", "executive"},
        {"legal", "legal", "法务部", "executive"},
    };
    for (const char *department : {"总经办", "商务一部", "商务二部", "财务部", "法务部"})
        identity.addDepartment(QString::fromUtf8(department), {});
    for (const Seat &seat : seats) {
        NewUser person;
        person.login = QString::fromLatin1(seat.login);
        person.displayName = personName(random);
        person.roles = QString::fromLatin1(seat.roles);
        person.department = QString::fromUtf8(seat.department);
        person.superiorLogin = seat.superior ? QString::fromLatin1(seat.superior) : QString();
        person.email = person.login + QStringLiteral("@bizdesk.example");
        person.password = options.password;
        identity.addUser(person);
    }
    // The director reports to the executive, the head of the executive office.
    identity.setSuperior(QStringLiteral("director"), QStringLiteral("executive"));
    identity.setDepartmentHead(QStringLiteral("总经办"), QStringLiteral("executive"));
    identity.setDepartmentHead(QStringLiteral("商务一部"), QStringLiteral("manager1"));
    identity.setDepartmentHead(QStringLiteral("商务二部"), QStringLiteral("manager2"));
    identity.setDepartmentHead(QStringLiteral("财务部"), QStringLiteral("finance"));
    identity.setDepartmentHead(QStringLiteral("法务部"), QStringLiteral("legal"));
    domain::User directorRecord = identity.user(QStringLiteral("director"));
    directorRecord.departmentId = identity.user(QStringLiteral("executive")).departmentId;
    identity.updateUser(directorRecord);

    QJsonObject summary;
    DemoContext context{session, options, random, identity.users(), summary};
    summary.insert(QStringLiteral("users"), static_cast<int>(context.people.size()));
    summary.insert(QStringLiteral("departments"), static_cast<int>(identity.departments().size()));
    for (auto &[name, contributor] : contributors())
        contributor(context);
    transaction.commit();
    summary.insert(QStringLiteral("database"), database.location().displayName());
    summary.insert(QStringLiteral("logins"), QStringLiteral("director, executive, manager1, manager2, sales1..sales5, "
                                                            "finance, legal, admin"));
    return summary;
}

} // namespace bizdesk::services
