#pragma once

#include <QString>

namespace bizdesk::cli {

/// Reads one line from stdin; on a terminal the prompt goes to stderr and typing is not echoed.
class PasswordInput
{
public:
    static QString read(const QString &prompt);
};

} // namespace bizdesk::cli
