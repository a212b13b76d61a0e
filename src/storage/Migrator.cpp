#include "storage/Migrator.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "storage/customers/CustomerRepository.h"
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
    database.statements().clear(); // whatever the script changed, no plan from before it is kept
}

/// On PostgreSQL, gives the application group role its privileges on every table, those the
/// migration just added included (the function comes from 0006_application_role.postgresql.sql).
void grantApplicationRole(Database &database)
{
    if (database.backend() != Backend::PostgreSql)
        return;
    if (!SqlQuery(database, QStringLiteral("SELECT to_regprocedure('bizdesk_grant_application_role()') IS NOT NULL")).scalar().toBool())
        return;
    if (!SqlQuery(database, QStringLiteral("SELECT bizdesk_grant_application_role()")).scalar().toBool())
        BIZDESK_LOG_WARN("{}: the role bizdesk_app does not exist and {} may not create roles; a database administrator "
                         "creates it (CREATE ROLE bizdesk_app NOLOGIN) and runs \"bizdeskctl migrate\" or "
                         "SELECT bizdesk_grant_application_role() as the owner (docs/architecture.md, PostgreSQL roles)",
                         database.location().displayName().toStdString(), database.location().user().toStdString());
}

/// Data a step's SQL cannot compute, filled right after that step's scripts in the same transaction.
void runCodeStep(Database &database, int number)
{
    if (number == 7)
        CustomerRepository(database).fillNameSortKeys(); // ICU pinyin keys (support/NameCollation)
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
        runCodeStep(database, number);
    }
    if (version > from) {
        database.dialect().writeSchemaVersion(database.connection(), version);
        grantApplicationRole(database);
    }
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
    try {
        migrateTo(database, result.toVersion);
    } catch (const domain::Error &error) {
        // The upgrade rolled back, so the database still holds exactly what the backup holds: an
        // unannounced second copy of all the data would only lie around. Say so when it stays.
        if (result.backupPath.isEmpty() || QFile::remove(result.backupPath))
            throw;
        throw domain::Error(error.kind(),
                            QCoreApplication::translate("Migrator", "%1 The backup made before the upgrade is still at %2; delete it when no longer needed.")
                                .arg(error.message(), result.backupPath),
                            error.field(), error.clause());
    } catch (...) {
        if (!result.backupPath.isEmpty())
            QFile::remove(result.backupPath);
        throw;
    }
    BIZDESK_LOG_INFO("Migrated {} from schema {} to {}", database.location().displayName().toStdString(),
                     result.fromVersion, result.toVersion);
    return result;
}

} // namespace bizdesk::storage
