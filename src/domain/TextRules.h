#pragma once

#include <QString>

namespace bizdesk::domain {

/// The kinds of free-text field BizDesk stores, each with one length limit (see TextRules::limit).
enum class TextKind {
    Name,      ///< a customer's, person's or company's name
    ShortText, ///< short name, industry, size band, job title, WeChat id
    Label,     ///< names of segments and departments
    Title,     ///< titles of events, research topics, reasons
    Line,      ///< one line of detail: address, website, tags, place, participants
    Notes,     ///< multi-line notes, findings, comments, explanations
    Email,
    Phone,
    Login,
};

/// The single table of free-text rules every domain validator uses: surrounding whitespace is
/// trimmed; control characters (newline and tab only in multi-line notes), bidirectional
/// overrides and isolates (U+202A–202E, U+2066–2069), unpaired surrogates and text made only
/// of invisible characters are refused; and each kind has a maximum length in characters.
class TextRules
{
public:
    struct Limit
    {
        int maxLength;  ///< in Unicode characters (code points)
        bool multiLine; ///< newline and tab allowed
    };
    static Limit limit(TextKind kind);

    /// The trimmed text (CRLF → LF in multi-line kinds); throws Error::invalid naming `field`.
    /// Empty text is returned as it is.
    static QString clean(const QString &field, const QString &text, TextKind kind);
    /// As clean(), and refuses empty text with "`field`: … is required".
    static QString required(const QString &field, const QString &text, TextKind kind);
    /// The first problem of `text` for `kind` as a translated sentence naming `field`; empty when
    /// the text is acceptable. Does not trim (callers check what they will store).
    static QString problem(const QString &field, const QString &text, TextKind kind);

    /// Code points in `text` (a surrogate pair counts once).
    static qsizetype characterCount(const QString &text);
};

} // namespace bizdesk::domain
