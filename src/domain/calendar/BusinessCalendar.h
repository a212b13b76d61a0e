#pragma once

#include "domain/Clock.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <utility>

namespace bizdesk::domain {

/// A span of business dates, inclusive at both ends: a month ("2026-11"), a quarter ("2026-Q4")
/// or a year ("2026"), the periods of budgets and reports.
struct BusinessPeriod
{
    QString label;
    QDate first; ///< inclusive
    QDate last;  ///< inclusive

    /// Throws Error::invalid naming `field` for anything but yyyy, yyyy-Qn or yyyy-MM.
    static BusinessPeriod parse(const QString &text, const QString &field = QStringLiteral("period"));
    static BusinessPeriod monthOf(const QDate &date);
    static BusinessPeriod quarterOf(const QDate &date);
    static BusinessPeriod yearOf(const QDate &date);
    bool contains(const QDate &date) const { return date >= first && date <= last; }
};

/// The company's business calendar: which date an instant belongs to, in the company's time
/// zone. Instants are stored in UTC; months, quarters, years, due dates, follow-ups, delegation
/// dates, claim deadlines and "today" are cut here, so an event at 07:30 on 1 December in
/// Shanghai (23:30 UTC on 30 November) belongs to December on every machine.
class BusinessCalendar
{
public:
    /// The system's zone: the default until the company profile names one.
    BusinessCalendar();
    explicit BusinessCalendar(QTimeZone zone);
    /// Throws Error::invalid naming `field` when `ianaId` is not a known time zone; an empty id
    /// means the system's zone.
    static BusinessCalendar fromZoneId(const QString &ianaId, const QString &field = QStringLiteral("time_zone"));

    const QTimeZone &zone() const { return m_zone; }
    QString zoneId() const { return QString::fromUtf8(m_zone.id()); }

    /// The business date of an instant.
    QDate dateOf(const QDateTime &instant) const;
    QDate today(const Clock &clock) const { return dateOf(clock.nowUtc()); }
    /// The instant (UTC) at which a business date begins.
    QDateTime startOf(const QDate &date) const;
    /// A wall-clock time in the company's zone as an instant (UTC).
    QDateTime instantAt(const QDate &date, const QTime &time) const;
    /// [start of first, start of the day after last) as UTC instants, for queries on stored instants.
    std::pair<QDateTime, QDateTime> instantRange(const BusinessPeriod &period) const;
    /// The same range in the stored text form (see toStorageTimestamp).
    std::pair<QString, QString> storageRange(const BusinessPeriod &period) const;
    /// Whole business days from the date of `from` to the date of `to` (negative when earlier).
    qint64 daysBetween(const QDateTime &from, const QDateTime &to) const;

private:
    QTimeZone m_zone;
};

} // namespace bizdesk::domain
