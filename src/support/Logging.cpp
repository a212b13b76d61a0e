#include "support/Logging.h"

#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>

namespace bizdesk::support {
namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

/// spdlog's own default logger writes to stdout; BizDesk's goes to stderr until the file is set.
void installStandardErrorLogger()
{
    static std::once_flag installed;
    std::call_once(installed, [] { spdlog::set_default_logger(spdlog::stderr_color_mt("bizdesk-stderr")); });
}

void routeQtMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const std::string text = message.toStdString();
    switch (type) {
    case QtDebugMsg: logger().debug("qt: {}", text); break;
    case QtInfoMsg: logger().info("qt: {}", text); break;
    case QtWarningMsg: logger().warn("qt: {}", text); break;
    case QtCriticalMsg:
    case QtFatalMsg: logger().error("qt: {}", text); break;
    }
}

/// spdlog opens (and, when rotating, recreates) the file with fopen, which honours only the
/// umask; the file is made first with owner-only permissions, and an older 0644 one is narrowed.
spdlog::file_event_handlers privateFileHandlers()
{
    spdlog::file_event_handlers handlers;
    handlers.before_open = [](const spdlog::filename_t &name) {
        QFile file(QString::fromStdString(name));
        if (!file.exists())
            file.open(QIODevice::WriteOnly | QIODevice::Append, ownerOnlyFile);
    };
    handlers.after_open = [](const spdlog::filename_t &name, std::FILE *) {
        QFile::setPermissions(QString::fromStdString(name), ownerOnlyFile);
    };
    return handlers;
}

} // namespace

spdlog::logger &logger()
{
    installStandardErrorLogger();
    return *spdlog::default_logger_raw();
}

QString logFilePath()
{
    return QDir(Paths::dataDirectory()).filePath(QStringLiteral("logs/bizdesk.log"));
}

void initialiseLogging(const QString &applicationName, const QString &level)
{
    static bool started = false;
    if (!started) {
        started = true;
        installStandardErrorLogger();
        try {
            const QString folder = QFileInfo(logFilePath()).absolutePath();
            Paths::makePrivateFolder(folder);
            // BizDesk's own folders are narrowed even when an older version made them 0755.
            for (const QString &own : {Paths::dataDirectory(), folder})
                QFile::setPermissions(own, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            constexpr std::size_t maxFileBytes = 5 * 1024 * 1024;
            constexpr std::size_t keptFiles = 3;
            auto fileLogger = spdlog::rotating_logger_mt(applicationName.toStdString(), logFilePath().toStdString(),
                                                         maxFileBytes, keptFiles, false, privateFileHandlers());
            fileLogger->flush_on(spdlog::level::warn);
            spdlog::set_default_logger(fileLogger);
        } catch (const spdlog::spdlog_ex &) {
            // An unwritable data folder must not stop the program; logging stays on stderr.
        }
        qInstallMessageHandler(routeQtMessage);
    }
    setLogLevel(level);
}

void setLogLevel(const QString &level)
{
    spdlog::set_level(spdlog::level::from_str(level.toStdString()));
}

} // namespace bizdesk::support
