#pragma once

#include <QString>

namespace bizdesk::services {

/// argon2id password hashes through libsodium (crypto_pwhash_str, interactive limits).
class PasswordHasher
{
public:
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    /// Takes as long as verify() against a stored hash, for nothing: an unknown login must answer
    /// as slowly as a wrong password, or the delay tells which logins exist.
    static void verifyAgainstNothing(const QString &password);
};

} // namespace bizdesk::services
