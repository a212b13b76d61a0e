#include "domain/customers/CustomerTexts.h"

#include "domain/Error.h"
#include "domain/TextRules.h"

#include <QCoreApplication>

namespace bizdesk::domain {
namespace {

/// Cleaned text that must not be empty; `message` is the translated refusal.
QString requiredText(const QString &field, const QString &text, TextKind kind, const QString &message, const QString &clause = {})
{
    const QString cleaned = TextRules::clean(field, text, kind);
    if (cleaned.isEmpty())
        throw Error::invalid(field, message, clause);
    return cleaned;
}

} // namespace

CustomerContact CustomerTexts::contact(CustomerContact contact)
{
    contact.name = requiredText(QStringLiteral("contact_name"), contact.name, TextKind::Name,
                                QCoreApplication::translate("Customers", "contact_name: the contact person's name is required."));
    contact.title = TextRules::clean(QStringLiteral("contact_title"), contact.title, TextKind::ShortText);
    contact.phone = UserRules::normalisePhone(QStringLiteral("contact_phone"), contact.phone);
    contact.email = UserRules::normaliseEmail(QStringLiteral("contact_email"), contact.email);
    contact.wechat = TextRules::clean(QStringLiteral("contact_wechat"), contact.wechat, TextKind::ShortText);
    contact.notes = TextRules::clean(QStringLiteral("contact_notes"), contact.notes, TextKind::Notes);
    return contact;
}

std::optional<CustomerContact> CustomerTexts::firstContact(const QString &name, const QString &phone, const QString &email)
{
    if (name.trimmed().isEmpty())
        return std::nullopt;
    CustomerContact contact;
    contact.name = name;
    contact.phone = phone;
    contact.email = email;
    return CustomerTexts::contact(contact);
}

QString CustomerTexts::logNote(const QString &note)
{
    return requiredText(QStringLiteral("note"), note, TextKind::Notes,
                        QCoreApplication::translate("Customers", "note: every contact record needs a note (§3.2.3)."), QStringLiteral("3.2.3"));
}

QString CustomerTexts::notes(const QString &field, const QString &text)
{
    return TextRules::clean(field, text, TextKind::Notes);
}

QString CustomerTexts::reason(const QString &reason)
{
    return TextRules::clean(QStringLiteral("reason"), reason, TextKind::Notes);
}

EventTexts CustomerTexts::event(const QString &title, const QString &place, const QString &notes)
{
    return {requiredText(QStringLiteral("title"), title, TextKind::Title,
                         QCoreApplication::translate("Customers", "title: a customer event needs a title.")),
            TextRules::clean(QStringLiteral("place"), place, TextKind::Line), TextRules::clean(QStringLiteral("notes"), notes, TextKind::Notes)};
}

SegmentTexts CustomerTexts::segment(const QString &name, const QString &traits, const QString &strategy)
{
    return {requiredText(QStringLiteral("name"), name, TextKind::Label,
                         QCoreApplication::translate("Customers", "name: a target segment needs a name (§3.1.2)."), QStringLiteral("3.1.2")),
            TextRules::clean(QStringLiteral("traits"), traits, TextKind::Notes), TextRules::clean(QStringLiteral("strategy"), strategy, TextKind::Notes)};
}

ResearchTexts CustomerTexts::research(const QString &topic, const QString &findings, const QString &competitors)
{
    return {requiredText(QStringLiteral("topic"), topic, TextKind::Title,
                         QCoreApplication::translate("Customers", "topic: a market research record needs a topic (§3.1.1)."), QStringLiteral("3.1.1")),
            TextRules::clean(QStringLiteral("findings"), findings, TextKind::Notes),
            TextRules::clean(QStringLiteral("competitors"), competitors, TextKind::Notes)};
}

WinBackTexts CustomerTexts::winBack(const QString &cause, const QString &measures)
{
    return {requiredText(QStringLiteral("cause"), cause, TextKind::Notes,
                         QCoreApplication::translate("Customers", "cause: say why the customer is at risk (§3.2.4)."), QStringLiteral("3.2.4")),
            requiredText(QStringLiteral("measures"), measures, TextKind::Notes,
                         QCoreApplication::translate("Customers", "measures: say what will win the customer back, e.g. discount, better service, more contact (§3.2.4)."),
                         QStringLiteral("3.2.4"))};
}

} // namespace bizdesk::domain
