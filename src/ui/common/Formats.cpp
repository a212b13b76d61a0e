#include "ui/common/Formats.h"

#include "domain/Money.h"
#include "domain/policy/PolicyCatalog.h"

#include <QLocale>

namespace bizdesk::ui {

QString Formats::money(const domain::Money &amount)
{
    const QLocale locale;
    const std::int64_t minor = amount.minorUnits();
    const std::int64_t magnitude = minor < 0 ? -minor : minor;
    const QString sign = amount.currency() == QLatin1String("CNY") ? QStringLiteral("¥") : amount.currency() + QLatin1Char(' ');
    const QString text = QStringLiteral("%1%2%3%4")
                             .arg(sign, locale.toString(static_cast<qlonglong>(magnitude / 100)), locale.decimalPoint())
                             .arg(static_cast<int>(magnitude % 100), 2, 10, QLatin1Char('0'));
    return minor < 0 ? locale.negativeSign() + text : text;
}

QString Formats::policyValue(const domain::PolicyDefinition &definition, const QString &canonical)
{
    if (definition.kind == domain::PolicyDefinition::Kind::Money) {
        if (const auto amount = domain::Money::parse(canonical))
            return money(*amount);
        return canonical;
    }
    return QStringLiteral("%1 %2").arg(canonical, definition.translatedUnit()).trimmed();
}

QString Formats::date(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

} // namespace bizdesk::ui
