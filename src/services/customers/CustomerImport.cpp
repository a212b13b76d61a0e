#include "services/customers/CustomerImport.h"

#include "domain/Error.h"
#include "domain/customers/Customer.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerService.h"
#include "services/exchange/SpreadsheetFile.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <vector>

namespace bizdesk::services {
namespace {

using domain::Error;

struct FieldInfo
{
    const char *key;
    const char *label;
    QStringList headers;
};

const std::vector<FieldInfo> &fieldInfo()
{
    static const std::vector<FieldInfo> info{
        {"name", QT_TRANSLATE_NOOP("CustomerImport", "Customer name"), {QStringLiteral("客户名称"), QStringLiteral("客戶名稱"), QStringLiteral("客户"), QStringLiteral("客戶"), QStringLiteral("公司名称"), QStringLiteral("公司名稱"), QStringLiteral("名称"), QStringLiteral("名稱"), QStringLiteral("name"), QStringLiteral("customer"), QStringLiteral("customer name"), QStringLiteral("company")}},
        {"short_name", QT_TRANSLATE_NOOP("CustomerImport", "Short name"), {QStringLiteral("简称"), QStringLiteral("簡稱"), QStringLiteral("short name")}},
        {"contact", QT_TRANSLATE_NOOP("CustomerImport", "Contact person"), {QStringLiteral("联系人"), QStringLiteral("聯絡人"), QStringLiteral("聯繫人"), QStringLiteral("contact"), QStringLiteral("contact person")}},
        {"phone", QT_TRANSLATE_NOOP("CustomerImport", "Phone"), {QStringLiteral("电话"), QStringLiteral("電話"), QStringLiteral("联系电话"), QStringLiteral("聯絡電話"), QStringLiteral("手机"), QStringLiteral("手機"), QStringLiteral("phone"), QStringLiteral("telephone"), QStringLiteral("tel")}},
        {"email", QT_TRANSLATE_NOOP("CustomerImport", "Email"), {QStringLiteral("邮箱"), QStringLiteral("電郵"), QStringLiteral("电子邮件"), QStringLiteral("電子郵件"), QStringLiteral("邮件"), QStringLiteral("郵箱"), QStringLiteral("email"), QStringLiteral("e-mail")}},
        {"industry", QT_TRANSLATE_NOOP("CustomerImport", "Industry"), {QStringLiteral("行业"), QStringLiteral("行業"), QStringLiteral("industry")}},
        {"address", QT_TRANSLATE_NOOP("CustomerImport", "Address"), {QStringLiteral("地址"), QStringLiteral("地区"), QStringLiteral("地區"), QStringLiteral("address"), QStringLiteral("region")}},
        {"class", QT_TRANSLATE_NOOP("CustomerImport", "Class"), {QStringLiteral("客户类别"), QStringLiteral("客戶類別"), QStringLiteral("类别"), QStringLiteral("類別"), QStringLiteral("客户分类"), QStringLiteral("客戶分類"), QStringLiteral("class"), QStringLiteral("category")}},
        {"channel", QT_TRANSLATE_NOOP("CustomerImport", "Channel"), {QStringLiteral("来源渠道"), QStringLiteral("來源渠道"), QStringLiteral("渠道"), QStringLiteral("来源"), QStringLiteral("來源"), QStringLiteral("channel"), QStringLiteral("source")}},
        {"owner", QT_TRANSLATE_NOOP("CustomerImport", "Owner"), {QStringLiteral("负责人"), QStringLiteral("負責人"), QStringLiteral("业务员"), QStringLiteral("業務員"), QStringLiteral("owner")}},
        {"website", QT_TRANSLATE_NOOP("CustomerImport", "Website"), {QStringLiteral("网站"), QStringLiteral("網站"), QStringLiteral("网址"), QStringLiteral("網址"), QStringLiteral("website")}},
        {"size", QT_TRANSLATE_NOOP("CustomerImport", "Size"), {QStringLiteral("规模"), QStringLiteral("規模"), QStringLiteral("人数"), QStringLiteral("人數"), QStringLiteral("size"), QStringLiteral("headcount")}},
        {"tags", QT_TRANSLATE_NOOP("CustomerImport", "Tags"), {QStringLiteral("标签"), QStringLiteral("標籤"), QStringLiteral("tags")}},
        {"notes", QT_TRANSLATE_NOOP("CustomerImport", "Notes"), {QStringLiteral("备注"), QStringLiteral("備註"), QStringLiteral("notes"), QStringLiteral("remarks")}},
    };
    return info;
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

ImportTable CustomerImport::read(const QString &path, const QString &encoding)
{
    return SpreadsheetFile::read(path, encoding);
}

ImportReport CustomerImport::run(const ImportTable &table, const QStringList &mapping, bool dryRun, const Progress &progress)
{
    m_session.require(domain::Action::ImportCustomers);
    if (!mapping.contains(QStringLiteral("name")))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "FILE: no column holds the customer name (客户名称 / 客戶名稱 / Name)."));
    ImportReport report;
    report.dryRun = dryRun;
    report.total = static_cast<int>(table.rows.size() + table.rejected.size());
    report.rejected = table.rejected;
    storage::Transaction transaction(m_session.database());
    CustomerService service(m_session);
    storage::CustomerRepository repository(m_session.database());
    // One lock for the whole file: no parallel add slips a duplicate in between check and insert.
    repository.lockAllDuplicateKeys();
    QSet<QString> names;
    QSet<QString> phones;
    QSet<QString> emails;
    const QString now = m_session.timestamp();
    const QDateTime nowUtc = m_session.now();
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        const int line = r < table.lines.size() ? table.lines.at(r) : r + 2;
        NewCustomer input;
        for (int c = 0; c < mapping.size() && c < row.size(); ++c) {
            const QString &field = mapping.at(c);
            const QString &value = row.at(c);
            if (field == QLatin1String("name")) input.name = value;
            else if (field == QLatin1String("short_name")) input.shortName = value;
            else if (field == QLatin1String("contact")) input.contactName = value;
            else if (field == QLatin1String("phone")) input.phone = value;
            else if (field == QLatin1String("email")) input.email = value;
            else if (field == QLatin1String("industry")) input.industry = value;
            else if (field == QLatin1String("address")) input.address = value;
            else if (field == QLatin1String("class")) input.customerClass = value;
            else if (field == QLatin1String("channel")) input.channel = value;
            else if (field == QLatin1String("owner")) input.ownerLogin = value;
            else if (field == QLatin1String("website")) input.website = value;
            else if (field == QLatin1String("size")) input.sizeBand = value;
            else if (field == QLatin1String("tags")) input.tags = value;
            else if (field == QLatin1String("notes")) input.notes = value;
        }
        try {
            domain::Customer customer = service.prepare(input);
            const QString nameKey = domain::CustomerRules::duplicateKey(customer.name);
            const QString phoneKey = domain::CustomerRules::phoneKey(customer.phone);
            QString duplicate;
            if (names.contains(nameKey))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the name \"%1\" appears earlier in the file").arg(customer.name);
            else if (!phoneKey.isEmpty() && phones.contains(phoneKey))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the phone %1 appears earlier in the file").arg(customer.phone);
            else if (!customer.email.isEmpty() && emails.contains(customer.email))
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: the e-mail %1 appears earlier in the file").arg(customer.email);
            else if (const auto matches = repository.duplicates(customer, std::nullopt); !matches.isEmpty())
                duplicate = QCoreApplication::translate("CustomerImport", "duplicate: same %1 as customer #%2 \"%3\"")
                                .arg(matches.first().reason)
                                .arg(matches.first().id)
                                .arg(matches.first().name);
            if (!duplicate.isEmpty()) {
                report.rejected.append({line, duplicate});
            } else {
                names.insert(nameKey);
                if (!phoneKey.isEmpty())
                    phones.insert(phoneKey);
                if (!customer.email.isEmpty())
                    emails.insert(customer.email);
                QList<domain::CustomerContact> contacts;
                if (const auto contact = domain::CustomerTexts::firstContact(input.contactName, {}, {}))
                    contacts << *contact;
                customer.stageChangedAt = nowUtc;
                customer.id = repository.insert(customer, domain::CustomerRules::searchText(customer, contacts), now, m_session.userId());
                for (domain::CustomerContact &contact : contacts) {
                    contact.customerId = customer.id;
                    repository.insertContact(contact);
                }
                ++report.imported;
            }
        } catch (const Error &error) {
            if (error.kind() == domain::ErrorKind::Internal)
                throw;
            report.rejected.append({line, error.message()});
        }
        if (progress && (r % 500 == 499 || r + 1 == table.rows.size()) && !progress(r + 1, static_cast<int>(table.rows.size())))
            throw Error::conflict(QCoreApplication::translate("CustomerImport", "The import was cancelled; nothing was written."));
    }
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const ImportRejection &a, const ImportRejection &b) { return a.line < b.line; });
    if (dryRun)
        return report; // the transaction rolls back: nothing is written
    AuditTrail(m_session).record(QStringLiteral("customer.import"), QStringLiteral("customer"), std::nullopt, {},
                                 QJsonObject{{QStringLiteral("imported"), report.imported},
                                             {QStringLiteral("rejected"), static_cast<int>(report.rejected.size())},
                                             {QStringLiteral("encoding"), table.encoding}});
    transaction.commit();
    return report;
}

} // namespace bizdesk::services
