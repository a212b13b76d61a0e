#include "domain/calendar/BusinessCalendar.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace bizdesk::domain {

BusinessPeriod BusinessPeriod::parse(const QString &text, const QString &field)
{
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-[Qq]([1-4])$"));
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const QString trimmed = text.trimmed();
    BusinessPeriod period;
    if (const auto match = year.match(trimmed); match.hasMatch()) {
        period = yearOf(QDate(match.captured(1).toInt(), 1, 1));
    } else if (const auto match = quarter.match(trimmed); match.hasMatch()) {
        period = quarterOf(QDate(match.captured(1).toInt(), (match.captured(2).toInt() - 1) * 3 + 1, 1));
    } else if (const auto match = month.match(trimmed); match.hasMatch()) {
        const QDate first(match.captured(1).toInt(), match.captured(2).toInt(), 1);
        if (first.isValid())
            period = monthOf(first);
    }
    if (!period.first.isValid() || !period.last.isValid() || period.first.year() < 1900)
        throw Error::invalid(field, QCoreApplication::translate("BusinessCalendar", "%1: \"%2\" is not a year (2026), quarter "
                                                                                     "(2026-Q4) or month (2026-11).")
                                        .arg(field, text));
    return period;
}

BusinessPeriod BusinessPeriod::monthOf(const QDate &date)
{
    const QDate first(date.year(), date.month(), 1);
    return {first.toString(QStringLiteral("yyyy-MM")), first, first.addMonths(1).addDays(-1)};
}

BusinessPeriod BusinessPeriod::quarterOf(const QDate &date)
{
    const int quarter = (date.month() - 1) / 3 + 1;
    const QDate first(date.year(), (quarter - 1) * 3 + 1, 1);
    return {QStringLiteral("%1-Q%2").arg(date.year()).arg(quarter), first, first.addMonths(3).addDays(-1)};
}

BusinessPeriod BusinessPeriod::yearOf(const QDate &date)
{
    return {QString::number(date.year()), QDate(date.year(), 1, 1), QDate(date.year(), 12, 31)};
}

BusinessCalendar::BusinessCalendar()
    : m_zone(QTimeZone::systemTimeZone())
{
}

BusinessCalendar::BusinessCalendar(QTimeZone zone)
    : m_zone(std::move(zone))
{
}

BusinessCalendar BusinessCalendar::fromZoneId(const QString &ianaId, const QString &field)
{
    const QString trimmed = ianaId.trimmed();
    if (trimmed.isEmpty())
        return BusinessCalendar();
    const QByteArray id = trimmed.toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(id))
        throw Error::invalid(field, QCoreApplication::translate("BusinessCalendar", "%1: \"%2\" is not a time zone; write an IANA "
                                                                                     "name such as Asia/Shanghai.")
                                        .arg(field, ianaId));
    return BusinessCalendar(QTimeZone(id));
}

QDate BusinessCalendar::dateOf(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    return instant.toTimeZone(m_zone).date();
}

QDateTime BusinessCalendar::startOf(const QDate &date) const
{
    return instantAt(date, QTime(0, 0));
}

QDateTime BusinessCalendar::instantAt(const QDate &date, const QTime &time) const
{
    if (!date.isValid())
        return {};
    // A wall-clock time skipped by a daylight-saving jump resolves to the next valid instant (Qt's rule).
    return QDateTime(date, time, m_zone).toUTC();
}

std::pair<QDateTime, QDateTime> BusinessCalendar::instantRange(const BusinessPeriod &period) const
{
    return {startOf(period.first), startOf(period.last.addDays(1))};
}

std::pair<QString, QString> BusinessCalendar::storageRange(const BusinessPeriod &period) const
{
    const auto [from, to] = instantRange(period);
    return {toStorageTimestamp(from), toStorageTimestamp(to)};
}

qint64 BusinessCalendar::daysBetween(const QDateTime &from, const QDateTime &to) const
{
    return dateOf(from).daysTo(dateOf(to));
}

} // namespace bizdesk::domain
