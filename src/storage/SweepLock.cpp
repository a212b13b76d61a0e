#include "storage/SweepLock.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "storage/Database.h"
#include "storage/KeyLock.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "support/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>

#include <utility>

namespace bizdesk::storage {
namespace {

QString leaseEnd(int seconds)
{
    return domain::toStorageTimestamp(QDateTime::currentDateTimeUtc().addSecs(seconds));
}

QString wallClockNow()
{
    return domain::toStorageTimestamp(QDateTime::currentDateTimeUtc());
}

} // namespace

std::optional<SweepLock> SweepLock::tryTake(Database &database, const QString &name)
{
    const QString sessionLock = database.dialect().trySessionLockStatement();
    if (!sessionLock.isEmpty()) {
        if (!SqlQuery(database, sessionLock).bind(":key", KeyLock::spaceId(name)).scalar().toBool())
            return std::nullopt;
        return SweepLock(database, name, {});
    }
    const QString holder = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Transaction transaction(database, Transaction::Mode::Write);
    SqlQuery(database, QStringLiteral("DELETE FROM sweep_locks WHERE name = :name AND expires_at < :now"))
        .bind(":name", name)
        .bind(":now", wallClockNow())
        .exec();
    SqlQuery insert(database, QStringLiteral("INSERT INTO sweep_locks (name, holder, expires_at) VALUES (:name, :holder, :expires) "
                                             "ON CONFLICT (name) DO NOTHING"));
    insert.bind(":name", name).bind(":holder", holder).bind(":expires", leaseEnd(leaseSeconds)).exec();
    const bool taken = insert.rowsAffected() == 1;
    transaction.commit();
    if (!taken)
        return std::nullopt;
    return SweepLock(database, name, holder);
}

SweepLock::SweepLock(Database &database, QString name, QString holder)
    : m_database(&database)
    , m_name(std::move(name))
    , m_holder(std::move(holder))
{
}

SweepLock::SweepLock(SweepLock &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_name(std::move(other.m_name))
    , m_holder(std::move(other.m_holder))
{
}

SweepLock::~SweepLock()
{
    if (!m_database)
        return;
    try {
        const QString unlock = m_database->dialect().sessionUnlockStatement();
        if (!unlock.isEmpty()) {
            SqlQuery(*m_database, unlock).bind(":key", KeyLock::spaceId(m_name)).exec();
            return;
        }
        Transaction transaction(*m_database, Transaction::Mode::Write);
        SqlQuery(*m_database, QStringLiteral("DELETE FROM sweep_locks WHERE name = :name AND holder = :holder"))
            .bind(":name", m_name)
            .bind(":holder", m_holder)
            .exec();
        transaction.commit();
    } catch (const std::exception &error) {
        BIZDESK_LOG_WARN("Could not give back the sweep lock {}: {}", m_name.toStdString(), error.what());
    }
}

void SweepLock::renew()
{
    if (m_holder.isEmpty())
        return;
    SqlQuery renewal(*m_database, QStringLiteral("UPDATE sweep_locks SET expires_at = :expires WHERE name = :name AND holder = :holder"));
    renewal.bind(":expires", leaseEnd(leaseSeconds)).bind(":name", m_name).bind(":holder", m_holder).exec();
    if (renewal.rowsAffected() != 1)
        throw domain::Error::conflict(QCoreApplication::translate(
            "SweepLock", "Another process took over this sweep after it stalled for two minutes; this one stopped. What it had done is saved."));
}

} // namespace bizdesk::storage
