#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace bizdesk::testing {

/// Runs `bizdeskctl` in-process through cli::CommandLine, capturing stdout and stderr.
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

    static inline const QString password = QStringLiteral("correct-horse");

private:
    QString m_location;
};

} // namespace bizdesk::testing
