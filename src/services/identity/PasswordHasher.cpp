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

} // namespace bizdesk::services
