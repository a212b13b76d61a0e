#include "services/identity/PasswordHasher.h"

#include "domain/Error.h"

#include <sodium.h>

namespace bizdesk::services {
namespace {

void ensureSodium()
{
    static const int initialised = sodium_init();
    if (initialised < 0)
        throw domain::Error::internal(QStringLiteral("libsodium could not be initialised"));
}

/// An argon2id hash with the interactive limits that hash() uses, of a phrase no account has.
/// Fixed rather than computed on first use, so the first unknown login costs one verify too.
constexpr const char *decoyHash =
    "$argon2id$v=19$m=65536,t=2,p=1$i2Nnex4tRLrZbz8KNc/7Jg$n3tGtcdOnRyjaBVlClXGLPHR0id72ZgENp80ChRosbY";

} // namespace

QString PasswordHasher::hash(const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        throw domain::Error::internal(QStringLiteral("Out of memory while hashing a password"));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

void PasswordHasher::verifyAgainstNothing(const QString &password)
{
    verify(QString::fromLatin1(decoyHash), password);
}

} // namespace bizdesk::services
