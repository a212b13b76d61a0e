#include "domain/Error.h"

namespace bizdesk::domain {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Internal: return QStringLiteral("internal");
    case ErrorKind::Invalid: return QStringLiteral("invalid");
    case ErrorKind::Denied: return QStringLiteral("denied");
    case ErrorKind::Conflict: return QStringLiteral("conflict");
    case ErrorKind::NotFound: return QStringLiteral("not_found");
    case ErrorKind::DiskFull: return QStringLiteral("disk_full");
    }
    return QStringLiteral("internal");
}

Error::Error(ErrorKind kind, QString message, QString field, QString clause)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_field(std::move(field))
    , m_clause(std::move(clause))
    , m_utf8(m_message.toUtf8())
{
}

Error Error::invalid(const QString &field, const QString &message, const QString &clause)
{
    return Error(ErrorKind::Invalid, message, field, clause);
}

Error Error::denied(const QString &message, const QString &clause)
{
    return Error(ErrorKind::Denied, message, {}, clause);
}

Error Error::conflict(const QString &message, const QString &clause)
{
    return Error(ErrorKind::Conflict, message, {}, clause);
}

Error Error::notFound(const QString &message)
{
    return Error(ErrorKind::NotFound, message);
}

Error Error::internal(const QString &message)
{
    return Error(ErrorKind::Internal, message);
}

Error Error::diskFull(const QString &message)
{
    return Error(ErrorKind::DiskFull, message);
}

} // namespace bizdesk::domain
