#include "support/Logging.h"

#include "support/Paths.h"

#include <QDir>

#include <spdlog/sinks/rotating_file_sink.h>

namespace bizdesk::support {
namespace {

void routeQtMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const std::string text = message.toStdString();
    switch (type) {
    case QtDebugMsg: spdlog::debug("qt: {}", text); break;
    case QtInfoMsg: spdlog::info("qt: {}", text); break;
    case QtWarningMsg: spdlog::warn("qt: {}", text); break;
    case QtCriticalMsg:
    case QtFatalMsg: spdlog::error("qt: {}", text); break;
    }
}

} // namespace

QString logFilePath()
{
    return QDir(Paths::dataDirectory()).filePath(QStringLiteral("logs/bizdesk.log"));
}

void initialiseLogging(const QString &applicationName, const QString &level)
{
    static bool started = false;
    if (!started) {
        started = true;
        try {
            QDir().mkpath(QFileInfo(logFilePath()).absolutePath());
            constexpr std::size_t maxFileBytes = 5 * 1024 * 1024;
            constexpr std::size_t keptFiles = 3;
            auto logger = spdlog::rotating_logger_mt(applicationName.toStdString(),
                                                     logFilePath().toStdString(), maxFileBytes, keptFiles);
            logger->flush_on(spdlog::level::warn);
            spdlog::set_default_logger(logger);
        } catch (const spdlog::spdlog_ex &) {
            // An unwritable data folder must not stop the program; spdlog keeps logging to stderr.
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
