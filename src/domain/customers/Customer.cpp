#include "domain/customers/Customer.h"

#include "domain/Error.h"
#include "domain/TextRules.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::domain {
namespace {

template <typename E>
struct EnumInfo
{
    E value;
    const char *name;
    const char *label; ///< English source of the translated label
    QStringList aliases; ///< zh_CN / zh_TW / English spellings accepted in files
};

const std::vector<EnumInfo<CustomerClass>> &classInfo()
{
    static const std::vector<EnumInfo<CustomerClass>> info{
        {CustomerClass::Key, "key", QT_TRANSLATE_NOOP("Customers", "Key customer"), {QStringLiteral("key"), QStringLiteral("重点客户"), QStringLiteral("重點客戶"), QStringLiteral("重点"), QStringLiteral("重點"), QStringLiteral("key customer"), QStringLiteral("A"), QStringLiteral("A类"), QStringLiteral("A類"), QStringLiteral("A级"), QStringLiteral("A級"), QStringLiteral("A类客户"), QStringLiteral("A類客戶"), QStringLiteral("重要客户"), QStringLiteral("重要客戶"), QStringLiteral("大客户"), QStringLiteral("大客戶")}},
        {CustomerClass::General, "general", QT_TRANSLATE_NOOP("Customers", "General customer"), {QStringLiteral("general"), QStringLiteral("一般客户"), QStringLiteral("一般客戶"), QStringLiteral("一般"), QStringLiteral("general customer"), QStringLiteral("B"), QStringLiteral("B类"), QStringLiteral("B類"), QStringLiteral("B级"), QStringLiteral("B級"), QStringLiteral("B类客户"), QStringLiteral("B類客戶"), QStringLiteral("普通客户"), QStringLiteral("普通客戶"), QStringLiteral("普通")}},
        {CustomerClass::Potential, "potential", QT_TRANSLATE_NOOP("Customers", "Potential customer"), {QStringLiteral("potential"), QStringLiteral("潜在客户"), QStringLiteral("潛在客戶"), QStringLiteral("潜在"), QStringLiteral("潛在"), QStringLiteral("potential customer"), QStringLiteral("C"), QStringLiteral("C类"), QStringLiteral("C類"), QStringLiteral("C级"), QStringLiteral("C級"), QStringLiteral("C类客户"), QStringLiteral("C類客戶"), QStringLiteral("非优先客户"), QStringLiteral("非優先客戶"), QStringLiteral("意向客户"), QStringLiteral("意向客戶")}},
    };
    return info;
}

const std::vector<EnumInfo<Channel>> &channelInfo()
{
    static const std::vector<EnumInfo<Channel>> info{
        {Channel::Online, "online", QT_TRANSLATE_NOOP("Customers", "Online"), {QStringLiteral("网络"), QStringLiteral("網絡"), QStringLiteral("網路"), QStringLiteral("网络渠道"), QStringLiteral("網絡渠道"), QStringLiteral("網路渠道"), QStringLiteral("线上"), QStringLiteral("線上"), QStringLiteral("互联网"), QStringLiteral("互聯網"), QStringLiteral("官网"), QStringLiteral("官網"), QStringLiteral("web"), QStringLiteral("internet")}},
        {Channel::Phone, "phone", QT_TRANSLATE_NOOP("Customers", "Telephone"), {QStringLiteral("电话"), QStringLiteral("電話"), QStringLiteral("电销"), QStringLiteral("電銷"), QStringLiteral("telephone"), QStringLiteral("telemarketing")}},
        {Channel::Exhibition, "exhibition", QT_TRANSLATE_NOOP("Customers", "Exhibition"), {QStringLiteral("展会"), QStringLiteral("展會"), QStringLiteral("展览"), QStringLiteral("展覽"), QStringLiteral("展览会"), QStringLiteral("展覽會"), QStringLiteral("研讨会"), QStringLiteral("研討會"), QStringLiteral("展会/研讨会"), QStringLiteral("展會/研討會"), QStringLiteral("seminar"), QStringLiteral("trade show")}},
        {Channel::Partner, "partner", QT_TRANSLATE_NOOP("Customers", "Partner referral"), {QStringLiteral("合作伙伴"), QStringLiteral("合作夥伴"), QStringLiteral("合作伙伴推荐"), QStringLiteral("合作伙伴推薦"), QStringLiteral("合作夥伴推薦"), QStringLiteral("合作夥伴推荐"), QStringLiteral("伙伴推荐"), QStringLiteral("夥伴推薦"), QStringLiteral("渠道商"), QStringLiteral("partner referral")}},
        {Channel::Referral, "referral", QT_TRANSLATE_NOOP("Customers", "Customer referral"), {QStringLiteral("客户推荐"), QStringLiteral("客戶推薦"), QStringLiteral("客户关系拓展"), QStringLiteral("客戶關系拓展"), QStringLiteral("客戶關係拓展"), QStringLiteral("客户关系"), QStringLiteral("客戶關係"), QStringLiteral("客户介绍"), QStringLiteral("客戶介紹"), QStringLiteral("老客户介绍"), QStringLiteral("老客戶介紹"), QStringLiteral("老客户推荐"), QStringLiteral("老客戶推薦"), QStringLiteral("转介绍"), QStringLiteral("轉介紹"), QStringLiteral("口碑"), QStringLiteral("referral"), QStringLiteral("customer referral")}},
    };
    return info;
}

const std::vector<EnumInfo<Stage>> &stageInfo()
{
    static const std::vector<EnumInfo<Stage>> info{
        {Stage::Lead, "lead", QT_TRANSLATE_NOOP("Customers", "Lead"), {QStringLiteral("线索"), QStringLiteral("線索"), QStringLiteral("线索收集"), QStringLiteral("線索收集"), QStringLiteral("潜在客户收集"), QStringLiteral("潛在客戶收集"), QStringLiteral("潜在客户信息收集"), QStringLiteral("潛在客戶信息收集"), QStringLiteral("信息收集")}},
        {Stage::Contacted, "contacted", QT_TRANSLATE_NOOP("Customers", "Contacted"), {QStringLiteral("初步接触"), QStringLiteral("初步接觸"), QStringLiteral("已接触"), QStringLiteral("已接觸"), QStringLiteral("初步沟通"), QStringLiteral("初步溝通"), QStringLiteral("客户初步沟通"), QStringLiteral("客戶初步溝通"), QStringLiteral("首次沟通"), QStringLiteral("首次溝通")}},
        {Stage::NeedsAnalysis, "needs_analysis", QT_TRANSLATE_NOOP("Customers", "Needs analysis"), {QStringLiteral("需求分析"), QStringLiteral("需求分析与方案"), QStringLiteral("需求分析與方案"), QStringLiteral("需求分析与方案制定"), QStringLiteral("需求分析與方案制定"), QStringLiteral("方案制定")}},
        {Stage::DemoNegotiation, "demo_negotiation", QT_TRANSLATE_NOOP("Customers", "Demo & negotiation"), {QStringLiteral("产品演示与谈判"), QStringLiteral("產品演示與談判"), QStringLiteral("演示谈判"), QStringLiteral("演示談判"), QStringLiteral("方案演示与洽谈"), QStringLiteral("方案演示與洽談"), QStringLiteral("演示与洽谈"), QStringLiteral("演示與洽談"), QStringLiteral("商务洽谈"), QStringLiteral("商務洽談"), QStringLiteral("谈判"), QStringLiteral("談判")}},
        {Stage::Won, "won", QT_TRANSLATE_NOOP("Customers", "Won"), {QStringLiteral("成交"), QStringLiteral("已成交"), QStringLiteral("跟进与促成合作"), QStringLiteral("跟進與促成合作"), QStringLiteral("促成合作"), QStringLiteral("签约"), QStringLiteral("簽約"), QStringLiteral("已签约"), QStringLiteral("已簽約"), QStringLiteral("赢单"), QStringLiteral("贏單")}},
        {Stage::Lost, "lost", QT_TRANSLATE_NOOP("Customers", "Lost"), {QStringLiteral("流失"), QStringLiteral("已流失"), QStringLiteral("丢单"), QStringLiteral("丟單"), QStringLiteral("输单"), QStringLiteral("輸單")}},
    };
    return info;
}

const std::vector<EnumInfo<ContactKind>> &kindInfo()
{
    static const std::vector<EnumInfo<ContactKind>> info{
        {ContactKind::Visit, "visit", QT_TRANSLATE_NOOP("Customers", "Visit"), {QStringLiteral("拜访"), QStringLiteral("拜訪")}},
        {ContactKind::Call, "call", QT_TRANSLATE_NOOP("Customers", "Call"), {QStringLiteral("电话"), QStringLiteral("電話")}},
        {ContactKind::Email, "email", QT_TRANSLATE_NOOP("Customers", "E-mail"), {QStringLiteral("邮件"), QStringLiteral("郵件")}},
        {ContactKind::Meeting, "meeting", QT_TRANSLATE_NOOP("Customers", "Meeting"), {QStringLiteral("会议"), QStringLiteral("會議")}},
        {ContactKind::Feedback, "feedback", QT_TRANSLATE_NOOP("Customers", "Feedback"), {QStringLiteral("反馈"), QStringLiteral("回饋")}},
        {ContactKind::Complaint, "complaint", QT_TRANSLATE_NOOP("Customers", "Complaint"), {QStringLiteral("投诉"), QStringLiteral("投訴")}},
    };
    return info;
}

template <typename E>
const EnumInfo<E> &infoFor(const std::vector<EnumInfo<E>> &table, E value)
{
    return *std::find_if(table.begin(), table.end(), [value](const auto &info) { return info.value == value; });
}

/// How a typed value is compared: full-width → half-width, case-folded, without spaces and
/// separators, and without the 营销 / 營銷 / 行銷 ("marketing") suffix the regulation's channel
/// names carry (网络营销 = 网络), so every spelling users type in either script matches.
QString valueKey(const QString &text)
{
    QString key;
    for (QChar c : text.normalized(QString::NormalizationForm_KC).toCaseFolded()) {
        if (!c.isSpace() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QChar(0x00B7))
            key.append(c);
    }
    for (const QString &suffix : {QStringLiteral("营销"), QStringLiteral("營銷"), QStringLiteral("行銷"), QStringLiteral("marketing")}) {
        if (key.size() > suffix.size() && key.endsWith(suffix))
            key.chop(suffix.size());
    }
    return key;
}

template <typename E>
std::optional<E> findEnum(const std::vector<EnumInfo<E>> &table, const QString &text)
{
    const QString wanted = valueKey(text);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const auto &info : table) {
        if (wanted == valueKey(QLatin1String(info.name)) || wanted == valueKey(QLatin1String(info.label))
            || wanted == valueKey(QCoreApplication::translate("Customers", info.label)))
            return info.value;
        for (const QString &alias : info.aliases) {
            if (wanted == valueKey(alias))
                return info.value;
        }
    }
    return std::nullopt;
}

