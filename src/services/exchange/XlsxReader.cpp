#include "services/exchange/XlsxReader.h"

#include "domain/Error.h"
#include "services/exchange/XmlTokenLimit.h"
#include "services/exchange/ZipReader.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <map>

namespace bizdesk::services {
namespace {

using domain::Error;

[[noreturn]] void refuse(const QString &message)
{
    throw Error::invalid(QStringLiteral("FILE"), message);
}

/// A package part parsed as XML the way a spreadsheet program writes it: a DTD (and with it any
/// entity declaration) is refused on sight, never expanded, and a parse error names the part
/// and the line.
class PartXml
{
public:
    PartXml(const QString &fileName, QString part, QIODevice *device)
        : m_fileName(fileName)
        , m_part(std::move(part))
        , m_xml(device)
    {
    }
    PartXml(const QString &fileName, QString part, const QByteArray &data)
        : m_fileName(fileName)
        , m_part(std::move(part))
        , m_xml(data)
    {
    }

    bool atEnd() const { return m_xml.atEnd(); }
    QXmlStreamReader::TokenType next()
    {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference)
            refuseDeclaration();
        return token;
    }
    [[noreturn]] void refuseDeclaration() const
    {
        refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the part %2 declares a DTD or entities (line %3); "
                                                                "spreadsheets never do, so BizDesk does not read it.")
                   .arg(m_fileName, m_part)
                   .arg(m_xml.lineNumber()));
    }
    /// Throws when `limit` cut the stream (call before judging what the cut left behind).
    void requireWithin(const XmlTokenLimit &limit) const
    {
        if (limit.declarationFound())
            refuseDeclaration();
        if (limit.tokenTooLong())
            refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the part %2 holds a single text, tag or comment longer than %3 MB "
                                                                    "(line %4); no spreadsheet cell is that long.")
                       .arg(m_fileName, m_part)
                       .arg(limit.maxTokenBytes() / (1024 * 1024))
                       .arg(m_xml.lineNumber()));
    }
    /// The text up to the end of the current element, refused once it passes `limit` characters
    /// (`what` names the cell or string for the message).
    QString elementText(qsizetype limit, const QString &what)
    {
        QString text;
        int depth = 1;
        while (depth > 0 && !m_xml.atEnd()) {
            const auto token = next();
            if (token == QXmlStreamReader::StartElement)
                ++depth;
            else if (token == QXmlStreamReader::EndElement)
                --depth;
            else if (token == QXmlStreamReader::Characters)
                text += m_xml.text();
            if (text.size() > limit)
                refuse(tooLong(what, limit));
        }
        return text;
    }
    QString tooLong(const QString &what, qsizetype limit) const
    {
        return QCoreApplication::translate("SpreadsheetReader", "FILE: %1: %2 holds more than %3 characters, the most a spreadsheet cell holds.")
            .arg(m_fileName, what)
            .arg(limit);
    }
    /// Throws when the part did not parse (call once done with it).
    void requireWellFormed()
    {
        if (m_xml.hasError() && m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the part %2 is damaged at line %3 (%4).")
                       .arg(m_fileName, m_part)
                       .arg(m_xml.lineNumber())
                       .arg(m_xml.errorString()));
        if (m_xml.hasError())
            refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the part %2 ends too early; the file is damaged or truncated.")
                       .arg(m_fileName, m_part));
    }
    QXmlStreamReader &xml() { return m_xml; }
    const QString &part() const { return m_part; }

private:
    const QString &m_fileName;
    QString m_part;
    QXmlStreamReader m_xml;
};

/// An A1 reference split into 0-based column and 1-based row.
struct CellReference
{
    int column = -1;
    int row = 0;
};

QString columnName(int column)
{
    QString letters;
    for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26)
        letters.prepend(QChar(u'A' + (rest - 1) % 26));
    return letters;
}

QString cellName(int column, int row)
{
    return columnName(column) + QString::number(row);
}

