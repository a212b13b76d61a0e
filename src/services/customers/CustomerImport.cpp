#include "services/customers/CustomerImport.h"

#include "domain/Error.h"
#include "domain/customers/Customer.h"
#include "domain/identity/Permission.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerService.h"
#include "services/exchange/TableExport.h"
#include "services/exchange/ZipReader.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>
#include <QRegularExpression>
#include <QXmlStreamReader>


#include <map>

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

QString notReadable(const QString &detail)
{
    return QCoreApplication::translate("CustomerImport", "FILE: %1").arg(detail);
}

QChar guessDelimiter(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString first = text.left(end < 0 ? text.size() : end);
    const qsizetype commas = first.count(QLatin1Char(','));
    const qsizetype tabs = first.count(QLatin1Char('\t'));
    const qsizetype semicolons = first.count(QLatin1Char(';'));
    if (tabs > commas && tabs >= semicolons)
        return QLatin1Char('\t');
    if (semicolons > commas)
        return QLatin1Char(';');
    return QLatin1Char(',');
}

/// Column letters of an A1 reference → 0-based column.
int columnOf(QStringView reference)
{
    int column = 0;
    for (QChar c : reference) {
        if (!c.isLetter())
            break;
        column = column * 26 + (c.toUpper().unicode() - 'A' + 1);
    }
    return column - 1;
}

QByteArray readZipEntry(const ZipReader &zip, const QString &name, bool required)
{
    if (!required && !zip.contains(name))
        return {};
    return zip.read(name);
}

bool isDateFormat(int id, const std::map<int, QString> &custom)
{
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return true;
    const auto it = custom.find(id);
    if (it == custom.end())
        return false;
    QString code = it->second;
    code.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"|\\[[^\\]]*\\]")));
    return code.contains(QLatin1Char('y'), Qt::CaseInsensitive) || code.contains(QLatin1Char('d'), Qt::CaseInsensitive);
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

ImportTable CustomerImport::parseCsv(const QByteArray &bytes, const QString &requested)
{
    ImportTable table;
    QString encoding = requested.trimmed().toLower();
    if (encoding.isEmpty())
        encoding = QStringLiteral("auto");
    if (encoding == QLatin1String("utf8"))
        encoding = QStringLiteral("utf-8");
    if (encoding == QLatin1String("gbk") || encoding == QLatin1String("gb2312"))
        encoding = QStringLiteral("gb18030");
    if (encoding != QLatin1String("auto") && encoding != QLatin1String("utf-8") && encoding != QLatin1String("gb18030"))
        throw Error::invalid(QStringLiteral("encoding"), QCoreApplication::translate("CustomerImport", "encoding: use auto, utf-8 or gb18030, not \"%1\".").arg(requested));

    QByteArray data = bytes;
    bool utf16 = false;
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
        if (encoding == QLatin1String("auto"))
            encoding = QStringLiteral("utf-8");
    } else if (data.startsWith("\xFF\xFE")) {
        utf16 = true; // Excel's "Unicode text"
    }
    if (!utf16 && data.contains('\0'))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "this is not a CSV or .xlsx file (it contains binary data).")));

    QString text;
    if (utf16) {
        QStringDecoder decoder(QStringConverter::Utf16LE);
        text = decoder(data.mid(2));
        encoding = QStringLiteral("utf-16");
    } else {
        if (encoding == QLatin1String("auto")) {
            QStringDecoder strict(QStringConverter::Utf8);
            text = strict(data);
            encoding = strict.hasError() ? QStringLiteral("gb18030") : QStringLiteral("utf-8");
        }
        if (encoding == QLatin1String("gb18030")) {
            QStringDecoder decoder("GB18030");
            if (!decoder.isValid())
                throw Error::internal(QStringLiteral("GB18030 decoder unavailable"));
            text = decoder(data);
        } else {
            QStringDecoder decoder(QStringConverter::Utf8);
            text = decoder(data);
            if (decoder.hasError())
                throw Error::invalid(QStringLiteral("encoding"), QCoreApplication::translate("CustomerImport", "encoding: the file is not valid UTF-8; try --encoding gb18030."));
        }
    }
    table.encoding = encoding;

    const QChar delimiter = guessDelimiter(text);
    QList<QStringList> records;
    QList<int> lines;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    const qsizetype size = text.size();
    auto endRecord = [&] {
        record << field;
        field.clear();
        fieldStarted = false;
        const bool blank = record.size() == 1 && record.first().trimmed().isEmpty();
        if (!blank) {
            records << record;
            lines << recordLine;
        }
        record.clear();
    };
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < size && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
                    continue; // CRLF inside a field becomes LF
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == delimiter) {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "line %1: a quoted field is not closed; the file is truncated or not a CSV file.").arg(quoteLine));
    if (fieldStarted || !field.isEmpty() || !record.isEmpty())
        endRecord();
    if (records.isEmpty())
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the file is empty.")));
    table.headers = records.takeFirst();
    lines.removeFirst();
    for (QString &header : table.headers)
        header = header.trimmed();
    // Cells that BizDesk's CSV export protected against formula injection read back as they were.
    for (QStringList &row : records) {
        for (QString &cell : row)
            cell = TableExport::restoreNeutralised(cell);
    }
    table.rows = records;
    table.lines = lines;
    return table;
}

