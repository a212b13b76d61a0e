// Issue 8 §8: docs/cli.md is generated from bizdeskctl --help (scripts/gen-cli-doc); every
// command must get its section (init was missing: the generator took "init --admin" for a command).
#include "cli/CommandLine.h"
#include "services/ModuleCatalog.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace bizdesk;

TEST(CliReference, the_generator_writes_a_section_for_every_command)
{
    QTemporaryDir folder;
    const QString output = folder.filePath(QStringLiteral("cli.md"));
    QProcess generator;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), folder.path()); // its log file and settings
    environment.insert(QStringLiteral("XDG_DATA_HOME"), folder.filePath(QStringLiteral("share")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), folder.filePath(QStringLiteral("config")));
    generator.setProcessEnvironment(environment);
    generator.start(QStringLiteral("bash"), {QStringLiteral(BIZDESK_SOURCE_DIR "/scripts/gen-cli-doc"), QStringLiteral(BIZDESKCTL_PATH), output});
    ASSERT_TRUE(generator.waitForFinished(240'000));
    ASSERT_EQ(generator.exitCode(), 0) << generator.readAllStandardError().toStdString();
    QFile file(output);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString reference = QString::fromUtf8(file.readAll());

    services::ModuleCatalog::registerAll();
    cli::CommandLine commandLine;
    cli::registerAllCommands(commandLine);
    ASSERT_FALSE(commandLine.commands().isEmpty());
    for (const cli::CommandSpec &spec : commandLine.commands()) {
        const QString words = spec.words.join(QLatin1Char(' '));
        EXPECT_TRUE(reference.contains(QStringLiteral("\n### %1\n").arg(words))) << "no section for " << words.toStdString();
        EXPECT_TRUE(reference.contains(QStringLiteral("bizdeskctl %1").arg(spec.synopsis()))) << "no synopsis for " << words.toStdString();
    }
    EXPECT_TRUE(reference.contains(QStringLiteral("\n### init\n")));
}