/// The accepted values in the user's language, with the name the CLI takes: "重点客户 (key), …".
template <typename E>
QString acceptedValues(const std::vector<EnumInfo<E>> &table)
{
    QStringList accepted;
    for (const auto &info : table)
        accepted << QCoreApplication::translate("Customers", "%1 (%2)")
                        .arg(QCoreApplication::translate("Customers", info.label), QLatin1String(info.name));
    return accepted.join(QCoreApplication::translate("Customers", ", "));
}

template <typename E>
E parseEnum(const std::vector<EnumInfo<E>> &table, const QString &field, const QString &text, const char *what)
{
    if (const auto value = findEnum(table, text))
        return *value;
    throw Error::invalid(field, QCoreApplication::translate("Customers", "%1: unknown %2 \"%3\" (accepted: %4).")
                                    .arg(field, QCoreApplication::translate("Customers", what), text, acceptedValues(table)));
}

template <typename E>
QList<E> valuesOf(const std::vector<EnumInfo<E>> &table)
{
    QList<E> values;
    for (const auto &info : table)
        values << info.value;
    return values;
}

const char *const classWord = QT_TRANSLATE_NOOP("Customers", "class");
const char *const channelWord = QT_TRANSLATE_NOOP("Customers", "channel");
const char *const stageWord = QT_TRANSLATE_NOOP("Customers", "stage");
const char *const kindWord = QT_TRANSLATE_NOOP("Customers", "contact kind");

} // namespace

