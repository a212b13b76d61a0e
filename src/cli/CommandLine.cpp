#include "cli/CommandLine.h"

#include "cli/CommandContext.h"
#include "domain/Error.h"
#include "domain/TextRules.h"
#include "support/Logging.h"
#include "support/Paths.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QStringDecoder>

#include <stdexcept>

namespace bizdesk::cli {
namespace {

using domain::Error;
using domain::ErrorKind;

const domain::SystemClock systemClock;

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Internal: return 1;
    case ErrorKind::Invalid: return 2;
    case ErrorKind::Denied: return 3;
    case ErrorKind::Conflict: return 4;
    case ErrorKind::NotFound: return 5;
    case ErrorKind::DiskFull: return 1;
    }
    return 1;
}

void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stream);
    std::fflush(stream);
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("-");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == static_cast<double>(static_cast<qint64>(number)) ? QString::number(static_cast<qint64>(number))
                                                                           : QString::number(number);
    }
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << (item.isObject() || item.isArray() ? QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact))
                                                        : scalarText(item));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default: return {};
    }
}

QString formatTable(const QJsonArray &rows)
{
    if (rows.isEmpty())
        return QCoreApplication::translate("CommandLine", "(none)");
    QStringList columns;
    for (const QJsonValue &row : rows) {
        for (const QString &key : row.toObject().keys()) {
            if (!columns.contains(key))
                columns << key;
        }
    }
    QList<qsizetype> widths;
    for (const QString &column : columns)
        widths << column.size();
    QList<QStringList> cells;
    for (const QJsonValue &row : rows) {
        QStringList line;
        for (int i = 0; i < columns.size(); ++i) {
            QString text = scalarText(row.toObject().value(columns.at(i)));
            if (text.size() > 40)
                text = text.left(39) + QChar(0x2026);
            widths[i] = std::max(widths[i], text.size());
            line << text;
        }
        cells << line;
    }
    QStringList lines;
    QStringList header;
    for (int i = 0; i < columns.size(); ++i)
        header << columns.at(i).leftJustified(widths.at(i));
    lines << header.join(QStringLiteral("  ")).trimmed();
    for (const QStringList &line : cells) {
        QStringList padded;
        for (int i = 0; i < line.size(); ++i)
            padded << line.at(i).leftJustified(widths.at(i));
        lines << padded.join(QStringLiteral("  ")).trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

int report(const Error &error, bool json, std::FILE *err)
{
    if (json) {
        QJsonObject body{{QStringLiteral("kind"), domain::errorKindName(error.kind())}, {QStringLiteral("message"), error.message()}};
        if (!error.clause().isEmpty())
            body.insert(QStringLiteral("clause"), error.clause());
        if (!error.field().isEmpty())
            body.insert(QStringLiteral("field"), error.field());
        print(err, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("error"), body}}).toJson(QJsonDocument::Compact)));
    } else {
        print(err, QCoreApplication::translate("CommandLine", "bizdeskctl: %1").arg(error.message()));
    }
    return exitCodeFor(error.kind());
}

bool isFlag(const QByteArray &argument)
{
    return argument == "--json" || argument == "--help" || argument == "--version";
}

} // namespace

CommandLine::CommandLine() : CommandLine(systemClock) {}

CommandLine::CommandLine(const domain::Clock &clock) : m_clock(clock) {}

void CommandLine::add(CommandSpec spec)
{
    m_commands << std::move(spec);
}

void CommandLine::markReadOnly(const QStringList &words)
{
    const auto spec = std::find_if(m_commands.begin(), m_commands.end(), [&](const CommandSpec &each) { return each.words == words; });
    if (spec == m_commands.end())
        throw std::logic_error("no command \"" + words.join(QLatin1Char(' ')).toStdString() + "\" to mark read-only");
    spec->readOnly = true;
}

QString CommandLine::formatGeneric(const QJsonValue &value)
{
    if (value.isArray())
        return formatTable(value.toArray());
    if (!value.isObject())
        return scalarText(value);
    const QJsonObject object = value.toObject();
    QStringList lines;
    QStringList tables;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonArray array = it.value().toArray();
        if (it.value().isArray() && !array.isEmpty() && array.first().isObject())
            tables << QStringLiteral("%1:\n%2").arg(it.key(), formatTable(array));
        else
            lines << QStringLiteral("%1: %2").arg(it.key(), scalarText(it.value()));
    }
    return (lines + tables).join(QLatin1Char('\n'));
}

