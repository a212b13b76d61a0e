#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace bizdesk::services {

/// How a recorded value reads in a history pane.
enum class AuditValue {
    Text,       ///< shown as recorded
    Person,     ///< a user id: the person's display name
    People,     ///< an array of user ids: display names
    Login,      ///< a login: the person's display name
    Department, ///< a department id: its name
    Roles,      ///< an array of role names: translated role names
    YesNo,      ///< a boolean: translated yes / no
    Named,      ///< a stored name (a state, a class): AuditField::name translates it
    Hidden,     ///< bookkeeping, not shown
};

/// One field a module records in audit entries: its translated label and how its value reads.
struct AuditField
{
    const char *label = nullptr; ///< untranslated (QT_TRANSLATE_NOOP in the module's context)
    AuditValue value = AuditValue::Text;
    std::function<QString(const QString &)> name; ///< for AuditValue::Named
};

/// What a module's audit entries mean to a reader: action and field labels, translated in
/// `context` (the module's QT_TRANSLATE_NOOP context).
struct AuditLabels
{
    const char *context = nullptr;
    QHash<QString, const char *> actions; ///< "expense.approve" → "Approved"
    QHash<QString, AuditField> fields;    ///< "guests" → "Guests"
};

} // namespace bizdesk::services