QString CustomerRules::name(CustomerClass value) { return QLatin1String(infoFor(classInfo(), value).name); }
QString CustomerRules::name(Channel value) { return QLatin1String(infoFor(channelInfo(), value).name); }
QString CustomerRules::name(Stage value) { return QLatin1String(infoFor(stageInfo(), value).name); }
QString CustomerRules::name(ContactKind value) { return QLatin1String(infoFor(kindInfo(), value).name); }
QString CustomerRules::name(ComplaintStatus value)
{
    switch (value) {
    case ComplaintStatus::Open: return QStringLiteral("open");
    case ComplaintStatus::InProgress: return QStringLiteral("in_progress");
    case ComplaintStatus::Resolved: return QStringLiteral("resolved");
    case ComplaintStatus::None: break;
    }
    return {};
}

QString CustomerRules::label(CustomerClass value) { return QCoreApplication::translate("Customers", infoFor(classInfo(), value).label); }
QString CustomerRules::label(Channel value) { return QCoreApplication::translate("Customers", infoFor(channelInfo(), value).label); }
QString CustomerRules::label(Stage value) { return QCoreApplication::translate("Customers", infoFor(stageInfo(), value).label); }
QString CustomerRules::label(ContactKind value) { return QCoreApplication::translate("Customers", infoFor(kindInfo(), value).label); }
QString CustomerRules::label(ComplaintStatus value)
{
    switch (value) {
    case ComplaintStatus::Open: return QCoreApplication::translate("Customers", "Open");
    case ComplaintStatus::InProgress: return QCoreApplication::translate("Customers", "In progress");
    case ComplaintStatus::Resolved: return QCoreApplication::translate("Customers", "Resolved");
    case ComplaintStatus::None: break;
    }
    return {};
}

