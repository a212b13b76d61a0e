#include "cli/CommandCatalog.h"
#include "cli/CommandLine.h"
#include "services/ModuleCatalog.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

QSet<QString> groupsOf(const cli::CommandLine &commandLine)
{
    QSet<QString> groups;
    for (const cli::CommandSpec &spec : commandLine.commands())
        groups.insert(spec.words.first());
    return groups;
}

} // namespace

TEST(CommandCatalog, each_module_registers_exactly_the_command_groups_its_descriptor_names)
{
    for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules()) {
        cli::CommandLine commandLine;
        cli::registerModuleCommands(module.id, commandLine);
        const QStringList declared = module.commandGroups;
        EXPECT_EQ(groupsOf(commandLine), QSet<QString>(declared.begin(), declared.end()))
            << services::moduleKey(module.id).toStdString();
    }
}

TEST(CommandCatalog, all_commands_are_the_foundation_and_the_modules_groups_without_clashes)
{
    cli::CommandLine all;
    cli::registerAllCommands(all);
    QSet<QString> moduleGroups;
    for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules()) {
        for (const QString &group : module.commandGroups) {
            EXPECT_FALSE(moduleGroups.contains(group)) << "two modules claim " << group.toStdString();
            moduleGroups.insert(group);
        }
    }
    int moduleCommands = 0;
    for (const cli::CommandSpec &spec : all.commands()) {
        if (moduleGroups.contains(spec.words.first()))
            ++moduleCommands;
    }
    int registeredByModules = 0;
    for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules()) {
        cli::CommandLine one;
        cli::registerModuleCommands(module.id, one);
        registeredByModules += static_cast<int>(one.commands().size());
    }
    EXPECT_EQ(moduleCommands, registeredByModules) << "foundation commands stay outside the module groups";
    EXPECT_GT(all.commands().size(), registeredByModules);
    // The everyday commands of the CLI contract are all still there.
    for (const QStringList &words : {QStringList{QStringLiteral("customer"), QStringLiteral("add")},
                                     QStringList{QStringLiteral("expense"), QStringLiteral("apply")},
                                     QStringList{QStringLiteral("user"), QStringLiteral("add")},
                                     QStringList{QStringLiteral("audit"), QStringLiteral("verify")}}) {
        bool found = false;
        for (const cli::CommandSpec &spec : all.commands())
            found = found || spec.words == words;
        EXPECT_TRUE(found) << words.join(QLatin1Char(' ')).toStdString();
    }
}
