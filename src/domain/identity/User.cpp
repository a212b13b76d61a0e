#include "domain/identity/User.h"

#include "domain/Error.h"
#include "domain/TextRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace bizdesk::domain {
namespace {

} // namespace

QString UserRules::normaliseLogin(const QString &login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,31}$"));
    const QString normalised = TextRules::clean(QStringLiteral("login"), login, TextKind::Login).toLower();
    if (normalised.isEmpty())
        throw Error::invalid(QStringLiteral("login"), QCoreApplication::translate("UserRules", "login: the login is required."));
    if (!pattern.match(normalised).hasMatch())
        throw Error::invalid(QStringLiteral("login"),
                             QCoreApplication::translate("UserRules", "login: \"%1\" is not a valid login; use 2–32 letters, digits, dots, dashes or "
                                "underscores, starting with a letter or digit.")
                                 .arg(login));
    return normalised;
}

QString UserRules::requireDisplayName(const QString &name)
{
    const QString trimmed = TextRules::clean(QStringLiteral("name"), name, TextKind::Name);
    if (trimmed.isEmpty())
        throw Error::invalid(QStringLiteral("name"), QCoreApplication::translate("UserRules", "name: the name is required."));
    return trimmed;
}

void UserRules::requireLoginText(const QString &login)
{
    TextRules::clean(QStringLiteral("login"), login, TextKind::Login);
}

QString UserRules::requireDepartmentName(const QString &name)
{
    const QString trimmed = TextRules::clean(QStringLiteral("name"), name, TextKind::Label);
    if (trimmed.isEmpty())
        throw Error::invalid(QStringLiteral("name"), QCoreApplication::translate("IdentityService", "name: the department name is required."));
    return trimmed;
}

void UserRules::requireStrongPassword(const QString &password)
{
    if (password.size() < minimumPasswordLength)
        throw Error::invalid(QStringLiteral("password"),
                             QCoreApplication::translate("UserRules", "password: the password must have at least %1 characters.").arg(minimumPasswordLength));
    if (password.trimmed().isEmpty())
        throw Error::invalid(QStringLiteral("password"), QCoreApplication::translate("UserRules", "password: the password cannot be only spaces."));
}

QString UserRules::normaliseEmail(const QString &field, const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString trimmed = TextRules::clean(field, email, TextKind::Email);
    if (!trimmed.isEmpty() && !pattern.match(trimmed).hasMatch())
        throw Error::invalid(field, QCoreApplication::translate("UserRules", "%1: \"%2\" is not a valid e-mail address.").arg(field, email));
    return trimmed.toLower();
}

QString UserRules::normalisePhone(const QString &field, const QString &phone)
{
    static const QRegularExpression allowed(QStringLiteral("^\\+?[0-9 ()\\-]{5,30}$"));
    const QString trimmed = TextRules::clean(field, phone, TextKind::Phone);
    if (trimmed.isEmpty())
        return trimmed;
    int digits = 0;
    for (QChar c : trimmed) {
        if (c.isDigit())
            ++digits;
    }
    if (!allowed.match(trimmed).hasMatch() || digits < 5 || digits > 20)
        throw Error::invalid(field, QCoreApplication::translate("UserRules", "%1: \"%2\" is not a valid phone number.").arg(field, phone));
    return trimmed;
}

} // namespace bizdesk::domain
