#pragma once

#include <QDate>
#include <QString>

namespace bizdesk::domain {

/// Dates of business events (entertainment, customer events) must lie within
/// general.event_window_days of today, so that a slip such as year 0001 or 9999 is refused
/// instead of stored, reported and planned around.
class EventDateWindow
{
public:
    /// Throws Error::invalid(field) naming the date, the window and the policy key.
    static void require(const QString &field, const QDate &date, const QDate &today, qint64 windowDays);
};

} // namespace bizdesk::domain
