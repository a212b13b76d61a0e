#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bizdesk::bench {

/// The business "now" of the customer scenarios (tasks_for, cold_start_*, pool_sweep).
QDateTime benchCustomersNow();

/// A migrated SQLite file with the test organisation (sales1, director, …); returns the path.
QString organisationDatabase(const QString &path);

qint64 userId(const QString &path, const QString &login);

/// Raw sqlite3 inserts of `count` customers in one transaction: every fifth owned by `owner`,
/// the others spread over `others`; classes as in a real company; owned and created 500 days
/// before benchCustomersNow(). `lastContactDaysAgo(i)` gives customer i's last contact in days
/// before now, nullopt for none.
void insertCustomers(const QString &path, int count, qint64 owner, const QList<qint64> &others,
                     const std::function<std::optional<int>(int)> &lastContactDaysAgo);

} // namespace bizdesk::bench
