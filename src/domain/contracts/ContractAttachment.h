#pragma once

#include "domain/NamedValues.h"
#include "domain/contracts/ContractWorkflow.h"
#include "domain/identity/User.h"

#include <QString>

namespace bizdesk::domain {

/// A file kept with a contract (§5.6.1: originals, annexes, change and termination agreements).
/// The content lives in the database; destruction (§5.6.3) removes it and keeps the rest.
struct ContractAttachment
{
    enum class Kind { Document, Annex, SignedScan, ChangeScan, Termination };
    qint64 id = 0;
    qint64 contractId = 0;
    Kind kind = Kind::Document;
    QString fileName;  ///< the base name only, as uploaded
    QString mediaType; ///< by content
    qint64 size = 0;   ///< bytes actually read
    QString sha256;    ///< lower-case hex of the content
    QString uploadedAt;
    UserId uploadedBy = 0;
    bool hasContent = true; ///< false once the contract was destroyed
};
const NamedValues<ContractAttachment::Kind> &contractAttachmentKinds();

class ContractAttachmentRules
{
public:
    /// Whether a file of `kind` may be added to a contract in `state`: the document and annexes
    /// while the contract is alive, scans of the signed contract and of change agreements once it
    /// was signed, the termination agreement once it was terminated.
    static bool allowedIn(ContractAttachment::Kind kind, ContractState state);
    /// The kind named `name` or invalid("kind") listing the names.
    static ContractAttachment::Kind parseKind(const QString &name);
};

} // namespace bizdesk::domain
