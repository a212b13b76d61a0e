#pragma once

#include <QString>

#include <optional>

namespace bizdesk::services {

/// §7 stale edits, for every module: a caller that names the version it saw (the CLI's
/// --version, the version the GUI showed) is refused with conflict, before anything is written,
/// when the record has moved on since. `recordLabel` names the record in the message.
void requireSeenVersion(std::optional<int> seen, int current, const QString &recordLabel);

} // namespace bizdesk::services