const CommandSpec *CommandLine::match(const QStringList &words, int &consumed) const
{
    const CommandSpec *best = nullptr;
    for (const CommandSpec &spec : m_commands) {
        if (spec.words.size() > words.size())
            continue;
        if (words.mid(0, spec.words.size()) == spec.words && (!best || spec.words.size() > best->words.size()))
            best = &spec;
    }
    consumed = best ? static_cast<int>(best->words.size()) : 0;
    return best;
}

QString CommandLine::helpText() const
{
    QStringList lines{
        QCoreApplication::translate("CommandLine", "Usage: bizdeskctl [--db LOCATION] [--as LOGIN] [--json] COMMAND [ARGS]"),
        QString(),
        QCoreApplication::translate("CommandLine", "LOCATION is a SQLite file or postgresql://user[:password]@host[:port]/dbname "
           "(default: $BIZDESK_DB, else %1).")
            .arg(support::Paths::defaultDatabasePath()),
        QCoreApplication::translate("CommandLine", "--as LOGIN acts as that user; the password comes from $BIZDESK_PASSWORD or stdin."),
        QCoreApplication::translate("CommandLine", "Exit status: 0 done, 1 internal, 2 invalid, 3 denied, 4 conflict, 5 not found."),
        QString(),
        QCoreApplication::translate("CommandLine", "Commands (\"bizdeskctl COMMAND --help\" for details):"),
    };
    for (const CommandSpec &spec : m_commands)
        lines << QStringLiteral("  %1\n      %2").arg(spec.synopsis(), spec.summary);
    return lines.join(QLatin1Char('\n'));
}

QStringList CommandLine::decodeArguments(const QList<QByteArray> &rawArguments)
{
    QStringList arguments;
    for (qsizetype i = 0; i < rawArguments.size(); ++i) {
        const QByteArray &raw = rawArguments.at(i);
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const QString text = decoder(raw);
        if (decoder.hasError()) {
            QString option;
            if (raw.startsWith("--"))
                option = QCoreApplication::translate("CommandLine", "an option name");
            else if (i > 0 && rawArguments.at(i - 1).startsWith("--") && !isFlag(rawArguments.at(i - 1)))
                option = arguments.at(i - 1);
            else
                option = QCoreApplication::translate("CommandLine", "argument %1").arg(i + 1);
            throw Error::invalid(option, QCoreApplication::translate("CommandLine", "%1: the value is not valid UTF-8 text; "
                                                                                    "check the terminal's or script's encoding.")
                                             .arg(option));
        }
        arguments << text;
    }
    return arguments;
}

int CommandLine::run(const QList<QByteArray> &rawArguments, std::FILE *out, std::FILE *err) const
{
    QStringList arguments;
    try {
        arguments = decodeArguments(rawArguments);
    } catch (const Error &error) {
        return report(error, rawArguments.contains("--json"), err);
    }
    return run(arguments, out, err);
}

