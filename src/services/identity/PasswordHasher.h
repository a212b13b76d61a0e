#pragma once

#include <QString>

namespace bizdesk::services {

/// argon2id password hashes through libsodium (crypto_pwhash_str, interactive limits).
class PasswordHasher
{
public:
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
};

} // namespace bizdesk::services
