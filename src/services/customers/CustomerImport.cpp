#include "services/customers/CustomerImport.h"

#include "domain/Error.h"
#include "domain/customers/Customer.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerInsertion.h"
#include "services/customers/CustomerService.h"
#include "services/exchange/SpreadsheetFile.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <vector>

namespace bizdesk::services {
namespace {

using domain::CustomerRules;
using domain::Error;

QStringList words(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *word : list)
        result << QString::fromUtf8(word);
    return result;
}

struct FieldInfo
{
    const char *key;
    const char *label;
    QStringList headers;
};

/// Header titles of the add form, of zh_CN / zh_TW / English spreadsheets and of the exports of
/// common Chinese CRMs and Excel templates (客户级别, 详细地址 with 省/市/区, 公司网址, 最近跟进时间, 客户编码…).
const std::vector<FieldInfo> &fieldInfo()
{
    static const std::vector<FieldInfo> info{
        {"name", QT_TRANSLATE_NOOP("CustomerImport", "Customer name"), words({"客户名称", "客戶名稱", "客户", "客戶", "客户全称", "客戶全稱", "公司名称", "公司名稱", "企业名称", "企業名稱", "单位名称", "單位名稱", "名称", "名稱", "name", "customer", "customer name", "company"})},
        {"short_name", QT_TRANSLATE_NOOP("CustomerImport", "Short name"), words({"简称", "簡稱", "客户简称", "客戶簡稱", "short name"})},
        {"external_code", QT_TRANSLATE_NOOP("CustomerImport", "Customer code"), words({"客户编码", "客戶編碼", "客户编号", "客戶編號", "客户代码", "客戶代碼", "编码", "編碼", "编号", "編號", "code", "customer code", "customer no", "customer number", "external code"})},
        {"contact", QT_TRANSLATE_NOOP("CustomerImport", "Contact person"), words({"联系人", "聯絡人", "聯繫人", "联系人姓名", "聯絡人姓名", "首要联系人", "contact", "contact person"})},
        {"phone", QT_TRANSLATE_NOOP("CustomerImport", "Phone"), words({"电话", "電話", "联系电话", "聯繫電話", "聯絡電話", "手机", "手機", "手机号", "手機號", "手机号码", "手機號碼", "电话号码", "電話號碼", "联系方式", "聯繫方式", "phone", "telephone", "tel", "mobile"})},
        {"email", QT_TRANSLATE_NOOP("CustomerImport", "Email"), words({"邮箱", "郵箱", "電郵", "电子邮件", "電子郵件", "电子邮箱", "電子郵箱", "邮件", "郵件", "email", "e-mail"})},
        {"industry", QT_TRANSLATE_NOOP("CustomerImport", "Industry"), words({"行业", "行業", "所属行业", "所屬行業", "industry"})},
        {"province", QT_TRANSLATE_NOOP("CustomerImport", "Province"), words({"省", "省份", "所在省份", "所属省份", "所屬省份", "地区", "地區", "所在地区", "所在地區", "province", "region", "state"})},
        {"city", QT_TRANSLATE_NOOP("CustomerImport", "City"), words({"市", "城市", "所在城市", "所属城市", "所屬城市", "city"})},
        {"district", QT_TRANSLATE_NOOP("CustomerImport", "District"), words({"区", "區", "区县", "區縣", "县区", "縣區", "所在区县", "所在區縣", "district", "county"})},
        {"address", QT_TRANSLATE_NOOP("CustomerImport", "Address"), words({"详细地址", "詳細地址", "地址", "公司地址", "通讯地址", "通訊地址", "联系地址", "聯繫地址", "address", "street"})},
        {"class", QT_TRANSLATE_NOOP("CustomerImport", "Class"), words({"客户类别", "客戶類別", "类别", "類別", "客户分类", "客戶分類", "客户级别", "客戶級別", "客户等级", "客戶等級", "客户类型", "客戶類型", "级别", "級別", "等级", "等級", "class", "category", "level", "customer class"})},
        {"channel", QT_TRANSLATE_NOOP("CustomerImport", "Channel"), words({"来源渠道", "來源渠道", "渠道", "来源", "來源", "客户来源", "客戶來源", "开发渠道", "開發渠道", "获客渠道", "獲客渠道", "channel", "source"})},
        {"stage", QT_TRANSLATE_NOOP("CustomerImport", "Stage"), words({"阶段", "階段", "客户阶段", "客戶階段", "销售阶段", "銷售階段", "跟进阶段", "跟進階段", "开发阶段", "開發階段", "stage", "pipeline stage"})},
        {"owner", QT_TRANSLATE_NOOP("CustomerImport", "Owner"), words({"负责人", "負責人", "维护人", "維護人", "客户负责人", "客戶負責人", "业务员", "業務員", "销售负责人", "銷售負責人", "所属销售", "所屬銷售", "owner"})},
        {"website", QT_TRANSLATE_NOOP("CustomerImport", "Website"), words({"网站", "網站", "网址", "網址", "公司网址", "公司網址", "公司网站", "公司網站", "官网", "官網", "主页", "主頁", "website", "web", "url"})},
        {"last_contact", QT_TRANSLATE_NOOP("CustomerImport", "Last contact"), words({"最近跟进时间", "最近跟進時間", "最后联系时间", "最後聯繫時間", "最後聯絡時間", "最近联系时间", "最近聯繫時間", "最后跟进时间", "最後跟進時間", "上次联系时间", "上次聯繫時間", "最近跟进", "最近跟進", "最近联系", "最近聯繫", "last contact", "last contacted", "last contact at"})},
        {"size", QT_TRANSLATE_NOOP("CustomerImport", "Size"), words({"规模", "規模", "人数", "人數", "公司规模", "公司規模", "人员规模", "人員規模", "size", "headcount"})},
        {"tags", QT_TRANSLATE_NOOP("CustomerImport", "Tags"), words({"标签", "標籤", "客户标签", "客戶標籤", "tags"})},
        {"notes", QT_TRANSLATE_NOOP("CustomerImport", "Notes"), words({"备注", "備註", "说明", "說明", "notes", "remarks"})},
    };
    return info;
}

/// Field keys of domain messages that are not import columns, with the column that carries them.
QString importFieldOf(const QString &domainField)
{
    if (domainField == QLatin1String("contact_name"))
        return QStringLiteral("contact");
    if (domainField == QLatin1String("reason"))
        return QStringLiteral("stage");
    return domainField;
}

QString headerKey(QString header)
{
    header = header.normalized(QString::NormalizationForm_KC).toCaseFolded().trimmed();
    while (header.endsWith(QLatin1Char('*')) || header.endsWith(QLatin1Char(':')))
        header.chop(1);
    if (header.startsWith(QLatin1Char('*')))
        header.remove(0, 1);
    return header.trimmed();
}

/// The texts of one row by field, as the file has them (a value mapped in the preview replaced).
struct RowValues
{
    std::map<QString, QString> byField;
    QString value(const char *field) const
    {
        const auto found = byField.find(QLatin1String(field));
        return found == byField.end() ? QString() : found->second;
    }
    bool has(const char *field) const { return byField.count(QLatin1String(field)) > 0; }
};

RowValues rowValues(const QStringList &row, const ImportPlan &plan)
{
    RowValues values;
    for (int c = 0; c < plan.mapping.size(); ++c) {
        const QString &field = plan.mapping.at(c);
        if (field.isEmpty())
            continue;
        QString value = row.value(c).trimmed();
        if (const auto mapped = plan.values.find(field); mapped != plan.values.end()) {
            if (const auto to = mapped->second.find(value); to != mapped->second.end())
                value = to->second;
        }
        values.byField[field] = value;
    }
    return values;
}

/// 省, 市 and 区 in front of the street address, each only once (上海市 is province and city).
QString combinedAddress(const RowValues &values)
{
    const QString street = values.value("address");
    QString prefix;
    for (const char *part : {"province", "city", "district"}) {
        const QString text = values.value(part);
        if (text.isEmpty() || prefix.endsWith(text) || street.startsWith(prefix + text) || street.contains(text))
            continue;
        prefix += text;
    }
    return prefix + street;
}

/// Dates and times as Chinese CRMs and Excel write them, in the company's time zone; Excel serial
/// numbers too. Throws invalid naming the column when the text is none of them.
QDateTime parseLastContact(const QString &text, const Session &session)
{
    if (text.isEmpty())
        return {};
    const QString value = text.normalized(QString::NormalizationForm_KC).trimmed();
    static const QStringList dateTimeFormats{
        QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-ddTHH:mm:ss"),
        QStringLiteral("yyyy/M/d H:mm:ss"), QStringLiteral("yyyy/M/d H:mm"), QStringLiteral("yyyy-M-d H:mm:ss"),
        QStringLiteral("yyyy-M-d H:mm"), QStringLiteral("yyyy年M月d日 H:mm"), QStringLiteral("yyyy年M月d日 H:mm:ss"),
        QStringLiteral("yyyy.M.d H:mm")};
    for (const QString &format : dateTimeFormats) {
        const QDateTime local = QDateTime::fromString(value, format);
        if (local.isValid())
            return session.calendar().instantAt(local.date(), local.time());
    }
    static const QStringList dateFormats{QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyy/M/d"), QStringLiteral("yyyy-M-d"),
                                         QStringLiteral("yyyy年M月d日"), QStringLiteral("yyyy.M.d"), QStringLiteral("yyyyMMdd")};
    for (const QString &format : dateFormats) {
        const QDate date = QDate::fromString(value, format);
        if (date.isValid())
            return session.calendar().instantAt(date, QTime(0, 0));
    }
    bool number = false;
    const double serial = value.toDouble(&number);
    if (number && serial >= 1 && serial < 2958466) {
        const QDate date = QDate(1899, 12, 30).addDays(static_cast<qint64>(serial));
        const int seconds = static_cast<int>((serial - static_cast<qint64>(serial)) * 86400 + 0.5);
        return session.calendar().instantAt(date, QTime(0, 0).addSecs(seconds));
    }
    throw Error::invalid(QStringLiteral("last_contact"),
                         QCoreApplication::translate("CustomerImport", "last_contact: \"%1\" is not a date (for example 2024-03-18 14:30 or 2024/3/18).").arg(text));
}

NewCustomer newCustomerFrom(const RowValues &values, const Session &session)
{
    NewCustomer input;
    input.name = values.value("name");
    input.shortName = values.value("short_name");
    input.externalCode = values.value("external_code");
    input.contactName = values.value("contact");
    input.phone = values.value("phone");
    input.email = values.value("email");
    input.industry = values.value("industry");
    input.address = combinedAddress(values);
    input.customerClass = values.value("class");
    input.channel = values.value("channel");
    input.ownerLogin = values.value("owner");
    input.website = values.value("website");
    input.sizeBand = values.value("size");
    input.tags = values.value("tags");
    input.notes = values.value("notes");
    input.stage = values.value("stage");
    input.lastContactAt = parseLastContact(values.value("last_contact"), session);
    return input;
}

/// The fields the file has columns for, copied from what the row prepared to the existing
/// customer: --update changes exactly what the file says and nothing else (stage and owner keep
/// their own use cases).
domain::Customer updatedFrom(domain::Customer existing, const domain::Customer &row, const RowValues &values)
{
    if (values.has("name")) existing.name = row.name;
    if (values.has("short_name")) existing.shortName = row.shortName;
    if (values.has("external_code") && !row.externalCode.isEmpty()) existing.externalCode = row.externalCode;
    if (values.has("phone")) existing.phone = row.phone;
    if (values.has("email")) existing.email = row.email;
    if (values.has("industry")) existing.industry = row.industry;
    if (values.has("address") || values.has("province") || values.has("city") || values.has("district")) existing.address = row.address;
    if (values.has("class") && !values.value("class").isEmpty()) existing.customerClass = row.customerClass;
    if (values.has("channel") && !values.value("channel").isEmpty()) existing.channel = row.channel;
    if (values.has("website")) existing.website = row.website;
    if (values.has("size")) existing.sizeBand = row.sizeBand;
    if (values.has("tags")) existing.tags = row.tags;
    if (values.has("notes")) existing.notes = row.notes;
    if (row.lastContactAt.isValid() && (!existing.lastContactAt.isValid() || row.lastContactAt > existing.lastContactAt))
        existing.lastContactAt = row.lastContactAt;
    return existing;
}

bool sameArchive(const domain::Customer &a, const domain::Customer &b)
{
    return a.name == b.name && a.shortName == b.shortName && a.externalCode == b.externalCode && a.phone == b.phone
           && a.email == b.email && a.industry == b.industry && a.address == b.address && a.customerClass == b.customerClass
           && a.channel == b.channel && a.website == b.website && a.sizeBand == b.sizeBand && a.tags == b.tags
           && a.notes == b.notes && a.lastContactAt == b.lastContactAt;
}

} // namespace

