#pragma once

#include <QString>

#include <optional>

namespace bizdesk::storage {
class DatabaseLocation;
}

namespace bizdesk::ui {

/// The database passwords the GUI remembers, kept in the desktop keyring (QtKeychain: Secret
/// Service, KWallet) under the location without its password. Never a file: QtKeychain's
/// plain-text fallback stays off, so without a keyring (a headless machine, an offscreen run)
/// nothing is kept and BizDesk asks again next time.
class DatabaseKeyring
{
public:
    /// The remembered password, if a keyring answers and holds one.
    static std::optional<QString> read(const storage::DatabaseLocation &location);
    /// False when no keyring took it.
    static bool store(const storage::DatabaseLocation &location, const QString &password);
};

} // namespace bizdesk::ui
