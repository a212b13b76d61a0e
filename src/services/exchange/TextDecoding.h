#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace bizdesk::services {

/// Strict decoding of text files as Excel and Chinese Windows write them. A decoder never guesses
/// silently: a byte sequence that is not valid in the chosen encoding is reported by line.
class TextDecoding
{
public:
    struct Result
    {
        QString encoding; ///< "utf-8", "gb18030" or "utf-16"
        QString text;     ///< undecodable bytes appear as U+FFFD on the lines in badLines
        QList<int> badLines; ///< 1-based physical lines with decoding errors, ascending
    };

    /// One physical line of a file decoded on its own.
    struct Line
    {
        QString text;      ///< without its line feed
        int number = 0;    ///< 1-based
        bool bad = false;  ///< had bytes that are not valid in the encoding (U+FFFD in `text`)
        bool terminated = false; ///< ended with a line feed (false only for the last line)
    };

    /// Decodes a stream fed in pieces of any size into lines, each decoded on its own exactly as
    /// decode() decodes it in one piece: a character split across two pieces is joined first
    /// (0x0A never occurs inside a UTF-8 or GB18030 character; in UTF-16 the line feed is the
    /// aligned pair 0A 00). A line that grows past `maxLineBytes` without a line feed is refused
    /// while it is read, so one line never costs more than that much memory.
    class LineDecoder
    {
    public:
        static constexpr qint64 defaultMaxLineBytes = 1024 * 1024;

        /// `encoding`: "utf-8", "gb18030" or "utf-16" (little endian, after its BOM). `fileName`
        /// names the file in messages.
        explicit LineDecoder(QString encoding, QString fileName = QStringLiteral("CSV"), qint64 maxLineBytes = defaultMaxLineBytes);
        /// The lines `bytes` completes.
        QList<Line> feed(QByteArrayView bytes);
        /// The last line, when the stream did not end with a line feed.
        QList<Line> finish();
        int linesSoFar() const { return m_line - 1; }

    private:
        Line decodeLine(QByteArrayView bytes, bool terminated);
        qsizetype findLineFeed(qsizetype from) const;

        QString m_encoding;
        QString m_fileName;
        qint64 m_maxLineBytes;
        QByteArray m_pending;    ///< the bytes of the line not yet ended
        qsizetype m_searched = 0; ///< how much of m_pending is known to hold no line feed
        int m_line = 1;
    };

    /// `requested`: "auto", "utf-8" or "gb18030" (also utf8, gbk, gb2312); anything else is
    /// invalid (field "encoding"). A BOM decides; otherwise "auto" takes the encoding that
    /// decodes without errors (UTF-8 first), and when every encoding has errors the one with
    /// fewer bad lines (UTF-8 on a tie).
    static Result decode(const QByteArray &bytes, const QString &requested);
    /// The requested name in canonical form ("auto", "utf-8", "gb18030"); throws invalid.
    static QString canonicalName(const QString &requested);
    /// The encoding a byte order mark at the start of `head` names ("utf-8", "utf-16"; "" when
    /// there is none) and its length in bytes.
    static std::pair<QString, int> byteOrderMark(QByteArrayView head);
    /// The message for a line longer than `maxLineBytes`.
    static QString lineTooLongMessage(const QString &fileName, int line, qint64 maxLineBytes);
};

} // namespace bizdesk::services
