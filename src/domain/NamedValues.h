#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QString>

#include <optional>
#include <span>

namespace bizdesk::domain {

/// One value of an enumeration with its stable name (what the CLI and the database see) and
/// its English display text (translated in `context` when shown).
template <typename Value>
struct NamedValue
{
    Value value;
    const char *name;
    const char *display;
};

/// Lookups over a constant table of NamedValue, so each enumeration is written down once.
template <typename Value>
class NamedValues
{
public:
    constexpr NamedValues(std::span<const NamedValue<Value>> table, const char *context)
        : m_table(table), m_context(context)
    {
    }

    QList<Value> all() const
    {
        QList<Value> values;
        for (const auto &entry : m_table)
            values << entry.value;
        return values;
    }
    QString name(Value value) const
    {
        for (const auto &entry : m_table) {
            if (entry.value == value)
                return QString::fromLatin1(entry.name);
        }
        return {};
    }
    std::optional<Value> fromName(const QString &name) const
    {
        for (const auto &entry : m_table) {
            if (name == QLatin1String(entry.name))
                return entry.value;
        }
        return std::nullopt;
    }
    QString display(Value value) const
    {
        for (const auto &entry : m_table) {
            if (entry.value == value)
                return QCoreApplication::translate(m_context, entry.display);
        }
        return {};
    }
    /// The translated display text of a stored name, or the name itself when unknown.
    QString displayOfName(const QString &name) const
    {
        const auto value = fromName(name);
        return value ? display(*value) : name;
    }
    /// "obligations|specification|…": the accepted names, for messages and CLI help.
    QString namesJoined(const QString &separator = QStringLiteral("|")) const
    {
        QStringList names;
        for (const auto &entry : m_table)
            names << QString::fromLatin1(entry.name);
        return names.join(separator);
    }

private:
    std::span<const NamedValue<Value>> m_table;
    const char *m_context;
};

} // namespace bizdesk::domain