const QStringList &CustomerImport::fields()
{
    static const QStringList list = [] {
        QStringList keys;
        for (const auto &info : fieldInfo())
            keys << QLatin1String(info.key);
        return keys;
    }();
    return list;
}

QString CustomerImport::fieldLabel(const QString &field)
{
    for (const auto &info : fieldInfo()) {
        if (field == QLatin1String(info.key))
            return QCoreApplication::translate("CustomerImport", info.label);
    }
    return QCoreApplication::translate("CustomerImport", "(ignore)");
}

QString CustomerImport::fieldForHeader(const QString &header)
{
    const QString key = headerKey(header);
    if (key.isEmpty())
        return {};
    for (const auto &info : fieldInfo()) {
        if (key == QLatin1String(info.key) || key == headerKey(QCoreApplication::translate("CustomerImport", info.label)))
            return QLatin1String(info.key);
        for (const QString &alias : info.headers) {
            if (key == alias)
                return QLatin1String(info.key);
        }
    }
    return {};
}

QStringList CustomerImport::guessMapping(const QStringList &headers)
{
    QStringList mapping;
    for (const QString &header : headers) {
        const QString field = fieldForHeader(header);
        mapping << (mapping.contains(field) ? QString() : field);
    }
    return mapping;
}

QStringList CustomerImport::ignoredColumns(const ImportTable &table, const QStringList &mapping)
{
    QStringList ignored;
    for (int c = 0; c < table.headers.size(); ++c) {
        if (!mapping.value(c).isEmpty())
            continue;
        const QString header = table.headers.at(c).trimmed();
        ignored << (header.isEmpty() ? QCoreApplication::translate("CustomerImport", "column %1").arg(c + 1) : header);
    }
    return ignored;
}

