#pragma once

#include <QString>

#include <exception>

namespace bizdesk::domain {

/// What went wrong, in the categories the CLI maps to exit codes and the GUI to message styles.
enum class ErrorKind {
    Internal, ///< unexpected failure; logged
    Invalid,  ///< bad argument or failed validation
    Denied,   ///< not logged in, locked out, role may not, own request
    Conflict, ///< wrong state, stale version, already exists, database newer than the program
    NotFound, ///< no such id or login
    DiskFull, ///< the disk holding the database is full; nothing was written
};

/// Lower-case name used in JSON error objects ("invalid", "denied", ...).
QString errorKindName(ErrorKind kind);

/// A refused use case. Thrown by domain and services; nothing has been written when it escapes
/// a service call, because the surrounding Transaction rolls back.
class Error : public std::exception
{
public:
    Error(ErrorKind kind, QString message, QString field = {}, QString clause = {});

    static Error invalid(const QString &field, const QString &message, const QString &clause = {});
    static Error denied(const QString &message, const QString &clause = {});
    static Error conflict(const QString &message, const QString &clause = {});
    static Error notFound(const QString &message);
    static Error internal(const QString &message);
    static Error diskFull(const QString &message);

    ErrorKind kind() const { return m_kind; }
    /// Translated, complete sentence for the user; names the field and, for policy rules, the clause.
    const QString &message() const { return m_message; }
    /// The input field the error is about (CLI option name / form field key), empty if none.
    const QString &field() const { return m_field; }
    /// Regulation clause id such as "6.3.3" when a policy rule refused the action.
    const QString &clause() const { return m_clause; }

    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    ErrorKind m_kind;
    QString m_message;
    QString m_field;
    QString m_clause;
    QByteArray m_utf8;
};

} // namespace bizdesk::domain
