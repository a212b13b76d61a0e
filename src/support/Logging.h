#pragma once

#include <QString>

#include <spdlog/spdlog.h>

namespace bizdesk::support {

/// Starts the rotating log file under the app data folder and routes Qt's messages into it.
/// Safe to call more than once; later calls only change the level.
void initialiseLogging(const QString &applicationName, const QString &level);
/// Changes the level at run time ("trace", "debug", "info", "warn", "error").
void setLogLevel(const QString &level);
QString logFilePath();

} // namespace bizdesk::support

#define BIZDESK_LOG_INFO(...) ::spdlog::info(__VA_ARGS__)
#define BIZDESK_LOG_WARN(...) ::spdlog::warn(__VA_ARGS__)
#define BIZDESK_LOG_ERROR(...) ::spdlog::error(__VA_ARGS__)
#define BIZDESK_LOG_DEBUG(...) ::spdlog::debug(__VA_ARGS__)
