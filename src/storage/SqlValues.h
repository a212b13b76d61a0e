#pragma once

#include "domain/Clock.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace bizdesk::storage {

/// Conversions between optional domain values and bound/read SQL values, shared by repositories.
inline QVariant nullableId(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QVariant nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

/// Text for NOT NULL columns: an empty (even a null) QString is stored as '' rather than NULL.
inline QVariant requiredText(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

inline std::optional<qint64> optionalId(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return std::nullopt;
    return value.toLongLong();
}

/// Stored instants (UTC text) that may be NULL: invalid QDateTime <-> NULL.
inline QDateTime optionalTimestamp(const QVariant &value)
{
    return value.isNull() ? QDateTime() : domain::fromStorageTimestamp(value.toString());
}

inline QVariant nullableTimestamp(const QDateTime &value)
{
    return value.isValid() ? QVariant(domain::toStorageTimestamp(value)) : QVariant(QMetaType(QMetaType::QString));
}

} // namespace bizdesk::storage
