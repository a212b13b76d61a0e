#pragma once

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

} // namespace bizdesk::storage
