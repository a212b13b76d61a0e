#include "services/exchange/CsvReader.h"

#include "domain/Error.h"
#include "services/exchange/TextDecoding.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace bizdesk::services {
namespace {

using domain::Error;

QString notReadable(const QString &detail)
{
    return QCoreApplication::translate("CustomerImport", "FILE: %1").arg(detail);
}

QChar guessDelimiter(const QString &firstLine)
{
    const qsizetype commas = firstLine.count(QLatin1Char(','));
    const qsizetype tabs = firstLine.count(QLatin1Char('\t'));
    const qsizetype semicolons = firstLine.count(QLatin1Char(';'));
    if (tabs > commas && tabs >= semicolons)
        return QLatin1Char('\t');
    if (semicolons > commas)
        return QLatin1Char(';');
    return QLatin1Char(',');
}

/// One CSV record and the physical lines it spans, with the first reason to leave it out.
struct Record
{
    QStringList fields;
    int firstLine = 1;
    int lastLine = 1;
    int badLine = 0; ///< the first line of the record that did not decode
    QString problem; ///< a field or the field count past Excel's limits (translated)
};

/// Splits decoded lines into records, one line at a time (a quoted field may span lines).
/// A field stops growing at maxFieldCharacters and a record at maxFields, so an unclosed quote
/// costs nothing while it runs on to the end of the file.
class RecordSplitter
{
public:
    explicit RecordSplitter(QString fileName) : m_fileName(std::move(fileName)) {}

    /// The records `line` completes.
    QList<Record> add(const TextDecoding::Line &line)
    {
        if (line.text.contains(QChar(0)))
            throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1: line %2 holds a NUL byte; "
                                                                                                          "this is not a CSV file (it contains binary data).")
                                                             .arg(m_fileName)
                                                             .arg(line.number));
        if (!m_delimiter)
            m_delimiter = guessDelimiter(line.text);
        if (!m_inRecord) {
            m_record = Record{};
            m_record.firstLine = line.number;
            m_inRecord = true;
        }
        m_record.lastLine = line.number;
        if (line.bad && m_record.badLine == 0)
            m_record.badLine = line.number;
        QList<Record> done;
        const QString &text = line.text;
        const qsizetype size = text.size();
        for (qsizetype i = 0; i < size; ++i) {
            const QChar c = text.at(i);
            if (m_quoted) {
                if (c == QLatin1Char('"')) {
                    if (i + 1 < size && text.at(i + 1) == QLatin1Char('"')) {
                        append(QLatin1Char('"'));
                        ++i;
                    } else {
                        m_quoted = false;
                    }
                } else if (!(c == QLatin1Char('\r') && i + 1 == size && line.terminated)) { // CRLF inside a field becomes LF
                    append(c);
                }
                continue;
            }
            if (c == QLatin1Char('"') && !m_fieldStarted) {
                m_quoted = true;
                m_fieldStarted = true;
                m_quoteLine = line.number;
            } else if (c == *m_delimiter) {
                endField();
            } else if (c == QLatin1Char('\r')) {
                if (!(i + 1 == size && line.terminated)) { // a lone CR ends a record as well
                    endRecord(done, line.number);
                    m_inRecord = true;
                    m_record.badLine = line.bad ? line.number : 0;
                }
            } else {
                append(c);
                m_fieldStarted = true;
            }
        }
        if (line.terminated) {
            if (m_quoted)
                append(QLatin1Char('\n'));
            else
                endRecord(done, line.number);
        }
        return done;
    }

    /// The last record; throws for a quote still open.
    QList<Record> finish()
    {
        if (m_quoted)
            throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1: line %2: a quoted field opens here and is never closed; "
                                                                                                          "the file is truncated or not a CSV file.")
                                                             .arg(m_fileName)
                                                             .arg(m_quoteLine));
        QList<Record> done;
        if (m_inRecord && (m_fieldStarted || !m_field.isEmpty() || !m_record.fields.isEmpty()))
            endRecord(done, m_record.lastLine);
        return done;
    }

private:
    void append(QChar c)
    {
        if (m_field.size() < CsvReader::maxFieldCharacters) {
            m_field.append(c);
        } else if (m_record.problem.isEmpty()) {
            m_record.problem = QCoreApplication::translate("SpreadsheetReader", "line %1: column %2 holds more than %3 characters, the most a spreadsheet cell holds; "
                                                                                "the line was not imported.")
                                   .arg(m_record.firstLine)
                                   .arg(m_record.fields.size() + 1)
                                   .arg(CsvReader::maxFieldCharacters);
        }
    }
    void endField()
    {
        if (m_record.fields.size() < CsvReader::maxFields)
            m_record.fields << m_field;
        else if (m_record.problem.isEmpty())
            m_record.problem = QCoreApplication::translate("SpreadsheetReader", "line %1: the line has more than %2 fields, the most columns a spreadsheet has; "
                                                                                "the line was not imported.")
                                   .arg(m_record.firstLine)
                                   .arg(CsvReader::maxFields);
        m_field.clear();
        m_fieldStarted = false;
    }
    void endRecord(QList<Record> &done, int line)
    {
        endField();
        m_record.lastLine = line;
        const bool blank = m_record.fields.size() == 1 && m_record.fields.first().trimmed().isEmpty() && m_record.problem.isEmpty();
        if (!blank)
            done << m_record;
        m_record = Record{};
        m_record.firstLine = line;
        m_inRecord = false;
    }

    QString m_fileName;
    std::optional<QChar> m_delimiter;
    Record m_record;
    QString m_field;
    bool m_inRecord = false;
    bool m_quoted = false;
    bool m_fieldStarted = false;
    int m_quoteLine = 0;
};

