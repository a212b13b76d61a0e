#pragma once

#include <QString>
#include <QStringList>

namespace bizdesk::storage {

class Database;

/// Transaction-scoped locks on application values, for check-then-write rules that no unique
/// index can hold (a duplicate the user may still choose to add). A writer locks the values it
/// is about to check; a second writer checking the same value waits until the first commits or
/// rolls back, and then sees its row. On SQLite the writer lock already serialises writers, so
/// nothing is taken there (see SqlDialect::transactionLockStatement).
class KeyLock
{
public:
    /// Locks each non-empty value of `keys` in `space` until the open transaction ends. Values are
    /// locked in one fixed order, so two writers locking overlapping sets never deadlock; the
    /// space itself is held shared, so a lockSpace() holder excludes them.
    static void lockKeys(Database &database, const QString &space, const QStringList &keys);
    /// Locks every value of `space` at once (bulk imports: one lock instead of one per row).
    static void lockSpace(Database &database, const QString &space);

    /// The 64-bit lock id of a value (a prefix of its SHA-256, the same in every process).
    static qint64 lockId(const QString &space, const QString &key);
    /// The lock id of the whole space.
    static qint64 spaceId(const QString &space);
};

} // namespace bizdesk::storage
