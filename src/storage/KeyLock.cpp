#include "storage/KeyLock.h"

#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <vector>

namespace bizdesk::storage {
namespace {

qint64 digestPrefix(const QByteArray &bytes)
{
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

void take(Database &database, LockMode mode, qint64 id)
{
    const QString statement = database.dialect().transactionLockStatement(mode);
    if (statement.isEmpty())
        return;
    if (!database.inTransaction())
        // Outside a transaction the lock would end with the statement and guard nothing.
        throw domain::Error::internal(QStringLiteral("KeyLock used outside a transaction"));
    SqlQuery(database, statement).bind(":key", id).exec();
}

} // namespace

qint64 KeyLock::lockId(const QString &space, const QString &key)
{
    return digestPrefix(space.toUtf8() + '\0' + key.toUtf8());
}

qint64 KeyLock::spaceId(const QString &space)
{
    return digestPrefix(space.toUtf8());
}

void KeyLock::lockKeys(Database &database, const QString &space, const QStringList &keys)
{
    if (database.dialect().transactionLockStatement(LockMode::Exclusive).isEmpty())
        return;
    std::vector<qint64> ids;
    for (const QString &key : keys) {
        if (!key.isEmpty())
            ids.push_back(lockId(space, key));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    take(database, LockMode::Shared, spaceId(space));
    for (qint64 id : ids)
        take(database, LockMode::Exclusive, id);
}

void KeyLock::lockSpace(Database &database, const QString &space)
{
    take(database, LockMode::Exclusive, spaceId(space));
}

} // namespace bizdesk::storage