int CommandLine::run(const QStringList &arguments, std::FILE *out, std::FILE *err) const
{
    GlobalOptions globals;
    globals.location = support::Paths::configuredDatabaseLocation();
    // Errors found while the options are still being read (a bad --as) are JSON too.
    globals.json = arguments.contains(QStringLiteral("--json"));
    const auto fail = [&](const Error &error) { return report(error, globals.json, err); };

    int index = 0;
    bool wantsHelp = false;
    try {
        for (; index < arguments.size(); ++index) {
            const QString &argument = arguments.at(index);
            if (!argument.startsWith(QLatin1String("--")))
                break;
            const auto value = [&](const QString &name) {
                if (index + 1 >= arguments.size())
                    throw Error::invalid(name, QCoreApplication::translate("CommandLine", "%1 needs a value.").arg(name));
                return arguments.at(++index);
            };
            if (argument == QLatin1String("--db"))
                globals.location = value(argument);
            else if (argument == QLatin1String("--as"))
                // Checked before any login attempt, so an absurd login never reaches the audit log.
                globals.login = domain::TextRules::clean(argument, value(argument), domain::TextKind::Login);
            else if (argument == QLatin1String("--json"))
                globals.json = true;
            else if (argument == QLatin1String("--help"))
                wantsHelp = true;
            else if (argument == QLatin1String("--version")) {
                print(out, QStringLiteral("bizdeskctl %1").arg(QCoreApplication::applicationVersion()));
                return 0;
            } else
                throw Error::invalid(argument, QCoreApplication::translate("CommandLine", "Unknown option %1; see \"bizdeskctl --help\".").arg(argument));
        }
        const QStringList rest = arguments.mid(index);
        if (rest.isEmpty()) {
            print(wantsHelp ? out : err, helpText());
            return wantsHelp ? 0 : 2;
        }
        int consumed = 0;
        const CommandSpec *spec = match(rest, consumed);
        if (!spec)
            throw Error::invalid(QStringLiteral("COMMAND"),
                                 QCoreApplication::translate("CommandLine", "Unknown command \"%1\"; see \"bizdeskctl --help\".").arg(rest.join(QLatin1Char(' '))));

        QStringList positionals;
        QMap<QString, QString> options;
        const QStringList tail = rest.mid(consumed);
        for (int i = 0; i < tail.size(); ++i) {
            const QString &argument = tail.at(i);
            if (argument == QLatin1String("--help")) {
                wantsHelp = true;
                continue;
            }
            if (argument == QLatin1String("--json")) {
                globals.json = true;
                continue;
            }
            if (argument.startsWith(QLatin1String("--")) && argument.size() > 2) {
                const QString name = argument.mid(2);
                const auto option = std::find_if(spec->options.begin(), spec->options.end(),
                                                 [&](const OptionSpec &each) { return each.name == name; });
                if (option == spec->options.end())
                    throw Error::invalid(argument, QCoreApplication::translate("CommandLine", "%1 is not an option of \"%2\"; usage: bizdeskctl %3")
                                                       .arg(argument, spec->words.join(QLatin1Char(' ')), spec->synopsis()));
                if (option->takesValue()) {
                    if (i + 1 >= tail.size())
                        throw Error::invalid(argument, QCoreApplication::translate("CommandLine", "%1 needs a value (%2).").arg(argument, option->valueName));
                    options.insert(name, tail.at(++i));
                } else {
                    options.insert(name, QStringLiteral("1"));
                }
                continue;
            }
            positionals << argument;
        }
        if (wantsHelp) {
            QStringList lines{QStringLiteral("bizdeskctl %1").arg(spec->synopsis()), spec->summary};
            for (const OptionSpec &option : spec->options)
                lines << QStringLiteral("  --%1 %2  %3").arg(option.name, option.valueName, option.help);
            print(out, lines.join(QLatin1Char('\n')));
            return 0;
        }
        const bool variadic = !spec->positionals.isEmpty() && spec->positionals.last().endsWith(QLatin1String("..."));
        if (positionals.size() < spec->positionals.size() - (variadic ? 1 : 0)
            || (!variadic && positionals.size() > spec->positionals.size()))
            throw Error::invalid(spec->positionals.value(positionals.size(), QStringLiteral("ARGS")),
                                 QCoreApplication::translate("CommandLine", "Wrong number of arguments; usage: bizdeskctl %1").arg(spec->synopsis()));
        for (const OptionSpec &option : spec->options) {
            if (option.required && !options.contains(option.name))
                throw Error::invalid(QStringLiteral("--") + option.name,
                                     QCoreApplication::translate("CommandLine", "--%1 is required; usage: bizdeskctl %2").arg(option.name, spec->synopsis()));
        }

        CommandContext context(*spec, globals, positionals, options, m_clock);
        // A rolled-back audit chain is said on stderr as it is found; the command still runs and
        // its exit status is its own.
        context.watchAuditHeads(m_auditHeads, [&](const QString &warning) {
            if (globals.json)
                print(err, QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("warning"),
                                                                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("audit_rollback")},
                                                                                    {QStringLiteral("message"), warning}}}})
                                                 .toJson(QJsonDocument::Compact)));
            else
                print(err, QCoreApplication::translate("CommandLine", "bizdeskctl: warning: %1").arg(warning));
        });
        const QJsonValue result = spec->run(context);
        context.rememberAuditHead();
        if (globals.json)
            print(out, QString::fromUtf8(result.isArray() ? QJsonDocument(result.toArray()).toJson(QJsonDocument::Compact)
                                                          : QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact)));
        else
            print(out, spec->formatText ? spec->formatText(result) : formatGeneric(result));
        return 0;
    } catch (const Error &error) {
        if (error.kind() == ErrorKind::Internal)
            BIZDESK_LOG_ERROR("bizdeskctl: {}", error.message().toStdString());
        return fail(error);
    } catch (const std::exception &exception) {
        BIZDESK_LOG_ERROR("bizdeskctl: unexpected {}", exception.what());
        return fail(Error::internal(QString::fromUtf8(exception.what())));
    }
}

} // namespace bizdesk::cli