bool CustomerImport::isEnumerated(const QString &field)
{
    return field == QLatin1String("class") || field == QLatin1String("channel") || field == QLatin1String("stage");
}

QList<std::pair<QString, QString>> CustomerImport::choices(const QString &field)
{
    QList<std::pair<QString, QString>> result;
    if (field == QLatin1String("class")) {
        for (auto value : CustomerRules::classes())
            result.append({CustomerRules::name(value), CustomerRules::label(value)});
    } else if (field == QLatin1String("channel")) {
        for (auto value : CustomerRules::channels())
            result.append({CustomerRules::name(value), CustomerRules::label(value)});
    } else if (field == QLatin1String("stage")) {
        for (auto value : CustomerRules::stages())
            result.append({CustomerRules::name(value), CustomerRules::label(value)});
    }
    return result;
}

QList<UnknownValue> CustomerImport::unknownValues(const ImportTable &table, const ImportPlan &plan)
{
    QList<UnknownValue> unknown;
    for (int r = 0; r < table.rows.size(); ++r) {
        const RowValues values = rowValues(table.rows.at(r), plan);
        for (const auto &[field, value] : values.byField) {
            if (!isEnumerated(field) || value.isEmpty())
                continue;
            const bool known = field == QLatin1String("class")     ? CustomerRules::findClass(value).has_value()
                               : field == QLatin1String("channel") ? CustomerRules::findChannel(value).has_value()
                                                                    : CustomerRules::findStage(value).has_value();
            if (known)
                continue;
            auto existing = std::find_if(unknown.begin(), unknown.end(),
                                         [&](const UnknownValue &u) { return u.field == field && u.value == value; });
            if (existing == unknown.end())
                unknown.append({field, value, 1, table.lines.value(r, r + 2)});
            else
                ++existing->rows;
        }
    }
    return unknown;
}