ImportTable CustomerImport::readXlsx(const QString &path)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    file.close();
    const ZipReader zip(path);

    // The first sheet: workbook.xml names it, its relationship gives the part.
    QString firstSheetRel;
    {
        QXmlStreamReader xml(readZipEntry(zip, QStringLiteral("xl/workbook.xml"), true));
        while (!xml.atEnd() && firstSheetRel.isEmpty()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet")) {
                for (const auto &attribute : xml.attributes()) {
                    if (attribute.name() == QLatin1String("id"))
                        firstSheetRel = attribute.value().toString();
                }
            }
        }
    }
    QString sheetPath = QStringLiteral("xl/worksheets/sheet1.xml");
    {
        QXmlStreamReader xml(readZipEntry(zip, QStringLiteral("xl/_rels/workbook.xml.rels"), false));
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("Relationship")
                && xml.attributes().value(QLatin1String("Id")) == firstSheetRel) {
                QString target = xml.attributes().value(QLatin1String("Target")).toString();
                sheetPath = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
            }
        }
    }
    QStringList shared;
    {
        QXmlStreamReader xml(readZipEntry(zip, QStringLiteral("xl/sharedStrings.xml"), false));
        QString current;
        bool inSi = false;
        while (!xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (xml.name() == QLatin1String("si")) {
                    inSi = true;
                    current.clear();
                } else if (xml.name() == QLatin1String("t") && inSi) {
                    current += xml.readElementText();
                } else if (xml.name() == QLatin1String("rPh")) {
                    xml.skipCurrentElement(); // phonetic guide text is not cell content
                }
            } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("si")) {
                shared << current;
                inSi = false;
            }
        }
    }
    // Styles: which cell formats are dates (cells hold Excel serial numbers then).
    QList<bool> dateStyles;
    {
        QXmlStreamReader xml(readZipEntry(zip, QStringLiteral("xl/styles.xml"), false));
        std::map<int, QString> custom;
        bool inCellXfs = false;
        while (!xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (xml.name() == QLatin1String("numFmt"))
                    custom[xml.attributes().value(QLatin1String("numFmtId")).toInt()] = xml.attributes().value(QLatin1String("formatCode")).toString();
                else if (xml.name() == QLatin1String("cellXfs"))
                    inCellXfs = true;
                else if (inCellXfs && xml.name() == QLatin1String("xf"))
                    dateStyles << isDateFormat(xml.attributes().value(QLatin1String("numFmtId")).toInt(), custom);
            } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            }
        }
    }

    ImportTable table;
    table.encoding = QStringLiteral("xlsx");
    QXmlStreamReader xml(readZipEntry(zip, sheetPath, true));
    QStringList row;
    int rowNumber = 0;
    bool firstRow = true;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("row")) {
            row.clear();
            rowNumber = xml.attributes().value(QLatin1String("r")).toInt();
        } else if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("c")) {
            const auto attributes = xml.attributes();
            const QString type = attributes.value(QLatin1String("t")).toString();
            const int style = attributes.value(QLatin1String("s")).toInt();
            int column = columnOf(attributes.value(QLatin1String("r")));
            if (column < 0)
                column = static_cast<int>(row.size());
            QString value;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("c")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && (xml.name() == QLatin1String("v") || xml.name() == QLatin1String("t")))
                    value += xml.readElementText();
            }
            if (type == QLatin1String("s")) {
                const int index = value.toInt();
                value = index >= 0 && index < shared.size() ? shared.at(index) : QString();
            } else if (type == QLatin1String("b")) {
                value = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            } else if (type.isEmpty() || type == QLatin1String("n")) {
                bool ok = false;
                const double number = value.toDouble(&ok);
                if (ok && style >= 0 && style < dateStyles.size() && dateStyles.at(style))
                    value = QDate(1899, 12, 30).addDays(static_cast<qint64>(number)).toString(Qt::ISODate);
                else if (ok && number == static_cast<double>(static_cast<qint64>(number)))
                    value = QString::number(static_cast<qint64>(number)); // phone numbers stored as numbers
            }
            while (row.size() < column)
                row << QString();
            if (row.size() == column)
                row << value;
            else
                row[column] = value;
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("row")) {
            const bool blank = std::all_of(row.begin(), row.end(), [](const QString &v) { return v.trimmed().isEmpty(); });
            if (firstRow) {
                table.headers = row;
                firstRow = false;
            } else if (!blank) {
                table.rows << row;
                table.lines << rowNumber;
            }
        }
    }
    if (xml.hasError())
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the first sheet is damaged (%1).").arg(xml.errorString())));
    if (firstRow)
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the first sheet is empty.")));
    for (QString &header : table.headers)
        header = header.trimmed();
    return table;
}

ImportTable CustomerImport::read(const QString &path, const QString &encoding)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    QFile file(path);
    if (!file.exists())
        throw Error::notFound(QCoreApplication::translate("CustomerImport", "There is no file %1.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    const QByteArray head = file.peek(4);
    if (head.startsWith("PK\x03\x04") || QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0) {
        file.close();
        return readXlsx(path);
    }
    return parseCsv(file.readAll(), encoding);
}

ImportReport CustomerImport::run(const ImportTable &table, const QStringList &mapping, bool dryRun, const Progress &progress)
{
    m_session.require(domain::Action::ImportCustomers);
    if (!mapping.contains(QStringLiteral("name")))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "FILE: no column holds the customer name (客户名称 / 客戶名稱 / Name)."));
    ImportReport report;
    report.dryRun = dryRun;
    report.total = static_cast<int>(table.rows.size());
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
                if (!input.contactName.trimmed().isEmpty()) {
                    domain::CustomerContact contact;
                    contact.name = input.contactName.trimmed();
                    contacts << contact;
                }
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
        if (progress && (r % 500 == 499 || r + 1 == table.rows.size()) && !progress(r + 1, report.total))
            throw Error::conflict(QCoreApplication::translate("CustomerImport", "The import was cancelled; nothing was written."));
    }
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
