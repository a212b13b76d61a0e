#include "domain/contracts/ContractRecords.h"

#include "domain/Error.h"
#include "domain/NamedValues.h"
#include "domain/TextRules.h"

#include <array>

namespace bizdesk::domain {
namespace {

constexpr std::array<NamedValue<Milestone::Kind>, 3> milestoneKinds{{
    {Milestone::Kind::Delivery, "delivery", QT_TRANSLATE_NOOP("Milestone", "Delivery")},
    {Milestone::Kind::Acceptance, "acceptance", QT_TRANSLATE_NOOP("Milestone", "Acceptance")},
    {Milestone::Kind::Payment, "payment", QT_TRANSLATE_NOOP("Milestone", "Payment")},
}};

constexpr std::array<NamedValue<ContractCopy::Recipient>, 3> copyRecipients{{
    {ContractCopy::Recipient::Legal, "legal", QT_TRANSLATE_NOOP("ContractCopy", "Legal")},
    {ContractCopy::Recipient::Finance, "finance", QT_TRANSLATE_NOOP("ContractCopy", "Finance")},
    {ContractCopy::Recipient::Delivery, "delivery", QT_TRANSLATE_NOOP("ContractCopy", "Delivery department")},
}};

const NamedValues<Milestone::Kind> &kinds()
{
    static const NamedValues<Milestone::Kind> values(milestoneKinds, "Milestone");
    return values;
}

const NamedValues<ContractCopy::Recipient> &recipients()
{
    static const NamedValues<ContractCopy::Recipient> values(copyRecipients, "ContractCopy");
    return values;
}

void requireDate(const char *field, const QDate &date, const char *clause)
{
    if (!date.isValid())
        throw Error::invalid(QString::fromLatin1(field),
                             QCoreApplication::translate("Contract", "%1: a date (YYYY-MM-DD) is required (§%2).")
                                 .arg(QString::fromLatin1(field), QString::fromLatin1(clause)),
                             QString::fromLatin1(clause));
}

} // namespace

QString Milestone::kindName(Kind kind) { return kinds().name(kind); }
std::optional<Milestone::Kind> Milestone::kindFromName(const QString &name) { return kinds().fromName(name); }
QString Milestone::kindDisplayName(Kind kind) { return kinds().display(kind); }

Milestone::Kind Milestone::parseKind(const QString &name)
{
    const auto kind = kindFromName(name.trimmed());
    if (!kind)
        throw Error::invalid(QStringLiteral("kind"), QCoreApplication::translate("Contract", "kind: \"%1\" is not one of %2 (§5.4.1).")
                                                         .arg(name, kinds().namesJoined()),
                             QStringLiteral("5.4.1"));
    return *kind;
}

QString ContractCopy::recipientName(Recipient recipient) { return recipients().name(recipient); }
std::optional<ContractCopy::Recipient> ContractCopy::recipientFromName(const QString &name) { return recipients().fromName(name); }
QString ContractCopy::recipientDisplayName(Recipient recipient) { return recipients().display(recipient); }

void ContractRecordRules::validate(const Signing &signing)
{
    requireDate("date", signing.date, "5.3.1");
    if (signing.ourSignatory <= 0)
        throw Error::invalid(QStringLiteral("our_signatory"),
                             QCoreApplication::translate("Contract", "our_signatory: the authorised person who signed for us is "
                                                                     "required (§5.3.1)."),
                             QStringLiteral("5.3.1"));
    if (TextRules::clean(QStringLiteral("their_signatory"), signing.theirSignatory, TextKind::Name).isEmpty())
        throw Error::invalid(QStringLiteral("their_signatory"),
                             QCoreApplication::translate("Contract", "their_signatory: the customer's signatory is required "
                                                                     "(§5.3.1)."),
                             QStringLiteral("5.3.1"));
}

void ContractRecordRules::validate(ChangeAgreement &agreement)
{
    agreement.content = TextRules::clean(QStringLiteral("content"), agreement.content, TextKind::Notes);
    agreement.reason = TextRules::clean(QStringLiteral("reason"), agreement.reason, TextKind::Notes);
    if (agreement.content.isEmpty())
        throw Error::invalid(QStringLiteral("content"),
                             QCoreApplication::translate("Contract", "content: a change agreement states what changes (§5.5.2)."),
                             QStringLiteral("5.5.2"));
    if (agreement.reason.isEmpty())
        throw Error::invalid(QStringLiteral("reason"),
                             QCoreApplication::translate("Contract", "reason: a change agreement states why (§5.5.2)."),
                             QStringLiteral("5.5.2"));
    requireDate("effective", agreement.effective, "5.5.2");
}

void ContractRecordRules::validate(Termination &termination)
{
    termination.reason = TextRules::clean(QStringLiteral("reason"), termination.reason, TextKind::Notes);
    termination.legalBasis = TextRules::clean(QStringLiteral("legal_basis"), termination.legalBasis, TextKind::Notes);
    termination.settlement = TextRules::clean(QStringLiteral("settlement"), termination.settlement, TextKind::Notes);
    if (termination.reason.isEmpty())
        throw Error::invalid(QStringLiteral("reason"),
                             QCoreApplication::translate("Contract", "reason: a termination states its reason (§5.5.3)."),
                             QStringLiteral("5.5.3"));
    requireDate("notice_date", termination.noticeDate, "5.5.3");
}

void ContractRecordRules::validate(ArchiveRecord &record)
{
    record.archiveNumber = TextRules::required(QStringLiteral("archive_number"), record.archiveNumber, TextKind::ShortText);
    record.location = TextRules::required(QStringLiteral("location"), record.location, TextKind::Line);
    requireDate("date", record.archivedOn, "5.6.2");
}

void ContractRecordRules::validateSatisfaction(int score)
{
    if (score < 1 || score > 5)
        throw Error::invalid(QStringLiteral("score"),
                             QCoreApplication::translate("Contract", "score: customer satisfaction is a whole number from 1 to 5 "
                                                                     "(§5.4.3)."),
                             QStringLiteral("5.4.3"));
}

} // namespace bizdesk::domain
