#include "services/exchange/XlsxReader.h"

#include "domain/Error.h"
#include "services/exchange/ZipReader.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <map>

namespace bizdesk::services {
namespace {

using domain::Error;

QString notReadable(const QString &detail)
{
    return QCoreApplication::translate("CustomerImport", "FILE: %1").arg(detail);
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

QByteArray optionalPart(const ZipReader &zip, const QString &name, qint64 cap)
{
    return zip.contains(name) ? zip.read(name, cap) : QByteArray();
}

/// The part of the first sheet: workbook.xml names it, its relationship gives the part.
QString firstSheetPath(const ZipReader &zip, qint64 cap)
{
    QString firstSheetRel;
    {
        QXmlStreamReader xml(zip.read(QStringLiteral("xl/workbook.xml"), cap));
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
    QXmlStreamReader xml(optionalPart(zip, QStringLiteral("xl/_rels/workbook.xml.rels"), cap));
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("Relationship")
            && xml.attributes().value(QLatin1String("Id")) == firstSheetRel) {
            const QString target = xml.attributes().value(QLatin1String("Target")).toString();
            sheetPath = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        }
    }
    return sheetPath;
}

QStringList sharedStrings(const ZipReader &zip, qint64 cap)
{
    QStringList shared;
    if (!zip.contains(QStringLiteral("xl/sharedStrings.xml")))
        return shared;
    const auto part = zip.open(QStringLiteral("xl/sharedStrings.xml"), cap);
    QXmlStreamReader xml(part.get());
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
    part->requireIntact();
    return shared;
}

/// Which cell formats are dates (cells hold Excel serial numbers then).
QList<bool> dateStyles(const ZipReader &zip, qint64 cap)
{
    QList<bool> styles;
    QXmlStreamReader xml(optionalPart(zip, QStringLiteral("xl/styles.xml"), cap));
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
                styles << isDateFormat(xml.attributes().value(QLatin1String("numFmtId")).toInt(), custom);
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs")) {
            inCellXfs = false;
        }
    }
    return styles;
}

QString cellValue(const QString &type, int style, QString value, const QStringList &shared, const QList<bool> &dates)
{
    if (type == QLatin1String("s")) {
        const int index = value.toInt();
        return index >= 0 && index < shared.size() ? shared.at(index) : QString();
    }
    if (type == QLatin1String("b"))
        return value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    if (type.isEmpty() || type == QLatin1String("n")) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (ok && style >= 0 && style < dates.size() && dates.at(style))
            return QDate(1899, 12, 30).addDays(static_cast<qint64>(number)).toString(Qt::ISODate);
        if (ok && number == static_cast<double>(static_cast<qint64>(number)))
            return QString::number(static_cast<qint64>(number)); // phone numbers stored as numbers
    }
    return value;
}

} // namespace

ImportTable XlsxReader::read(const QString &path)
{
    m_statistics = {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    file.close();
    const ZipReader zip(path);
    const QString sheetPath = firstSheetPath(zip, m_limits.partBytes);
    const QStringList shared = sharedStrings(zip, m_limits.sharedStringsBytes);
    const QList<bool> dates = dateStyles(zip, m_limits.partBytes);

    ImportTable table;
    table.encoding = QStringLiteral("xlsx");
    const auto sheet = zip.open(sheetPath, m_limits.sheetBytes);
    QXmlStreamReader xml(sheet.get());
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
            value = cellValue(type, style, value, shared, dates);
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
    // Read to the member's end so that its CRC is checked, then refuse a cut-off or damaged sheet.
    char rest[4096];
    while (!sheet->capExceeded() && sheet->read(rest, sizeof rest) > 0) {
    }
    m_statistics.sheetInflatedBytes = sheet->inflated();
    m_statistics.largestChunk = sheet->largestChunk();
    sheet->requireIntact();
    if (xml.hasError())
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the first sheet is damaged (%1).").arg(xml.errorString())));
    if (firstRow)
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the first sheet is empty.")));
    for (QString &header : table.headers)
        header = header.trimmed();
    return table;
}

} // namespace bizdesk::services
