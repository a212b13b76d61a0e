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

    /// `requested`: "auto", "utf-8" or "gb18030" (also utf8, gbk, gb2312); anything else is
    /// invalid (field "encoding"). A BOM decides; otherwise "auto" takes the encoding that
    /// decodes without errors (UTF-8 first), and when every encoding has errors the one with
    /// fewer bad lines (UTF-8 on a tie).
    static Result decode(const QByteArray &bytes, const QString &requested);
    /// The requested name in canonical form ("auto", "utf-8", "gb18030"); throws invalid.
    static QString canonicalName(const QString &requested);
};

} // namespace bizdesk::services
