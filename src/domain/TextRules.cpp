#include "domain/TextRules.h"

#include "domain/Error.h"

#include <QCoreApplication>

namespace bizdesk::domain {
namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isInvisible(char32_t c)
{
    // Zero-width space / joiners, word joiner, BOM: they render as nothing.
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

QString codePointName(char32_t c)
{
    return QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

TextRules::Limit TextRules::limit(TextKind kind)
{
    switch (kind) {
    case TextKind::Name: return {200, false};
    case TextKind::ShortText: return {100, false};
    case TextKind::Label: return {100, false};
    case TextKind::Title: return {200, false};
    case TextKind::Line: return {300, false};
    case TextKind::Notes: return {4000, true};
    case TextKind::Email: return {254, false}; // RFC 5321's limit on a forward path
    case TextKind::Phone: return {40, false};
    case TextKind::Login: return {64, false};
    }
    return {200, false};
}

qsizetype TextRules::characterCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString TextRules::problem(const QString &field, const QString &text, TextKind kind)
{
    const Limit rule = limit(kind);
    bool visible = text.isEmpty();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text.at(i);
        char32_t c = unit.unicode();
        if (unit.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(unit, text.at(i + 1));
            ++i;
        } else if (unit.isSurrogate()) {
            return QCoreApplication::translate("TextRules", "%1: the text is not valid Unicode (a broken character at position %2).")
                .arg(field)
                .arg(i + 1);
        }
        const bool lineBreak = c == U'\n' || c == U'\r' || c == U'\t';
        if (lineBreak && !rule.multiLine)
            return QCoreApplication::translate("TextRules", "%1: line breaks and tabs are not allowed here.").arg(field);
        if (!lineBreak && QChar::category(c) == QChar::Other_Control)
            return QCoreApplication::translate("TextRules", "%1: the control character %2 is not allowed.").arg(field, codePointName(c));
        if (isBidiControl(c))
            return QCoreApplication::translate("TextRules", "%1: the text-direction control %2 is not allowed (it can make text read differently from what is stored).")
                .arg(field, codePointName(c));
        if (!visible && !isInvisible(c) && !QChar::isSpace(c))
            visible = true;
    }
    if (!visible)
        return QCoreApplication::translate("TextRules", "%1: the text consists only of invisible characters.").arg(field);
    const qsizetype length = characterCount(text);
    if (length > rule.maxLength)
        return QCoreApplication::translate("TextRules", "%1: at most %2 characters (this has %3).").arg(field).arg(rule.maxLength).arg(length);
    return {};
}

QString TextRules::clean(const QString &field, const QString &text, TextKind kind)
{
    QString cleaned = text.trimmed();
    if (limit(kind).multiLine) {
        cleaned.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        cleaned.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    }
    const QString message = problem(field, cleaned, kind);
    if (!message.isEmpty())
        throw Error::invalid(field, message);
    return cleaned;
}

QString TextRules::required(const QString &field, const QString &text, TextKind kind)
{
    const QString cleaned = clean(field, text, kind);
    if (cleaned.isEmpty())
        throw Error::invalid(field, QCoreApplication::translate("TextRules", "%1: a value is required.").arg(field));
    return cleaned;
}

} // namespace bizdesk::domain