/// "B7" → column 1, row 7; refuses what is not a reference inside Excel's grid (XFD1048576).
CellReference parseReference(QStringView text, const QString &fileName)
{
    CellReference reference;
    qsizetype i = 0;
    qint64 column = 0;
    while (i < text.size() && i < 4 && text.at(i).isLetter() && text.at(i).toUpper() >= u'A' && text.at(i).toUpper() <= u'Z') {
        column = column * 26 + (text.at(i).toUpper().unicode() - u'A' + 1);
        ++i;
    }
    qint64 row = 0;
    const qsizetype digitsStart = i;
    while (i < text.size() && i - digitsStart < 8 && text.at(i) >= u'0' && text.at(i) <= u'9') {
        row = row * 10 + (text.at(i).unicode() - u'0');
        ++i;
    }
    if (column == 0 || i == digitsStart || i != text.size() || column > XlsxReader::maxColumns || row < 1 || row > XlsxReader::maxRows)
        refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the cell reference \"%2\" is outside a spreadsheet's grid "
                                                                "(columns A to XFD, rows 1 to 1,048,576).")
                   .arg(fileName, text.left(40).toString()));
    reference.column = static_cast<int>(column - 1);
    reference.row = static_cast<int>(row);
    return reference;
}

/// A row number attribute; refuses one beyond Excel's last row.
int parseRowNumber(QStringView text, const QString &fileName)
{
    bool ok = false;
    const qint64 row = text.toLongLong(&ok);
    if (!ok || row < 1 || row > XlsxReader::maxRows)
        refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: row number \"%2\" is outside a spreadsheet's rows (1 to 1,048,576).")
                   .arg(fileName, text.left(40).toString()));
    return static_cast<int>(row);
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

/// Reads a whole small part and hands every token to `visit`; checks the XML once done.
template<typename Visit>
void parsePart(const ZipReader &zip, const QString &name, qint64 cap, Visit &&visit)
{
    PartXml xml(zip.fileName(), name, zip.read(name, cap));
    while (!xml.atEnd()) {
        if (!visit(xml, xml.next()))
            break;
    }
    xml.requireWellFormed();
}

/// The part of the first sheet: workbook.xml names it, its relationship gives the part.
QString firstSheetPath(const ZipReader &zip, qint64 cap)
{
    QString firstSheetRel;
    parsePart(zip, QStringLiteral("xl/workbook.xml"), cap, [&](PartXml &part, QXmlStreamReader::TokenType token) {
        QXmlStreamReader &xml = part.xml();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet")) {
            for (const auto &attribute : xml.attributes()) {
                if (attribute.name() == QLatin1String("id"))
                    firstSheetRel = attribute.value().toString();
            }
        }
        return firstSheetRel.isEmpty();
    });
    QString sheetPath = QStringLiteral("xl/worksheets/sheet1.xml");
    const QString relationships = QStringLiteral("xl/_rels/workbook.xml.rels");
    if (!zip.contains(relationships))
        return sheetPath;
    parsePart(zip, relationships, cap, [&](PartXml &part, QXmlStreamReader::TokenType token) {
        QXmlStreamReader &xml = part.xml();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("Relationship")
            && xml.attributes().value(QLatin1String("Id")) == firstSheetRel) {
            const QString target = xml.attributes().value(QLatin1String("Target")).toString();
            sheetPath = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QDir::cleanPath(QStringLiteral("xl/") + target);
        }
        return true;
    });
    return sheetPath;
}

QStringList sharedStrings(const ZipReader &zip, qint64 cap)
{
    QStringList shared;
    const QString name = QStringLiteral("xl/sharedStrings.xml");
    if (!zip.contains(name))
        return shared;
    const auto device = zip.open(name, cap);
    XmlTokenLimit limited(*device);
    PartXml part(zip.fileName(), name, &limited);
    QXmlStreamReader &xml = part.xml();
    QString current;
    bool inSi = false;
    while (!part.atEnd()) {
        const auto token = part.next();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("si")) {
                inSi = true;
                current.clear();
            } else if (xml.name() == QLatin1String("t") && inSi) {
                const QString what = QCoreApplication::translate("SpreadsheetReader", "shared string %1").arg(shared.size());
                current += part.elementText(XlsxReader::maxCellCharacters - current.size(), what);
            } else if (xml.name() == QLatin1String("rPh")) {
                xml.skipCurrentElement(); // phonetic guide text is not cell content
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("si")) {
            shared << current;
            inSi = false;
        }
    }
    part.requireWithin(limited);
    device->requireIntact();
    part.requireWellFormed();
    return shared;
}

