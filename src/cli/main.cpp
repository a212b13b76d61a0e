#include "cli/CommandLine.h"
#include "services/ModuleCatalog.h"
#include "services/audit/AuditHeadStore.h"
#include "support/Logging.h"
#include "support/Paths.h"
#include "support/SettingsKeys.h"

#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    // PDF forms and reports lay out text with Qt's font system, which needs a GUI application;
    // the offscreen platform gives it one without a display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Scripts read exactly one line on stderr for an error; Qt's start-up chatter (runtime folder
    // warnings and the like) must not reach it. The log file takes Qt's messages from here on.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    QGuiApplication application(argc, argv);
    bizdesk::support::Paths::applyApplicationIdentity();
    bizdesk::support::initialiseLogging(QStringLiteral("bizdeskctl"),
                                        bizdesk::support::readSetting(bizdesk::support::settings::logLevel).toString());

    // Messages follow the locale (LANG/LC_ALL), like the GUI; scripts get English with LANG=C.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("bizdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    bizdesk::services::ModuleCatalog::registerAll();
    bizdesk::cli::CommandLine commandLine;
    bizdesk::cli::registerAllCommands(commandLine);
    // The last audit head seen of each database, in the user's settings: a rolled-back chain is
    // noticed on the next run (issue 17 §4).
    bizdesk::services::SettingsAuditHeadStore auditHeads;
    commandLine.setAuditHeadStore(&auditHeads);
    // The raw bytes, not QCoreApplication::arguments(): that decodes invalid UTF-8 to U+FFFD,
    // which would then be stored. (QGuiApplication has already removed its own options.)
    QList<QByteArray> arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QByteArray(argv[i]);
    return commandLine.run(arguments);
}