std::optional<CustomerClass> CustomerRules::findClass(const QString &text) { return findEnum(classInfo(), text); }
std::optional<Channel> CustomerRules::findChannel(const QString &text) { return findEnum(channelInfo(), text); }
std::optional<Stage> CustomerRules::findStage(const QString &text) { return findEnum(stageInfo(), text); }

CustomerClass CustomerRules::parseClass(const QString &field, const QString &text) { return parseEnum(classInfo(), field, text, classWord); }
Channel CustomerRules::parseChannel(const QString &field, const QString &text) { return parseEnum(channelInfo(), field, text, channelWord); }
Stage CustomerRules::parseStage(const QString &field, const QString &text) { return parseEnum(stageInfo(), field, text, stageWord); }
ContactKind CustomerRules::parseKind(const QString &field, const QString &text) { return parseEnum(kindInfo(), field, text, kindWord); }

const QList<CustomerClass> &CustomerRules::classes() { static const auto list = valuesOf(classInfo()); return list; }
const QList<Channel> &CustomerRules::channels() { static const auto list = valuesOf(channelInfo()); return list; }
const QList<Stage> &CustomerRules::stages() { static const auto list = valuesOf(stageInfo()); return list; }
const QList<ContactKind> &CustomerRules::kinds() { static const auto list = valuesOf(kindInfo()); return list; }