QString encodingLabel(const QString &encoding)
{
    return encoding == QLatin1String("gb18030") ? QStringLiteral("GB18030") : encoding == QLatin1String("utf-16") ? QStringLiteral("UTF-16") : QStringLiteral("UTF-8");
}

/// One pass over the device in one encoding: the table, or only the count of undecodable lines.
class CsvPass
{
public:
    CsvPass(QIODevice &device, QString encoding, int bomLength, QString fileName)
        : m_device(device)
        , m_encoding(std::move(encoding))
        , m_bomLength(bomLength)
        , m_fileName(std::move(fileName))
    {
    }

    int countBadLines()
    {
        int bad = 0;
        run([&](const TextDecoding::Line &line) { bad += line.bad ? 1 : 0; });
        return bad;
    }

    QList<Record> records()
    {
        QList<Record> records;
        RecordSplitter splitter(m_fileName);
        run([&](const TextDecoding::Line &line) { records << splitter.add(line); });
        records << splitter.finish();
        return records;
    }

private:
    template<typename OnLine>
    void run(OnLine &&onLine)
    {
        if (!m_device.seek(m_bomLength))
            throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(m_fileName)));
        TextDecoding::LineDecoder decoder(m_encoding, m_fileName);
        QByteArray piece(CsvReader::pieceBytes, Qt::Uninitialized);
        for (;;) {
            const qint64 read = m_device.read(piece.data(), piece.size());
            if (read < 0)
                throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(m_fileName)));
            if (read == 0)
                break;
            for (const TextDecoding::Line &line : decoder.feed(QByteArrayView(piece).first(read)))
                onLine(line);
        }
        for (const TextDecoding::Line &line : decoder.finish())
            onLine(line);
    }

    QIODevice &m_device;
    QString m_encoding;
    int m_bomLength;
    QString m_fileName;
};

} // namespace

ImportTable CsvReader::parse(QIODevice &device, const QString &encoding, const QString &fileName)
{
    const QString requested = TextDecoding::canonicalName(encoding);
    const bool automatic = requested == QLatin1String("auto");
    const auto [bomEncoding, bomLength] = TextDecoding::byteOrderMark(device.peek(3));
    QString chosen = requested;
    if (bomEncoding == QLatin1String("utf-16") || (bomEncoding == QLatin1String("utf-8") && automatic))
        chosen = bomEncoding;
    QList<Record> records;
    if (chosen != QLatin1String("auto")) {
        records = CsvPass(device, chosen, bomLength, fileName).records();
    } else {
        // UTF-8 unless GB18030 decodes with fewer bad lines (UTF-8 on a tie).
        chosen = QStringLiteral("utf-8");
        records = CsvPass(device, chosen, bomLength, fileName).records();
        const int utf8Bad = static_cast<int>(std::count_if(records.begin(), records.end(), [](const Record &r) { return r.badLine != 0; }));
        if (utf8Bad > 0) {
            const int utf8BadLines = CsvPass(device, chosen, bomLength, fileName).countBadLines();
            if (CsvPass(device, QStringLiteral("gb18030"), bomLength, fileName).countBadLines() < utf8BadLines) {
                chosen = QStringLiteral("gb18030");
                records = CsvPass(device, chosen, bomLength, fileName).records();
            }
        }
    }
    if (records.isEmpty())
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "the file is empty.")));

    const QString why = automatic ? QCoreApplication::translate("SpreadsheetReader", "neither valid UTF-8 nor valid GB18030 text")
                                  : QCoreApplication::translate("SpreadsheetReader", "not valid %1 text").arg(encodingLabel(chosen));

    ImportTable table;
    table.encoding = chosen;
    const Record header = records.takeFirst();
    if (const int bad = header.badLine) {
        const QString other = chosen == QLatin1String("gb18030") ? QStringLiteral("utf-8") : QStringLiteral("gb18030");
        throw Error::invalid(QStringLiteral("encoding"), automatic
            ? QCoreApplication::translate("SpreadsheetReader", "encoding: line %1 (the header) is neither valid UTF-8 nor GB18030 text; the file is damaged or in another encoding.").arg(bad)
            : QCoreApplication::translate("SpreadsheetReader", "encoding: line %1 (the header) is not valid %2 text; try --encoding %3.").arg(bad).arg(encodingLabel(chosen), other));
    }
    if (!header.problem.isEmpty())
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1: %2").arg(fileName, header.problem));
    for (const QString &title : header.fields)
        table.headers << title.trimmed();
    for (const Record &record : records) {
        if (const int bad = record.badLine) {
            table.rejected.append({record.firstLine, QCoreApplication::translate("SpreadsheetReader", "line %1: the text is %2 (the file has a damaged byte there); the line was not imported.")
                                                         .arg(bad)
                                                         .arg(why)});
            continue;
        }
        if (!record.problem.isEmpty()) {
            table.rejected.append({record.firstLine, record.problem});
            continue;
        }
        table.rows << record.fields;
        table.lines << record.firstLine;
    }
    return table;
}

ImportTable CsvReader::parse(const QByteArray &bytes, const QString &encoding, const QString &fileName)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return parse(buffer, encoding, fileName);
}

ImportTable CsvReader::read(const QString &path, const QString &encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    if (file.size() > maxFileBytes)
        throw Error::invalid(QStringLiteral("FILE"), notReadable(QCoreApplication::translate("SpreadsheetReader", "the file is larger than %1 MB, the most BizDesk reads as CSV.")
                                                                     .arg(maxFileBytes / (1024 * 1024))));
    return parse(file, encoding, QFileInfo(path).fileName());
}

} // namespace bizdesk::services
