#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bizdesk::cli {

class CommandContext;

struct OptionSpec
{
    QString name;      ///< without dashes: "class"
    QString valueName; ///< empty for a flag: "C"
    QString help;
    bool required = false;
    bool takesValue() const { return !valueName.isEmpty(); }
};

/// One `bizdeskctl` command: its words, arguments, what it needs and what it does.
struct CommandSpec
{
    enum class Needs {
        Nothing,      ///< no database at all
        Location,     ///< only the --db location (init, restore)
        Database,     ///< an opened database (migrate, check, backup, audit verify)
        LoggedInUser, ///< an initialised database and --as
    };

    QStringList words;       ///< {"customer", "add"}
    QStringList positionals; ///< {"ID"}; a trailing "..." name takes the rest
    QList<OptionSpec> options;
    QString summary;
    Needs needs = Needs::LoggedInUser;
    std::function<QJsonValue(CommandContext &)> run;
    /// Human-readable rendering; the generic one (key: value / tables) when empty.
    std::function<QString(const QJsonValue &)> formatText;
    /// Only reads: the login writes nothing on success (unless failures must be cleared) and the
    /// connection then refuses writes, so the command never takes SQLite's write lock.
    /// Set by markReadOnlyCommands (cli/ReadOnlyCommands).
    bool readOnly = false;

    QString synopsis() const;
};

} // namespace bizdesk::cli