Customer CustomerRules::validated(Customer customer)
{
    customer.name = TextRules::clean(QStringLiteral("name"), customer.name, TextKind::Name);
    if (customer.name.isEmpty())
        throw Error::invalid(QStringLiteral("name"), QCoreApplication::translate("Customers", "name: the customer name is required (§3.2.1)."), QStringLiteral("3.2.1"));
    customer.shortName = TextRules::clean(QStringLiteral("short_name"), customer.shortName, TextKind::ShortText);
    customer.industry = TextRules::clean(QStringLiteral("industry"), customer.industry, TextKind::ShortText);
    customer.sizeBand = TextRules::clean(QStringLiteral("size"), customer.sizeBand, TextKind::ShortText);
    customer.address = TextRules::clean(QStringLiteral("address"), customer.address, TextKind::Line);
    customer.website = TextRules::clean(QStringLiteral("website"), customer.website, TextKind::Line);
    customer.externalCode = TextRules::clean(QStringLiteral("external_code"), customer.externalCode, TextKind::ShortText);
    customer.tags = TextRules::clean(QStringLiteral("tags"), customer.tags, TextKind::Line);
    customer.notes = TextRules::clean(QStringLiteral("notes"), customer.notes, TextKind::Notes);
    customer.lostReason = TextRules::clean(QStringLiteral("reason"), customer.lostReason, TextKind::Notes);
    customer.email = UserRules::normaliseEmail(QStringLiteral("email"), customer.email);
    customer.phone = UserRules::normalisePhone(QStringLiteral("phone"), customer.phone);
    if (customer.stage == Stage::Lost && customer.lostReason.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("reason"), QCoreApplication::translate("Customers", "reason: a lost customer needs a reason (§3.1.4)."), QStringLiteral("3.1.4"));
    return customer;
}

QString CustomerRules::duplicateKey(const QString &name)
{
    const QString folded = name.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString key;
    key.reserve(folded.size());
    for (QChar c : folded) {
        if (!c.isSpace() && c != QLatin1Char('.') && c != QChar(0x00B7))
            key.append(c);
    }
    return key;
}

QString CustomerRules::phoneKey(const QString &phone)
{
    QString key;
    for (QChar c : phone.normalized(QString::NormalizationForm_KC)) {
        if (c.isDigit())
            key.append(c);
    }
    // Mainland numbers written with the country code compare equal to those without it.
    if (key.startsWith(QLatin1String("86")) && key.size() == 13)
        key.remove(0, 2);
    return key;
}

QString CustomerRules::searchText(const Customer &customer, const QList<CustomerContact> &contacts)
{
    QStringList parts{customer.name, customer.shortName, customer.externalCode, customer.phone, customer.email,
                      customer.address, customer.industry, customer.tags, customer.notes};
    for (const CustomerContact &contact : contacts)
        parts << contact.name << contact.phone << contact.email << contact.wechat;
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n')).normalized(QString::NormalizationForm_KC).toCaseFolded();
}

void Pipeline::requireTransition(Stage from, Stage to, const QString &reason)
{
    const QString clause = QStringLiteral("3.1.4");
    if (from == to)
        throw Error::conflict(QCoreApplication::translate("Customers", "The customer is already in stage \"%1\" (§3.1.4).").arg(CustomerRules::label(to)), clause);
    if (to == Stage::Lost) {
        if (!isOpen(from))
            throw Error::conflict(QCoreApplication::translate("Customers", "Only an open customer can be marked lost; this one is \"%1\" (§3.1.4).").arg(CustomerRules::label(from)), clause);
        if (reason.trimmed().isEmpty())
            throw Error::invalid(QStringLiteral("reason"), QCoreApplication::translate("Customers", "reason: a lost customer needs a reason (§3.1.4)."), clause);
        return;
    }
    if (from == Stage::Lost) {
        if (to != Stage::Lead)
            throw Error::conflict(QCoreApplication::translate("Customers", "A lost customer can only reopen as a lead (§3.1.4)."), clause);
        return;
    }
    if (from == Stage::Won)
        throw Error::conflict(QCoreApplication::translate("Customers", "The customer is already won; the pipeline is finished (§3.1.4)."), clause);
    const int step = static_cast<int>(to) - static_cast<int>(from);
    if (step != 1)
        throw Error::conflict(QCoreApplication::translate("Customers", "The pipeline moves one step at a time: from \"%1\" the next stage is \"%2\", not \"%3\" (§3.1.4).")
                                  .arg(CustomerRules::label(from), CustomerRules::label(static_cast<Stage>(static_cast<int>(from) + 1)), CustomerRules::label(to)),
                              clause);
}

QList<Stage> Pipeline::nextStages(Stage from)
{
    if (from == Stage::Lost)
        return {Stage::Lead};
    if (from == Stage::Won)
        return {};
    return {static_cast<Stage>(static_cast<int>(from) + 1), Stage::Lost};
}

} // namespace bizdesk::domain
