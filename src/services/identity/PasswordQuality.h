#pragma once

#include <QString>

namespace bizdesk::services {

/// The one rule for a new password, asked by every place that sets or previews one (init, user
/// add, change password, the first-run, people and change-password dialogs): the domain minimum
/// (domain::UserRules::requireStrongPassword) plus libpwquality's checks — not the login, not a
/// dictionary word, not a simple sequence or repetition such as 12345678 or aaaaaaaa.
/// The rule is BizDesk's own: the machine's /etc/security/pwquality.conf is not read.
class PasswordQuality
{
public:
    /// Throws domain::Error::invalid on the field "password" with a translated reason; internal
    /// when the cracklib dictionary is missing (Debian cracklib-runtime).
    static void require(const QString &password, const QString &login);
};

} // namespace bizdesk::services
