#include "storage/DatabaseBackup.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "storage/audit/AuditRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>

namespace bizdesk::storage {
namespace {

using domain::Error;

void refuseExistingFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0)
        throw Error::conflict(QCoreApplication::translate("DatabaseBackup", "%1 already exists; choose a new file name (nothing was overwritten).").arg(path));
    OpenDatabaseFiles::refuse(path, QStringLiteral("OUT")); // e.g. the empty -wal of an open database
    if (!QFileInfo(info.absolutePath()).isWritable())
        throw Error::invalid(QStringLiteral("OUT"), QCoreApplication::translate("DatabaseBackup", "Cannot write to the folder %1.").arg(info.absolutePath()));
}

QStringList columnsOf(Database &database, const QString &table)
{
    QStringList columns;
    const QSqlRecord record = database.connection().record(table);
    for (int i = 0; i < record.count(); ++i)
        columns << record.fieldName(i);
    return columns;
}

} // namespace

qint64 DatabaseBackup::copyRows(Database &from, Database &to)
{
    qint64 copied = 0;
    const QStringList targetTables = to.dialect().dataTables(to.connection());
    for (const QString &table : from.dialect().dataTables(from.connection())) {
        if (!targetTables.contains(table))
            continue;
        const QStringList columns = columnsOf(from, table);
        QStringList placeholders;
        for (int i = 0; i < columns.size(); ++i)
            placeholders << QStringLiteral(":c%1").arg(i);
        SqlQuery insert(to, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                .arg(table, columns.join(QLatin1Char(',')), placeholders.join(QLatin1Char(','))));
        const QStringList selfReferences = to.dialect().selfReferencingColumns(to.connection(), table);
        QList<std::pair<QVariant, QList<QVariant>>> laterLinks; // id → self-referencing values
        SqlQuery select(from, QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1Char(',')), table));
        select.exec();
        while (select.next()) {
            QList<QVariant> links;
            for (int i = 0; i < columns.size(); ++i) {
                const bool selfReference = selfReferences.contains(columns.at(i));
                insert.bind(placeholders.at(i), selfReference ? QVariant(select.value(i).metaType()) : select.value(i));
                if (selfReference)
                    links << select.value(i);
            }
            insert.exec();
            if (!selfReferences.isEmpty())
                laterLinks.append({select.value(static_cast<int>(columns.indexOf(QStringLiteral("id")))), links});
            ++copied;
        }
        // Second pass: a row may refer to a row of the same table inserted after it.
        for (int c = 0; c < selfReferences.size(); ++c) {
            SqlQuery link(to, QStringLiteral("UPDATE %1 SET %2 = :value WHERE id = :id").arg(table, selfReferences.at(c)));
            for (const auto &[id, values] : laterLinks) {
                if (!values.at(c).isNull())
                    link.bind(":value", values.at(c)).bind(":id", id).exec();
            }
        }
        to.dialect().resetIdentity(to.connection(), table);
    }
    return copied;
}

DatabaseBackup::Summary DatabaseBackup::backup(Database &source, const QString &outPath)
{
    source.requireSchema();
    refuseExistingFile(outPath);
    Summary summary;
    summary.schemaVersion = source.schemaVersion();
    if (source.backend() == Backend::Sqlite) {
        // The copy holds all the data: it is private from its first byte (VACUUM INTO accepts an
        // empty file and keeps its mode; the file it would create itself follows the umask).
        QFile placeholder(outPath);
        if (!placeholder.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            QFile::setPermissions(outPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        placeholder.close();
        QString quoted = QFileInfo(outPath).absoluteFilePath();
        quoted.replace(QLatin1Char('\''), QLatin1String("''"));
        try {
            source.execute(QStringLiteral("VACUUM INTO '%1'").arg(quoted));
        } catch (...) {
            QFile::remove(outPath);
            throw;
        }
        QFile::setPermissions(outPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // Read from the copy, not the source: a writer may have appended since VACUUM INTO.
        summary.auditHead = auditHeadOf(outPath);
        return summary;
    }
    auto target = Database::open(outPath, Database::CreateMode::CreateIfMissing);
    try {
        Transaction read(source, Transaction::Mode::Read);
        Transaction write(*target, Transaction::Mode::Write);
        Migrator::migrateTo(*target, summary.schemaVersion);
        summary.rows = copyRows(source, *target);
        write.commit();
        read.commit();
        // One self-contained file, like VACUUM INTO writes: no -wal beside it to lose or to
        // leave behind when the backup is later read read-only.
        target->execute(QStringLiteral("PRAGMA journal_mode = DELETE"));
        target.reset();
        summary.auditHead = auditHeadOf(outPath);
    } catch (...) {
        target.reset();
        QFile::remove(outPath);
        throw;
    }
    return summary;
}

domain::AuditHead DatabaseBackup::auditHeadOf(const QString &backupPath)
{
    auto backup = Database::open(backupPath, Database::CreateMode::ReadOnly);
    backup->requireSchema();
    return AuditRepository(*backup).head();
}

DatabaseBackup::Summary DatabaseBackup::restore(const QString &backupPath, const DatabaseLocation &target,
                                                const std::function<void(Database &)> &beforeCommit)
{
    if (!QFileInfo::exists(backupPath))
        throw Error::notFound(QCoreApplication::translate("DatabaseBackup", "The backup file %1 does not exist.").arg(backupPath));
    auto source = Database::open(backupPath, Database::CreateMode::MustExist);
    source->requireSchema();
    {
        QSqlQuery check(source->connection());
        if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next()
            || check.value(0).toString() != QLatin1String("ok"))
            throw Error::invalid(QStringLiteral("IN"), QCoreApplication::translate("DatabaseBackup", "The backup %1 is damaged; nothing was restored.").arg(backupPath));
    }
    if (target.backend() == Backend::Sqlite)
        refuseExistingFile(target.filePath());
    auto destination = Database::open(target, Database::CreateMode::CreateIfMissing);
    if (destination->schemaVersion() != 0)
        throw Error::conflict(QCoreApplication::translate("DatabaseBackup", "%1 is not empty; restore only into a new file or an empty database.")
                                  .arg(target.displayName()));
    Summary summary;
    summary.schemaVersion = source->schemaVersion();
    try {
        Transaction read(*source, Transaction::Mode::Read);
        Transaction write(*destination, Transaction::Mode::Write);
        Migrator::migrateTo(*destination, summary.schemaVersion);
        summary.rows = copyRows(*source, *destination);
        summary.auditHead = AuditRepository(*destination).head();
        if (beforeCommit)
            beforeCommit(*destination);
        write.commit();
        read.commit();
    } catch (...) {
        if (target.backend() == Backend::Sqlite) {
            destination.reset();
            QFile::remove(target.filePath());
        }
        throw;
    }
    return summary;
}

} // namespace bizdesk::storage
