#include "domain/Clock.h"

#include <QTimeZone>

namespace bizdesk::domain {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

QString toStorageTimestamp(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromStorageTimestamp(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    parsed.setTimeZone(QTimeZone::utc());
    return parsed;
}

} // namespace bizdesk::domain
