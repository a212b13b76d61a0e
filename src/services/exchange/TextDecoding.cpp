#include "services/exchange/TextDecoding.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace bizdesk::services {
namespace {

using domain::Error;

QStringDecoder decoderFor(const QString &encoding, QStringConverter::Flags flags)
{
    QStringDecoder decoder = encoding == QLatin1String("gb18030") ? QStringDecoder("GB18030", flags)
                           : encoding == QLatin1String("utf-16")  ? QStringDecoder(QStringConverter::Utf16LE, flags)
                                                                  : QStringDecoder(QStringConverter::Utf8, flags);
    if (!decoder.isValid())
        throw Error::internal(QStringLiteral("%1 decoder unavailable").arg(encoding));
    return decoder;
}

/// Decodes line by line (0x0A never occurs inside a UTF-8 or GB18030 character), so that an
/// error stays on its own line instead of shifting the rest of the file.
TextDecoding::Result decodeByLine(const QByteArray &data, const QString &encoding)
{
    TextDecoding::Result result;
    result.encoding = encoding;
    // The fast path: the whole file decodes cleanly.
    {
        QStringDecoder whole = decoderFor(encoding, QStringConverter::Flag::Stateless);
        result.text = whole(data);
        if (!whole.hasError())
            return result;
    }
    result.text.clear();
    qsizetype start = 0;
    int line = 1;
    while (start <= data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        QStringDecoder decoder = decoderFor(encoding, QStringConverter::Flag::Stateless);
        result.text += decoder(QByteArrayView(data).sliced(start, end - start));
        if (decoder.hasError())
            result.badLines << line;
        if (end < data.size())
            result.text += QLatin1Char('\n');
        start = end + 1;
        ++line;
    }
    return result;
}

} // namespace

TextDecoding::LineDecoder::LineDecoder(QString encoding, QString fileName, qint64 maxLineBytes)
    : m_encoding(std::move(encoding))
    , m_fileName(std::move(fileName))
    , m_maxLineBytes(maxLineBytes)
{
    decoderFor(m_encoding, QStringConverter::Flag::Stateless); // throws for an unknown encoding
}

qsizetype TextDecoding::LineDecoder::findLineFeed(qsizetype from) const
{
    if (m_encoding != QLatin1String("utf-16"))
        return m_pending.indexOf('\n', from);
    for (qsizetype i = from - from % 2; i + 1 < m_pending.size(); i += 2) {
        if (m_pending.at(i) == '\n' && m_pending.at(i + 1) == '\0')
            return i;
    }
    return -1;
}

TextDecoding::Line TextDecoding::LineDecoder::decodeLine(QByteArrayView bytes, bool terminated)
{
    QStringDecoder decoder = decoderFor(m_encoding, QStringConverter::Flag::Stateless);
    Line line;
    line.text = decoder(bytes);
    line.bad = decoder.hasError();
    line.number = m_line++;
    line.terminated = terminated;
    if (line.bad && m_encoding == QLatin1String("utf-16"))
        throw Error::invalid(QStringLiteral("encoding"), QCoreApplication::translate("SpreadsheetReader", "encoding: the file starts like UTF-16 text but is not valid UTF-16."));
    return line;
}

QList<TextDecoding::Line> TextDecoding::LineDecoder::feed(QByteArrayView bytes)
{
    QList<Line> lines;
    m_pending.append(bytes.constData(), bytes.size());
    const qsizetype feedLength = m_encoding == QLatin1String("utf-16") ? 2 : 1;
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = findLineFeed(std::max(start, m_searched));
        if (end < 0)
            break;
        if (end - start > m_maxLineBytes)
            throw Error::invalid(QStringLiteral("FILE"), lineTooLongMessage(m_fileName, m_line, m_maxLineBytes));
        lines << decodeLine(QByteArrayView(m_pending).sliced(start, end - start), true);
        start = end + feedLength;
        m_searched = start;
    }
    m_pending.remove(0, start);
    m_searched = m_pending.size();
    if (m_pending.size() > m_maxLineBytes)
        throw Error::invalid(QStringLiteral("FILE"), lineTooLongMessage(m_fileName, m_line, m_maxLineBytes));
    return lines;
}

QList<TextDecoding::Line> TextDecoding::LineDecoder::finish()
{
    QList<Line> lines;
    if (!m_pending.isEmpty())
        lines << decodeLine(m_pending, false);
    m_pending.clear();
    m_searched = 0;
    return lines;
}

QString TextDecoding::lineTooLongMessage(const QString &fileName, int line, qint64 maxLineBytes)
{
    return QCoreApplication::translate("SpreadsheetReader", "FILE: %1: line %2 is longer than %3 MB without a line break, the most BizDesk reads; "
                                                            "the file is not a CSV file.")
        .arg(fileName)
        .arg(line)
        .arg(maxLineBytes / (1024 * 1024));
}

std::pair<QString, int> TextDecoding::byteOrderMark(QByteArrayView head)
{
    if (head.startsWith("\xFF\xFE"))
        return {QStringLiteral("utf-16"), 2};
    if (head.startsWith("\xEF\xBB\xBF"))
        return {QStringLiteral("utf-8"), 3};
    return {QString(), 0};
}

QString TextDecoding::canonicalName(const QString &requested)
{
    QString encoding = requested.trimmed().toLower();
    if (encoding.isEmpty())
        encoding = QStringLiteral("auto");
    if (encoding == QLatin1String("utf8"))
        encoding = QStringLiteral("utf-8");
    if (encoding == QLatin1String("gbk") || encoding == QLatin1String("gb2312"))
        encoding = QStringLiteral("gb18030");
    if (encoding != QLatin1String("auto") && encoding != QLatin1String("utf-8") && encoding != QLatin1String("gb18030"))
        throw Error::invalid(QStringLiteral("encoding"), QCoreApplication::translate("CustomerImport", "encoding: use auto, utf-8 or gb18030, not \"%1\".").arg(requested));
    return encoding;
}

TextDecoding::Result TextDecoding::decode(const QByteArray &bytes, const QString &requested)
{
    QString encoding = canonicalName(requested);
    if (bytes.startsWith("\xFF\xFE")) { // Excel's "Unicode text"; its lines cannot be split as bytes
        Result utf16;
        utf16.encoding = QStringLiteral("utf-16");
        QStringDecoder decoder = decoderFor(utf16.encoding, QStringConverter::Flag::Stateless);
        utf16.text = decoder(QByteArrayView(bytes).sliced(2));
        if (decoder.hasError())
            throw Error::invalid(QStringLiteral("encoding"), QCoreApplication::translate("SpreadsheetReader", "encoding: the file starts like UTF-16 text but is not valid UTF-16."));
        return utf16;
    }
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return decodeByLine(bytes.mid(3), encoding == QLatin1String("auto") ? QStringLiteral("utf-8") : encoding);
    if (encoding != QLatin1String("auto"))
        return decodeByLine(bytes, encoding);
    Result utf8 = decodeByLine(bytes, QStringLiteral("utf-8"));
    if (utf8.badLines.isEmpty())
        return utf8;
    Result gb18030 = decodeByLine(bytes, QStringLiteral("gb18030"));
    return gb18030.badLines.size() < utf8.badLines.size() ? gb18030 : utf8;
}

} // namespace bizdesk::services
