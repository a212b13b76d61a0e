#include "cli/CommandContext.h"

#include "cli/PasswordInput.h"
#include "domain/Error.h"
#include "services/audit/AuditHeadGuard.h"
#include "services/audit/AuditHeadStore.h"
#include "services/identity/IdentityService.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <limits>

namespace bizdesk::cli {
namespace {

using domain::Error;

} // namespace

CommandContext::CommandContext(const CommandSpec &spec, GlobalOptions globals, QStringList positionals,
                               QMap<QString, QString> options, const domain::Clock &clock)
    : m_spec(spec)
    , m_globals(std::move(globals))
    , m_positionals(std::move(positionals))
    , m_options(std::move(options))
    , m_clock(clock)
{
}

QString CommandContext::positional(int index) const
{
    return m_positionals.value(index);
}

qint64 CommandContext::positionalId(int index) const
{
    bool ok = false;
    const qint64 id = positional(index).toLongLong(&ok);
    const QString name = m_spec.positionals.value(index);
    if (!ok || id <= 0)
        throw Error::invalid(name, QCoreApplication::translate("CommandContext", "%1: \"%2\" is not a valid id.").arg(name, positional(index)));
    return id;
}

QString CommandContext::optionOr(const QString &option, const QString &fallback) const
{
    return m_options.contains(option) ? m_options.value(option) : fallback;
}

int CommandContext::intOption(const QString &option, int fallback, int minimum, int maximum) const
{
    if (!has(option))
        return fallback;
    bool ok = false;
    const int value = m_options.value(option).toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        throw Error::invalid(QStringLiteral("--") + option,
                             QCoreApplication::translate("CommandContext", "--%1: \"%2\" must be a whole number from %3 to %4.")
                                 .arg(option, m_options.value(option))
                                 .arg(minimum)
                                 .arg(maximum));
    return value;
}

std::optional<domain::Money> CommandContext::moneyOption(const QString &option) const
{
    if (!has(option))
        return std::nullopt;
    return domain::Money::parsePositive(QStringLiteral("--") + option, m_options.value(option));
}

std::optional<QDate> CommandContext::dateOption(const QString &option) const
{
    if (!has(option))
        return std::nullopt;
    const QDate date = QDate::fromString(m_options.value(option), Qt::ISODate);
    if (!date.isValid())
        throw Error::invalid(QStringLiteral("--") + option,
                             QCoreApplication::translate("CommandContext", "--%1: \"%2\" is not a date; write yyyy-MM-dd, e.g. 2026-12-01.")
                                 .arg(option, m_options.value(option)));
    return date;
}

std::optional<QDateTime> CommandContext::dateTimeOption(const QString &option)
{
    if (!has(option))
        return std::nullopt;
    QDateTime dateTime = QDateTime::fromString(m_options.value(option), Qt::ISODate);
    if (!dateTime.isValid())
        throw Error::invalid(QStringLiteral("--") + option,
                             QCoreApplication::translate("CommandContext", "--%1: \"%2\" is not a date and time; write e.g. 2026-12-01T18:30.")
                                 .arg(option, m_options.value(option)));
    if (dateTime.timeSpec() == Qt::LocalTime)
        dateTime = session().calendar().instantAt(dateTime.date(), dateTime.time());
    return dateTime.toUTC();
}

storage::Database &CommandContext::database()
{
    if (!m_database) {
        m_database = storage::Database::open(m_globals.location, storage::Database::CreateMode::MustExist);
        if (m_auditHeads && m_database->schemaVersion() > 0) {
            const services::AuditHeadCheck check = services::AuditHeadGuard(*m_database, *m_auditHeads).check();
            m_chainRolledBack = check.rolledBack;
            if (check.rolledBack && m_warn)
                m_warn(check.warning(m_database->location().displayName()));
        }
    }
    return *m_database;
}

void CommandContext::watchAuditHeads(services::AuditHeadStore *store, std::function<void(const QString &)> warn)
{
    m_auditHeads = store;
    m_warn = std::move(warn);
}

void CommandContext::rememberAuditHead()
{
    if (!m_auditHeads || !m_database || m_chainRolledBack)
        return;
    try {
        if (m_database->schemaVersion() > 0)
            services::AuditHeadGuard(*m_database, *m_auditHeads).rememberIfIntact();
    } catch (const Error &) {
        // Remembering is a courtesy for the next run; the command itself has succeeded.
    }
}

void CommandContext::rememberNewChain(const QString &location, const domain::AuditHead &head)
{
    if (m_auditHeads)
        m_auditHeads->remember(location, head);
}

void CommandContext::rememberNewChain(storage::Database &database)
{
    if (m_auditHeads)
        services::AuditHeadGuard(database, *m_auditHeads).rememberCurrent();
}

services::Session &CommandContext::session()
{
    if (m_session)
        return *m_session;
    if (m_globals.login.isEmpty())
        throw Error::denied(QCoreApplication::translate("CommandContext", "This command needs a user: add --as LOGIN (password from $BIZDESK_PASSWORD or stdin)."));
    database().requireInitialised();
    m_session = std::make_unique<services::Session>(database(), m_clock);
    QString password = qEnvironmentVariable("BIZDESK_PASSWORD");
    if (password.isEmpty() && !qEnvironmentVariableIsSet("BIZDESK_PASSWORD"))
        password = PasswordInput::read(QCoreApplication::translate("CommandContext", "Password for %1: ").arg(m_globals.login));
    services::IdentityService(*m_session)
        .logIn(m_globals.login, password, m_spec.readOnly ? services::LoginMode::ReadOnly : services::LoginMode::Recorded);
    if (m_spec.readOnly)
        database().refuseWrites();
    return *m_session;
}

QString CommandContext::readNewPassword()
{
    if (qEnvironmentVariableIsSet("BIZDESK_NEW_PASSWORD"))
        return qEnvironmentVariable("BIZDESK_NEW_PASSWORD");
    return PasswordInput::read(QCoreApplication::translate("CommandContext", "New password: "));
}

std::optional<int> CommandContext::seenVersion() const
{
    if (!has(QStringLiteral("version")))
        return std::nullopt;
    return intOption(QStringLiteral("version"), 0, 1, std::numeric_limits<int>::max());
}

} // namespace bizdesk::cli
