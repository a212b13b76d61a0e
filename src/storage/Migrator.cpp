#include "storage/Migrator.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/Transaction.h"
#include "support/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <map>

namespace bizdesk::storage {
namespace {

struct MigrationStep
{
    QString portableFile;
    std::map<QString, QString> dialectFiles; // suffix → file
};

std::map<int, MigrationStep> migrationSteps()
{
    static const QRegularExpression namePattern(
        QStringLiteral("^(\\d{4})_[a-z0-9_]+(?:\\.(sqlite|postgresql))?\\.sql$"));
    std::map<int, MigrationStep> steps;
    const QDir folder(QStringLiteral(":/sql"));
    for (const QString &name : folder.entryList(QDir::Files, QDir::Name)) {
        const auto match = namePattern.match(name);
        if (!match.hasMatch())
            continue;
        MigrationStep &step = steps[match.captured(1).toInt()];
        if (match.captured(2).isEmpty())
            step.portableFile = folder.filePath(name);
        else
            step.dialectFiles[match.captured(2)] = folder.filePath(name);
    }
    return steps;
}

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw domain::Error::internal(QStringLiteral("Migration %1 is missing from the program.").arg(path));
    return QString::fromUtf8(file.readAll());
}

void applyScript(Database &database, const QString &script)
{
    for (const QString &statement : Migrator::splitStatements(database.dialect().expandMigration(script)))
        database.execute(statement);
}

} // namespace

int Migrator::latestVersion()
{
    const auto steps = migrationSteps();
    return steps.empty() ? 0 : steps.rbegin()->first;
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inSingleQuote = false;
    bool inDollarQuote = false;
    bool inTrigger = false;
    bool inTriggerBody = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString trimmed = rawLine.trimmed();
        if (!inSingleQuote && !inDollarQuote && trimmed.startsWith(QLatin1String("--")))
            continue;
        current += rawLine + QLatin1Char('\n');
        for (int i = 0; i < rawLine.size(); ++i) {
            const QChar c = rawLine.at(i);
            if (!inDollarQuote && c == QLatin1Char('\''))
                inSingleQuote = !inSingleQuote;
            else if (!inSingleQuote && c == QLatin1Char('$') && i + 1 < rawLine.size() && rawLine.at(i + 1) == QLatin1Char('$')) {
                inDollarQuote = !inDollarQuote;
                ++i;
            }
        }
        if (inSingleQuote || inDollarQuote)
            continue;
        // SQLite trigger bodies (BEGIN ... END;) contain semicolons that do not end the statement.
        const QString upper = trimmed.toUpper();
        if (upper.startsWith(QLatin1String("CREATE TRIGGER")) || upper.startsWith(QLatin1String("CREATE TEMP TRIGGER")))
            inTrigger = true;
        if (inTrigger && (upper == QLatin1String("BEGIN") || upper.endsWith(QLatin1String(" BEGIN"))))
            inTriggerBody = true;
        if (inTriggerBody) {
            if (upper != QLatin1String("END;"))
                continue;
            inTriggerBody = false;
        }
        if (trimmed.endsWith(QLatin1Char(';')))
            inTrigger = false;
        if (trimmed.endsWith(QLatin1Char(';'))) {
            const QString statement = current.trimmed();
            if (statement != QLatin1String(";"))
                statements << statement;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

void Migrator::migrateTo(Database &database, int version)
{
    const auto steps = migrationSteps();
    Transaction transaction(database, Transaction::Mode::Write);
    const int from = database.schemaVersion();
    for (const auto &[number, step] : steps) {
        if (number <= from || number > version)
            continue;
        if (!step.portableFile.isEmpty())
            applyScript(database, readResource(step.portableFile));
        const auto dialectFile = step.dialectFiles.find(database.dialect().migrationSuffix());
        if (dialectFile != step.dialectFiles.end())
            applyScript(database, readResource(dialectFile->second));
    }
    if (version > from)
        database.dialect().writeSchemaVersion(database.connection(), version);
    transaction.commit();
}

MigrationResult Migrator::migrate(Database &database)
{
    MigrationResult result;
    result.fromVersion = database.schemaVersion();
    result.toVersion = latestVersion();
    if (result.fromVersion >= result.toVersion) {
        result.toVersion = result.fromVersion;
        return result;
    }
    if (result.fromVersion > 0 && database.backend() == Backend::Sqlite) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        result.backupPath = QStringLiteral("%1.v%2-%3.bak").arg(database.location().filePath()).arg(result.fromVersion).arg(stamp);
        DatabaseBackup::backup(database, result.backupPath);
    }
    migrateTo(database, result.toVersion);
    BIZDESK_LOG_INFO("Migrated {} from schema {} to {}", database.location().displayName().toStdString(),
                     result.fromVersion, result.toVersion);
    return result;
}

} // namespace bizdesk::storage
