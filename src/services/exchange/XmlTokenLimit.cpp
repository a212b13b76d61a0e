#include "services/exchange/XmlTokenLimit.h"

namespace bizdesk::services {

XmlTokenLimit::XmlTokenLimit(QIODevice &source, qint64 maxTokenBytes)
    : m_source(source)
    , m_maxTokenBytes(maxTokenBytes)
{
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool XmlTokenLimit::step(char c)
{
    const auto endsWith = [this, c](char first, char second) { return m_previous[0] == first && m_previous[1] == second && c == '>'; };
    switch (m_state) {
    case State::Text:
        if (c == '<') {
            m_state = State::AfterLessThan;
            m_run = 0;
        }
        break;
    case State::AfterLessThan:
        m_state = c == '!' ? State::AfterBang : c == '?' ? State::Instruction : State::Tag;
        if (c == '>')
            m_state = State::Text;
        break;
    case State::AfterBang:
        if (c == '-') {
            m_state = State::AfterBangDash;
        } else if (c == '[') {
            m_state = State::CData;
        } else {
            m_declaration = true; // <!DOCTYPE, <!ENTITY …
            return false;
        }
        break;
    case State::AfterBangDash:
        m_state = State::Comment;
        break;
    case State::Tag:
        if (m_quote != 0) {
            if (c == m_quote)
                m_quote = 0;
        } else if (c == '"' || c == '\'') {
            m_quote = c;
        } else if (c == '>') {
            m_state = State::Text;
            m_run = 0;
        }
        break;
    case State::Comment:
        if (endsWith('-', '-')) {
            m_state = State::Text;
            m_run = 0;
        }
        break;
    case State::CData:
        if (endsWith(']', ']')) {
            m_state = State::Text;
            m_run = 0;
        }
        break;
    case State::Instruction:
        if (m_previous[1] == '?' && c == '>') {
            m_state = State::Text;
            m_run = 0;
        }
        break;
    }
    m_previous[0] = m_previous[1];
    m_previous[1] = c;
    if (++m_run > m_maxTokenBytes) {
        m_tokenTooLong = true;
        return false;
    }
    return true;
}

qint64 XmlTokenLimit::readData(char *data, qint64 maxSize)
{
    if (m_tokenTooLong || m_declaration)
        return -1;
    const qint64 read = m_source.read(data, maxSize);
    if (read <= 0)
        return read;
    for (qint64 i = 0; i < read; ++i) {
        if (!step(data[i]))
            return i > 0 ? i : -1; // what came before the cut still parses
    }
    return read;
}

} // namespace bizdesk::services