/// Which cell formats are dates (cells hold Excel serial numbers then), by style index.
QList<bool> dateStyles(const ZipReader &zip, qint64 cap)
{
    QList<bool> styles;
    const QString name = QStringLiteral("xl/styles.xml");
    if (!zip.contains(name))
        return styles;
    std::map<int, QString> custom;
    bool inCellXfs = false;
    parsePart(zip, name, cap, [&](PartXml &part, QXmlStreamReader::TokenType token) {
        QXmlStreamReader &xml = part.xml();
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
        return true;
    });
    return styles;
}

/// Turns the cells of the first sheet into the table, holding only what is present.
class SheetTable
{
public:
    SheetTable(const ZipReader &zip, const XlsxReader::Limits &limits, QStringList shared, QList<bool> dates)
        : m_fileName(zip.fileName())
        , m_limits(limits)
        , m_shared(std::move(shared))
        , m_dates(std::move(dates))
    {
        m_table.encoding = QStringLiteral("xlsx");
    }

    void startRow(const QXmlStreamAttributes &attributes)
    {
        m_row.clear();
        m_lastColumn = -1;
        const auto number = attributes.value(QLatin1String("r"));
        m_rowNumber = number.isEmpty() ? m_rowNumber + 1 : parseRowNumber(number, m_fileName);
        if (m_rowNumber > XlsxReader::maxRows)
            refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the sheet has more than 1,048,576 rows, the most a spreadsheet holds.").arg(m_fileName));
    }

    void readCell(PartXml &part)
    {
        const auto attributes = part.xml().attributes();
        const auto referenceText = attributes.value(QLatin1String("r"));
        int column = m_lastColumn + 1;
        if (!referenceText.isEmpty()) {
            const CellReference reference = parseReference(referenceText, m_fileName);
            column = reference.column;
        }
        if (column >= XlsxReader::maxColumns)
            refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: row %2 has a cell beyond column XFD, the last a spreadsheet holds.")
                       .arg(m_fileName)
                       .arg(m_rowNumber));
        m_lastColumn = column;
        const QString cell = cellName(column, m_rowNumber);
        QString value;
        QXmlStreamReader &xml = part.xml();
        int depth = 1;
        while (depth > 0 && !part.atEnd()) {
            const auto token = part.next();
            if (token == QXmlStreamReader::StartElement) {
                if (xml.name() == QLatin1String("v") || xml.name() == QLatin1String("t"))
                    value += part.elementText(XlsxReader::maxCellCharacters - value.size(), QCoreApplication::translate("SpreadsheetReader", "cell %1").arg(cell));
                else
                    ++depth;
            } else if (token == QXmlStreamReader::EndElement) {
                --depth;
            }
        }
        value = cellValue(attributes.value(QLatin1String("t")).toString(), attributes.value(QLatin1String("s")), value, cell);
        if (value.isEmpty())
            return; // an empty cell never widens its row
        if (m_headersDone && column >= m_table.headers.size())
            return; // right of the last header: no column to import it into (as an unmapped column)
        if (column >= m_row.size()) {
            const qint64 gap = column - m_row.size();
            m_present += 1;
            m_gaps += gap;
            if (m_gaps > 16 * m_present + m_limits.gapCells)
                refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the cells of the sheet are spread too thinly (at cell %2); "
                                                                        "BizDesk holds at most 16 empty cells per filled cell beyond %3.")
                           .arg(m_fileName, cell)
                           .arg(m_limits.gapCells));
            m_row.reserve(column + 1);
            while (m_row.size() < column)
                m_row << QString();
            m_row << value;
        } else {
            m_row[column] = value;
        }
    }

    void endRow()
    {
        const bool blank = std::all_of(m_row.begin(), m_row.end(), [](const QString &v) { return v.trimmed().isEmpty(); });
        m_cellsHeld += m_row.size();
        if (!m_headersDone) {
            m_table.headers = m_row;
            m_headersDone = true;
        } else if (!blank) {
            m_table.rows << m_row;
            m_table.lines << m_rowNumber;
        }
    }

    bool empty() const { return !m_headersDone; }
    qint64 cellsHeld() const { return m_cellsHeld; }
    ImportTable take()
    {
        for (QString &header : m_table.headers)
            header = header.trimmed();
        return std::move(m_table);
    }

