#pragma once

#include <QIODevice>
#include <QString>

namespace bizdesk::services {

/// Passes an XML stream through to QXmlStreamReader and cuts it off where one token — a text
/// run, tag, comment, CDATA section or processing instruction — grows past `maxTokenBytes`.
/// QXmlStreamReader buffers a token whole before it reports it, so without this a sheet holding
/// one 2 GB text would cost gigabytes before any per-cell limit could look at it. A markup
/// declaration (<!DOCTYPE, <!ENTITY) is cut off at once: spreadsheets never hold one.
class XmlTokenLimit : public QIODevice
{
public:
    /// Far above the longest legal token: a 32,767-character cell written as character
    /// references (&#x10FFFF; is 10 bytes a character) is 320 KiB.
    static constexpr qint64 defaultMaxTokenBytes = 1024 * 1024;

    explicit XmlTokenLimit(QIODevice &source, qint64 maxTokenBytes = defaultMaxTokenBytes);

    bool isSequential() const override { return true; }
    bool tokenTooLong() const { return m_tokenTooLong; }
    bool declarationFound() const { return m_declaration; }
    qint64 maxTokenBytes() const { return m_maxTokenBytes; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    enum class State { Text, AfterLessThan, AfterBang, AfterBangDash, Tag, Comment, CData, Instruction };
    /// Advances over one byte; false where the stream must be cut.
    bool step(char c);

    QIODevice &m_source;
    qint64 m_maxTokenBytes;
    State m_state = State::Text;
    char m_quote = 0;       ///< the quote an attribute value in a tag opened with
    char m_previous[2] = {}; ///< the two bytes before, for --> ]]> ?>
    qint64 m_run = 0;       ///< bytes of the current token so far
    bool m_tokenTooLong = false;
    bool m_declaration = false;
};

} // namespace bizdesk::services
