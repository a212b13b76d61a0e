#pragma once

#include "cli/CommandSpec.h"
#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/audit/AuditHead.h"
#include "services/Session.h"
#include "storage/Database.h"

#include <QDate>
#include <QDateTime>
#include <QMap>

#include <functional>
#include <memory>
#include <optional>

namespace bizdesk::services {
class AuditHeadStore;
}

namespace bizdesk::cli {

struct GlobalOptions
{
    QString location; ///< --db, else $BIZDESK_DB, else the default file
    QString login;    ///< --as
    bool json = false;
};

/// What a running command sees: its parsed arguments, the database and the acting user.
/// Argument accessors throw Error::invalid naming the option, so commands stay short.
class CommandContext
{
public:
    CommandContext(const CommandSpec &spec, GlobalOptions globals, QStringList positionals,
                   QMap<QString, QString> options, const domain::Clock &clock);

    const GlobalOptions &globals() const { return m_globals; }
    /// "Now" for every session this command opens (the system clock outside tests).
    const domain::Clock &clock() const { return m_clock; }

    QString positional(int index) const;
    int positionalCount() const { return static_cast<int>(m_positionals.size()); }
    qint64 positionalId(int index) const;
    bool has(const QString &option) const { return m_options.contains(option); }
    QString option(const QString &option) const { return m_options.value(option); }
    QString optionOr(const QString &option, const QString &fallback) const;
    int intOption(const QString &option, int fallback, int minimum, int maximum) const;
    std::optional<domain::Money> moneyOption(const QString &option) const;
    std::optional<QDate> dateOption(const QString &option) const;
    /// --version N: the version of the record the caller saw (optimistic locking), if given.
    std::optional<int> seenVersion() const;
    /// ISO 8601 date-time ("2026-12-01T18:30") → UTC. Without an offset it is the company's
    /// local time (the business calendar of the --as session), not the machine's.
    std::optional<QDateTime> dateTimeOption(const QString &option);

    /// The database named by --db (opened on first use).
    storage::Database &database();
    /// A session for the --as user, logged in with $BIZDESK_PASSWORD or a password read from stdin.
    services::Session &session();
    /// $BIZDESK_NEW_PASSWORD or the next stdin line (for init and user add).
    static QString readNewPassword();

    /// Checks the database, when it is opened, against the audit head this installation saw
    /// last (one entry looked up) and passes a rolled-back chain's warning to `warn`.
    void watchAuditHeads(services::AuditHeadStore *store, std::function<void(const QString &)> warn);
    services::AuditHeadStore *auditHeads() const { return m_auditHeads; }
    /// After the command: keeps the opened database's head as the last one seen, unless its
    /// chain was rolled back (the warning stays until `audit accept-head`). Never throws.
    void rememberAuditHead();
    /// init, demo, restore made `location`'s chain here: its head is kept as it is now.
    void rememberNewChain(const QString &location, const domain::AuditHead &head);
    void rememberNewChain(storage::Database &database);

private:
    const CommandSpec &m_spec;
    GlobalOptions m_globals;
    QStringList m_positionals;
    QMap<QString, QString> m_options;
    const domain::Clock &m_clock;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<services::Session> m_session;
    services::AuditHeadStore *m_auditHeads = nullptr;
    std::function<void(const QString &)> m_warn;
    bool m_chainRolledBack = false;
};

} // namespace bizdesk::cli
