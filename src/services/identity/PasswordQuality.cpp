#include "services/identity/PasswordQuality.h"

#include "domain/Error.h"
#include "domain/identity/User.h"

#include <QCoreApplication>
#include <QMutex>

#include <libintl.h>
#include <pwquality.h>

#include <cstring>
#include <memory>

namespace bizdesk::services {
namespace {

using domain::Error;

/// Cracklib's own reason, compared in the current locale: cracklib translates it with gettext.
bool isCracklibReason(const char *reason, const char *english)
{
    return reason && std::strcmp(reason, dgettext("cracklib", english)) == 0;
}

Error refusal(const char *reason)
{
    return Error::invalid(QStringLiteral("password"), QCoreApplication::translate("PasswordQuality", reason));
}

/// What libpwquality's verdict means for the user, in our words (its own messages are English).
Error explain(int verdict, const char *cracklibReason)
{
    switch (verdict) {
    case PWQ_ERROR_USER_CHECK:
        return refusal(QT_TRANSLATE_NOOP("PasswordQuality", "password: the password must not contain the login."));
    case PWQ_ERROR_PALINDROME:
        return refusal(QT_TRANSLATE_NOOP("PasswordQuality", "password: the password reads the same backwards; choose one that does not."));
    case PWQ_ERROR_CRACKLIB_CHECK:
        if (isCracklibReason(cracklibReason, "error loading dictionary"))
            throw Error::internal(QCoreApplication::translate(
                "PasswordQuality", "The password dictionary cannot be loaded; install the cracklib-runtime package."));
        if (isCracklibReason(cracklibReason, "it is based on a dictionary word")
            || isCracklibReason(cracklibReason, "it is based on a (reversed) dictionary word"))
            return refusal(QT_TRANSLATE_NOOP("PasswordQuality",
                                             "password: the password is based on a dictionary word; add unrelated words, digits or signs."));
        if (isCracklibReason(cracklibReason, "it is based on your username"))
            return refusal(QT_TRANSLATE_NOOP("PasswordQuality", "password: the password must not contain the login."));
        return refusal(QT_TRANSLATE_NOOP("PasswordQuality",
                                         "password: the password is too simple or systematic (like 12345678 or abcdefgh)."));
    default:
        return refusal(QT_TRANSLATE_NOOP("PasswordQuality", "password: the password is too easy to guess; choose a longer, less regular one."));
    }
}

struct SettingsDeleter
{
    void operator()(pwquality_settings_t *settings) const { pwquality_free_settings(settings); }
};

} // namespace

void PasswordQuality::require(const QString &password, const QString &login)
{
    domain::UserRules::requireStrongPassword(password);

    // cracklib keeps state between look-ups: one check at a time in the process.
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    static const std::unique_ptr<pwquality_settings_t, SettingsDeleter> settings = [] {
        std::unique_ptr<pwquality_settings_t, SettingsDeleter> created(pwquality_default_settings());
        if (created) {
            // The length rule is the domain's (counted in characters, not UTF-8 bytes); this is
            // libpwquality's lowest minimum, so it never refuses what the domain accepted.
            pwquality_set_int_value(created.get(), PWQ_SETTING_MIN_LENGTH, 6);
            pwquality_set_int_value(created.get(), PWQ_SETTING_DICT_CHECK, 1);
            pwquality_set_int_value(created.get(), PWQ_SETTING_USER_CHECK, 1);
        }
        return created;
    }();
    if (!settings)
        throw Error::internal(QStringLiteral("libpwquality could not be initialised"));

    const QByteArray utf8 = password.toUtf8();
    const QByteArray user = login.trimmed().toLower().toUtf8();
    void *auxiliary = nullptr;
    const int verdict = pwquality_check(settings.get(), utf8.constData(), nullptr,
                                        user.isEmpty() ? nullptr : user.constData(), &auxiliary);
    // For PWQ_ERROR_CRACKLIB_CHECK the auxiliary value is cracklib's static reason text.
    const char *cracklibReason = verdict == PWQ_ERROR_CRACKLIB_CHECK ? static_cast<const char *>(auxiliary) : nullptr;
    if (verdict < 0)
        throw explain(verdict, cracklibReason);
}

} // namespace bizdesk::services
