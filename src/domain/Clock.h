#pragma once

#include <QDateTime>

namespace bizdesk::domain {

/// Source of "now" for every use case. Tests inject a FixedClock; shipped programs use the
/// SystemClock only, so nobody can backdate what they do (audit entries, deadlines).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

/// The real clock. Deliberately no environment override: audit times must be the real ones.
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
