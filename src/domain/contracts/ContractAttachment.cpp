#include "domain/contracts/ContractAttachment.h"

#include "domain/Error.h"

#include <array>

namespace bizdesk::domain {
namespace {

using Kind = ContractAttachment::Kind;

constexpr std::array<NamedValue<Kind>, 5> kindTable{{
    {Kind::Document, "document", QT_TRANSLATE_NOOP("ContractAttachment", "Contract document")},
    {Kind::Annex, "annex", QT_TRANSLATE_NOOP("ContractAttachment", "Annex")},
    {Kind::SignedScan, "signed_scan", QT_TRANSLATE_NOOP("ContractAttachment", "Signed scan")},
    {Kind::ChangeScan, "change_scan", QT_TRANSLATE_NOOP("ContractAttachment", "Change agreement scan")},
    {Kind::Termination, "termination", QT_TRANSLATE_NOOP("ContractAttachment", "Termination agreement")},
}};

} // namespace

const NamedValues<ContractAttachment::Kind> &contractAttachmentKinds()
{
    static const NamedValues<Kind> values(kindTable, "ContractAttachment");
    return values;
}

bool ContractAttachmentRules::allowedIn(Kind kind, ContractState state)
{
    using S = ContractState;
    const bool signedOnce = state == S::Effective || state == S::Completed || state == S::Terminated;
    switch (kind) {
    case Kind::Document:
    case Kind::Annex: return state != S::Withdrawn && state != S::Archived && state != S::Destroyed;
    case Kind::SignedScan:
    case Kind::ChangeScan: return signedOnce;
    case Kind::Termination: return state == S::Terminated;
    }
    return false;
}

Kind ContractAttachmentRules::parseKind(const QString &name)
{
    const auto kind = contractAttachmentKinds().fromName(name.trimmed());
    if (!kind)
        throw Error::invalid(QStringLiteral("kind"), QCoreApplication::translate("ContractAttachment", "kind: \"%1\" is not one of %2.")
                                                         .arg(name, contractAttachmentKinds().namesJoined()));
    return *kind;
}

} // namespace bizdesk::domain
