#pragma once

#include <QString>

#include <spdlog/spdlog.h>

namespace bizdesk::support {

/// Starts the rotating log file under the app data folder and routes Qt's messages into it.
/// The file is created 0600 in a 0700 folder: log lines name people, records and databases.
/// Safe to call more than once; later calls only change the level.
void initialiseLogging(const QString &applicationName, const QString &level);
/// Changes the level at run time ("trace", "debug", "info", "warn", "error").
void setLogLevel(const QString &level);
QString logFilePath();
/// The logger every BIZDESK_LOG_* line goes to: the log file once initialiseLogging() ran,
/// stderr before that (and when the file cannot be written) — never stdout, which belongs to the
/// program's output (JSON of bizdeskctl --json and bizdesk-bench).
spdlog::logger &logger();

} // namespace bizdesk::support

#define BIZDESK_LOG_INFO(...) ::bizdesk::support::logger().info(__VA_ARGS__)
#define BIZDESK_LOG_WARN(...) ::bizdesk::support::logger().warn(__VA_ARGS__)
#define BIZDESK_LOG_ERROR(...) ::bizdesk::support::logger().error(__VA_ARGS__)
#define BIZDESK_LOG_DEBUG(...) ::bizdesk::support::logger().debug(__VA_ARGS__)
