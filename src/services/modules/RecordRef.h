#pragma once

#include <QString>
#include <QtGlobal>

namespace bizdesk::services {

/// A kind of record a module can open ("customer", "expense"). Its key is the audit entity kind;
/// each module declares its kinds next to its descriptor, so nobody compares loose strings.
class RecordKind
{
public:
    constexpr RecordKind() = default;
    constexpr explicit RecordKind(const char *key) : m_key(key) {}
    QString key() const { return QString::fromLatin1(m_key); }
    friend bool operator==(RecordKind a, RecordKind b) { return qstrcmp(a.m_key, b.m_key) == 0; }

private:
    const char *m_key = "";
};

/// One record: what a task, a link or a search hit opens.
struct RecordRef
{
    RecordKind kind;
    qint64 id = 0;
    friend bool operator==(const RecordRef &a, const RecordRef &b) { return a.kind == b.kind && a.id == b.id; }
};

} // namespace bizdesk::services