QString CustomerImport::describe(const Error &error)
{
    const QString field = importFieldOf(error.field());
    if (field.isEmpty() || !fields().contains(field))
        return error.message();
    // Messages start "key: …" (or "key：…" in Chinese); the label replaces the key, the colon stays.
    const QString &message = error.message();
    const qsizetype keyLength = error.field().size();
    if (!message.startsWith(error.field()) || message.size() <= keyLength
        || (message.at(keyLength) != QLatin1Char(':') && message.at(keyLength) != QChar(0xFF1A)))
        return message;
    return fieldLabel(field) + message.mid(keyLength);
}

ImportTable CustomerImport::read(const QString &path, const QString &encoding)
{
    return SpreadsheetFile::read(path, encoding);
}

ImportReport CustomerImport::run(const ImportTable &table, const QStringList &mapping, bool dryRun, const Progress &progress)
{
    ImportPlan plan;
    plan.mapping = mapping;
    plan.dryRun = dryRun;
    return run(table, plan, progress);
}

ImportReport CustomerImport::run(const ImportTable &table, const ImportPlan &plan, const Progress &progress)
{
    m_session.require(domain::Action::ImportCustomers);
    if (!plan.mapping.contains(QStringLiteral("name")))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "FILE: no column holds the customer name (客户名称 / 客戶名稱 / Name)."));
    ImportReport report;
    report.dryRun = plan.dryRun;
    report.total = static_cast<int>(table.rows.size() + table.rejected.size());
    report.rejected = table.rejected;
    report.ignoredColumns = ignoredColumns(table, plan.mapping);
    storage::Transaction transaction(m_session.database());
    CustomerService service(m_session);
    CustomerInsertion insertion(m_session);
    storage::CustomerRepository repository(m_session.database());
    // One lock for the whole file: no parallel add slips a duplicate in between check and insert.
    repository.lockAllDuplicateKeys();
    QSet<QString> names;
    QSet<QString> phones;
    QSet<QString> emails;
    QSet<QString> codes;
    const auto reasonLabel = [](const QString &reason) { return fieldLabel(reason); };
    const int rows = static_cast<int>(table.rows.size());
    for (int r = 0; r < rows; ++r) {
        if (progress && r > 0 && r % 500 == 0 && !progress(r, rows))
            throw Error::conflict(QCoreApplication::translate("CustomerImport", "The import was cancelled; nothing was written."));
        const int line = r < table.lines.size() ? table.lines.at(r) : r + 2;
        try {
            const RowValues values = rowValues(table.rows.at(r), plan);
            const NewCustomer input = newCustomerFrom(values, m_session);
            domain::Customer customer = service.prepare(input);
            const QString nameKey = domain::CustomerRules::duplicateKey(customer.name);
            const QString phoneKey = domain::CustomerRules::phoneKey(customer.phone);
            QString duplicate;
            if (names.contains(nameKey))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the name \"%1\" appears earlier in the file").arg(customer.name);
            else if (!customer.externalCode.isEmpty() && codes.contains(customer.externalCode))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the customer code %1 appears earlier in the file").arg(customer.externalCode);
            else if (!phoneKey.isEmpty() && phones.contains(phoneKey))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the phone %1 appears earlier in the file").arg(customer.phone);
            else if (!customer.email.isEmpty() && emails.contains(customer.email))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the e-mail %1 appears earlier in the file").arg(customer.email);
            if (!duplicate.isEmpty()) {
                report.rejected.append({line, duplicate});
                continue;
            }
            names.insert(nameKey);
            if (!customer.externalCode.isEmpty())
                codes.insert(customer.externalCode);
            const std::optional<domain::CustomerId> byCode = repository.findByExternalCode(customer.externalCode);
            const std::optional<domain::CustomerId> match = byCode ? byCode : repository.findByName(customer.name);
            if (match && plan.update) {
                const domain::Customer before = repository.require(*match);
                CustomerAccess(m_session).requireEditable(before);
                const domain::Customer after = domain::CustomerRules::validated(updatedFrom(before, customer, values));
                ++report.updated;
                if (sameArchive(before, after)) {
                    ++report.unchanged;
                } else {
                    domain::Customer saved = after;
                    saved.version = repository.update(after, CustomerRules::searchText(after, repository.contacts(after.id)),
                                                      m_session.timestamp(), m_session.userId());
                    QJsonObject audited = CustomerService::toJson(saved);
                    audited.insert(QStringLiteral("via"), CustomerInsertion::name(CustomerInsertion::Via::Import));
                    AuditTrail(m_session).record(QStringLiteral("customer.update"), QStringLiteral("customer"), saved.id,
                                                 CustomerService::toJson(before), audited);
                }
                continue;
            }
            if (byCode) {
                report.rejected.append({line, QCoreApplication::translate("CustomerImport", "duplicate: same %1 as customer #%2 \"%3\" (import with update to refresh it)")
                                                  .arg(fieldLabel(QStringLiteral("external_code")))
                                                  .arg(*byCode)
                                                  .arg(repository.require(*byCode).name)});
                continue;
            }
            if (const auto matches = repository.duplicates(customer, std::nullopt); !matches.isEmpty()) {
                report.rejected.append({line, QCoreApplication::translate("CustomerImport", "duplicate: same %1 as customer #%2 \"%3\"")
                                                  .arg(reasonLabel(matches.first().reason))
                                                  .arg(matches.first().id)
                                                  .arg(matches.first().name)});
                continue;
            }
            if (!phoneKey.isEmpty())
                phones.insert(phoneKey);
            if (!customer.email.isEmpty())
                emails.insert(customer.email);
            QList<domain::CustomerContact> contacts;
            if (const auto contact = domain::CustomerTexts::firstContact(input.contactName, {}, {}))
                contacts << *contact;
            insertion.insert(customer, contacts, CustomerInsertion::Via::Import);
            ++report.imported;
        } catch (const Error &error) {
            if (error.kind() == domain::ErrorKind::Internal)
                throw;
            report.rejected.append({line, describe(error)});
        }
    }
    if (progress && rows > 0 && !progress(rows, rows))
        throw Error::conflict(QCoreApplication::translate("CustomerImport", "The import was cancelled; nothing was written."));
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const ImportRejection &a, const ImportRejection &b) { return a.line < b.line; });
    if (plan.dryRun)
        return report; // the transaction rolls back: nothing is written
    AuditTrail(m_session).record(QStringLiteral("customer.import"), QStringLiteral("customer"), std::nullopt, {},
                                 QJsonObject{{QStringLiteral("imported"), report.imported},
                                             {QStringLiteral("updated"), report.updated},
                                             {QStringLiteral("rejected"), static_cast<int>(report.rejected.size())},
                                             {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(report.ignoredColumns)},
                                             {QStringLiteral("encoding"), table.encoding}});
    transaction.commit();
    return report;
}

} // namespace bizdesk::services
