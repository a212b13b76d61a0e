#pragma once

#include "domain/Money.h"
#include "domain/NamedValues.h"

#include <QDate>
#include <QVariant>

#include <optional>

namespace bizdesk::storage::negotiationsql {

/// Reading the columns of the negotiation tables: ISO dates, stored names, optional minor units.
inline QDate dateOf(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

template <typename Value>
Value named(const domain::NamedValues<Value> &values, const QVariant &value, Value fallback)
{
    return values.fromName(value.toString()).value_or(fallback);
}

inline std::optional<domain::Money> moneyOf(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return std::nullopt;
    return domain::Money::fromMinor(value.toLongLong());
}

} // namespace bizdesk::storage::negotiationsql
