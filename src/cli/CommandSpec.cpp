#include "cli/CommandSpec.h"

namespace bizdesk::cli {

QString CommandSpec::synopsis() const
{
    QStringList parts{words.join(QLatin1Char(' '))};
    for (const QString &positional : positionals)
        parts << positional;
    for (const OptionSpec &option : options) {
        QString text = QStringLiteral("--") + option.name;
        if (option.takesValue())
            text += QLatin1Char(' ') + option.valueName;
        parts << (option.required ? text : QStringLiteral("[%1]").arg(text));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace bizdesk::cli
