#include "storage/OpenDatabaseFiles.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QStringList>

#include <filesystem>

namespace bizdesk::storage {
namespace {

QMutex &guard()
{
    static QMutex mutex;
    return mutex;
}

/// One entry per open connection (a file can have several).
QStringList &openPaths()
{
    static QStringList paths;
    return paths;
}

/// Same file by device and inode (stat only: nothing is opened).
bool sameFile(const QString &a, const QString &b)
{
    std::error_code error;
    return std::filesystem::equivalent(QFile::encodeName(a).toStdString(), QFile::encodeName(b).toStdString(), error);
}

} // namespace

void OpenDatabaseFiles::add(const QString &databasePath)
{
    const QMutexLocker lock(&guard());
    openPaths().append(databasePath);
}

void OpenDatabaseFiles::remove(const QString &databasePath)
{
    const QMutexLocker lock(&guard());
    openPaths().removeOne(databasePath);
}

bool OpenDatabaseFiles::contains(const QString &path)
{
    const QMutexLocker lock(&guard());
    for (const QString &database : openPaths()) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            if (sameFile(path, database + QLatin1String(suffix)))
                return true;
        }
    }
    return false;
}

void OpenDatabaseFiles::refuse(const QString &path, const QString &field)
{
    if (contains(path))
        throw domain::Error::invalid(field, QCoreApplication::translate("OpenDatabaseFiles", "%1: %2 is a BizDesk database in use (or one of its "
                                                                                             "journal files); choose another file.")
                                                .arg(field, path));
}

} // namespace bizdesk::storage