private:
    QString cellValue(const QString &type, QStringView styleText, const QString &value, const QString &cell) const
    {
        int style = 0;
        if (!styleText.isEmpty()) {
            bool ok = false;
            style = styleText.toInt(&ok);
            // Without styles.xml only the default style 0 exists.
            if (!ok || style < 0 || (style >= m_dates.size() && !(m_dates.isEmpty() && style == 0)))
                refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: cell %2 uses style %3, but the workbook defines %4 styles.")
                           .arg(m_fileName, cell, styleText.left(40).toString())
                           .arg(m_dates.size()));
        }
        if (type == QLatin1String("s")) {
            bool ok = false;
            const qint64 index = value.trimmed().toLongLong(&ok);
            if (!ok || index < 0 || index >= m_shared.size())
                refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: cell %2 refers to shared string %3, but the workbook has %4.")
                           .arg(m_fileName, cell, value.left(40))
                           .arg(m_shared.size()));
            return m_shared.at(index);
        }
        if (type == QLatin1String("b"))
            return value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        if (type.isEmpty() || type == QLatin1String("n")) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (ok && style < m_dates.size() && m_dates.at(style) && number >= 0 && number < 2958466)
                return QDate(1899, 12, 30).addDays(static_cast<qint64>(number)).toString(Qt::ISODate);
            if (ok && number > -9e15 && number < 9e15 && number == static_cast<double>(static_cast<qint64>(number)))
                return QString::number(static_cast<qint64>(number)); // phone numbers stored as numbers
        }
        return value;
    }

    const QString &m_fileName;
    const XlsxReader::Limits &m_limits;
    const QStringList m_shared;
    const QList<bool> m_dates;
    ImportTable m_table;
    QStringList m_row;
    int m_rowNumber = 0;
    int m_lastColumn = -1;
    bool m_headersDone = false;
    qint64 m_present = 0;
    qint64 m_gaps = 0;
    qint64 m_cellsHeld = 0;
};

} // namespace

ImportTable XlsxReader::read(const QString &path)
{
    m_statistics = {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        refuse(QCoreApplication::translate("CustomerImport", "FILE: %1").arg(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    file.close();
    const ZipReader zip(path, m_limits);
    const QString sheetPath = firstSheetPath(zip, m_limits.partBytes);
    SheetTable sheet(zip, m_limits, sharedStrings(zip, m_limits.sharedStringsBytes), dateStyles(zip, m_limits.partBytes));

    const auto device = zip.open(sheetPath, m_limits.sheetBytes);
    XmlTokenLimit limited(*device);
    PartXml part(zip.fileName(), sheetPath, &limited);
    QXmlStreamReader &xml = part.xml();
    try {
        while (!part.atEnd()) {
            const auto token = part.next();
            if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("row"))
                sheet.startRow(xml.attributes());
            else if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("c"))
                sheet.readCell(part);
            else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("row"))
                sheet.endRow();
        }
    } catch (const Error &) {
        m_statistics.sheetInflatedBytes = device->inflated();
        m_statistics.largestChunk = device->largestChunk();
        // A cap that cut the stream explains the error better than what the cut left behind.
        if (device->capExceeded())
            device->requireIntact();
        part.requireWithin(limited);
        throw;
    }
    part.requireWithin(limited);
    // Read to the member's end so that its CRC is checked, then refuse a cut-off or damaged sheet.
    char rest[4096];
    while (!device->capExceeded() && device->read(rest, sizeof rest) > 0) {
    }
    m_statistics.sheetInflatedBytes = device->inflated();
    m_statistics.largestChunk = device->largestChunk();
    m_statistics.cellsHeld = sheet.cellsHeld();
    device->requireIntact();
    part.requireWellFormed();
    if (sheet.empty())
        refuse(QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the first sheet is empty.").arg(zip.fileName()));
    return sheet.take();
}

} // namespace bizdesk::services
