#pragma once

#include <QDate>
#include <QString>

namespace bizdesk::domain {
class Money;
struct PolicyDefinition;
} // namespace bizdesk::domain

namespace bizdesk::ui {

/// How numbers look on screen (ui.md): money via QLocale with the currency sign, never through
/// floating point; policy values with their unit.
class Formats
{
public:
    /// "¥1,234.50" (grouping and decimal sign of the current locale).
    static QString money(const domain::Money &amount);
    /// A policy value for display: money as money, other kinds with their unit ("30 天").
    /// Text that does not parse is shown as it is.
    static QString policyValue(const domain::PolicyDefinition &definition, const QString &canonical);
    /// "2026-12-01": business dates are shown in ISO order in every language (ui.md); empty when invalid.
    static QString date(const QDate &date);
};

} // namespace bizdesk::ui
