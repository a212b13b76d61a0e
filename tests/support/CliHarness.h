#pragma once

#include "domain/Clock.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace bizdesk::services {
class AuditHeadStore;
}

namespace bizdesk::testing {

/// What one in-process `bizdeskctl` run printed and returned.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
    /// stdout parsed as one JSON object (for --json runs).
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    /// stderr parsed as the {"error":{...}} object of --json runs.
    QJsonObject error() const { return QJsonDocument::fromJson(err.toUtf8()).object().value(QStringLiteral("error")).toObject(); }
};

/// Runs `bizdeskctl` in-process through cli::CommandLine on the harness's own clock, capturing
/// stdout and stderr.
class CliHarness
{
public:
    /// `location` is passed as --db; `login`, when set, as --as with the test password.
    explicit CliHarness(QString location) : m_location(std::move(location)) {}

    CliResult run(const QStringList &arguments) const;
    /// As bizdeskctl's main() passes argv: raw bytes, decoded (strictly) by the command line.
    CliResult runRaw(const QList<QByteArray> &arguments) const;
    CliResult runAs(const QString &login, const QStringList &arguments) const;
    /// init with login "boss" (director+admin) and the test password.
    CliResult init() const;

    /// Commands run at this instant (a FixedClock the harness owns): 2026-11-02T09:00Z, like
    /// TestOrganisation, until a test moves it.
    void setNow(const QDateTime &now) { m_clock.set(now); }
    /// Runs keep and check audit heads in `store` as bizdeskctl does in the user's settings
    /// (none by default, so tests do not share heads through the settings file).
    void setAuditHeadStore(services::AuditHeadStore *store) { m_auditHeads = store; }
    QDateTime now() const { return m_clock.nowUtc(); }

    static inline const QString password = QStringLiteral("correct-horse");

private:
    QString m_location;
    services::AuditHeadStore *m_auditHeads = nullptr;
    domain::FixedClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc())};
};

} // namespace bizdesk::testing
