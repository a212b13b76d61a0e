#include "services/exchange/CsvReader.h"

#include "domain/Error.h"
#include "services/exchange/TextDecoding.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace bizdesk::services {
namespace {

using domain::Error;

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

/// One CSV record and the physical lines it spans.
struct Record
{
    QStringList fields;
    int firstLine = 1;
    int lastLine = 1;
};

QList<Record> splitRecords(const QString &text)
{
    const QChar delimiter = guessDelimiter(text);
    QList<Record> records;
    Record record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    const qsizetype size = text.size();
    auto endRecord = [&] {
        record.fields << field;
        record.lastLine = line;
        field.clear();
        fieldStarted = false;
        const bool blank = record.fields.size() == 1 && record.fields.first().trimmed().isEmpty();
        if (!blank)
            records << record;
        record = Record{};
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
            record.fields << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            record.firstLine = line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "line %1: a quoted field is not closed; the file is truncated or not a CSV file.").arg(quoteLine));
    if (fieldStarted || !field.isEmpty() || !record.fields.isEmpty())
        endRecord();
    return records;
}

QString encodingLabel(const QString &encoding)
{
    return encoding == QLatin1String("gb18030") ? QStringLiteral("GB18030") : encoding == QLatin1String("utf-16") ? QStringLiteral("UTF-16") : QStringLiteral("UTF-8");
}

} // namespace

ImportTable CsvReader::parse(const QByteArray &bytes, const QString &encoding)
{
    if (!bytes.startsWith("\xFF\xFE") && bytes.contains('\0'))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "this is not a CSV or .xlsx file (it contains binary data).")));
    const TextDecoding::Result decoded = TextDecoding::decode(bytes, encoding);
    const bool automatic = TextDecoding::canonicalName(encoding) == QLatin1String("auto");
    QList<Record> records = splitRecords(decoded.text);
    if (records.isEmpty())
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the file is empty.")));

    const auto badLineIn = [&decoded](const Record &record) {
        const auto found = std::lower_bound(decoded.badLines.begin(), decoded.badLines.end(), record.firstLine);
        return found != decoded.badLines.end() && *found <= record.lastLine ? *found : 0;
    };
    const QString why = automatic ? QCoreApplication::translate("SpreadsheetReader", "neither valid UTF-8 nor valid GB18030 text")
                                  : QCoreApplication::translate("SpreadsheetReader", "not valid %1 text").arg(encodingLabel(decoded.encoding));

    ImportTable table;
    table.encoding = decoded.encoding;
    const Record header = records.takeFirst();
    if (const int bad = badLineIn(header)) {
        const QString other = decoded.encoding == QLatin1String("gb18030") ? QStringLiteral("utf-8") : QStringLiteral("gb18030");
        throw Error::invalid(QStringLiteral("encoding"), automatic
            ? QCoreApplication::translate("SpreadsheetReader", "encoding: line %1 (the header) is neither valid UTF-8 nor GB18030 text; the file is damaged or in another encoding.").arg(bad)
            : QCoreApplication::translate("SpreadsheetReader", "encoding: line %1 (the header) is not valid %2 text; try --encoding %3.").arg(bad).arg(encodingLabel(decoded.encoding), other));
    }
    for (const QString &title : header.fields)
        table.headers << title.trimmed();
    for (const Record &record : records) {
        if (const int bad = badLineIn(record)) {
            table.rejected.append({record.firstLine, QCoreApplication::translate("SpreadsheetReader", "line %1: the text is %2 (the file has a damaged byte there); the line was not imported.")
                                                         .arg(bad)
                                                         .arg(why)});
            continue;
        }
        table.rows << record.fields;
        table.lines << record.firstLine;
    }
    return table;
}

ImportTable CsvReader::read(const QString &path, const QString &encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    if (file.size() > maxFileBytes)
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("SpreadsheetReader", "the file is larger than %1 MB, the most BizDesk reads as CSV.")
                                                                     .arg(maxFileBytes / (1024 * 1024))));
    return parse(file.readAll(), encoding);
}

} // namespace bizdesk::services
