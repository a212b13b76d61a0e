#pragma once

#include <QDateTime>

namespace bizdesk::domain {

/// Source of "now" for every use case, so tests and scripted runs can fix time.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

/// The real clock, unless $BIZDESK_NOW (ISO 8601) pins it — used by acceptance scripts that
/// need deadlines to have passed.
class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now) : m_now(std::move(now)) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(QDateTime now) { m_now = std::move(now); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

/// UTC timestamps are stored as text "yyyy-MM-ddTHH:mm:ss.zzzZ" so they sort and compare the
/// same way on SQLite and PostgreSQL.
QString toStorageTimestamp(const QDateTime &dateTime);
QDateTime fromStorageTimestamp(const QString &text);

} // namespace bizdesk::domain
