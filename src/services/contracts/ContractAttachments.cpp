#include "services/contracts/ContractAttachments.h"

#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/contracts/ContractAccess.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/contracts/ContractAttachmentRepository.h"

#include <QCoreApplication>

namespace bizdesk::services {
namespace {

using domain::ContractAttachment;
using domain::Error;

} // namespace

FileCap ContractAttachments::cap() const
{
    return {PolicyService(m_session).integer(domain::policy::contractAttachmentMaxMb) * 1024 * 1024, domain::policy::contractAttachmentMaxMb,
            QStringLiteral("5.1")};
}

AttachmentFile ContractAttachments::read(const QString &path) const
{
    return StoredFiles::read(path, cap());
}

bool ContractAttachments::mayAttach(const domain::Contract &contract, ContractAttachment::Kind kind) const
{
    const ContractAccess access(m_session);
    // Legal keeps the archive (§5.6.1); the people responsible for the contract keep its papers.
    return domain::ContractAttachmentRules::allowedIn(kind, contract.state)
        && (access.isResponsible(contract) || m_session.user().roles.has(domain::Role::Legal));
}

ContractAttachment ContractAttachments::attach(qint64 contractId, const AttachmentFile &file, ContractAttachment::Kind kind)
{
    storage::Transaction transaction(m_session.database());
    const ContractAccess access(m_session);
    const domain::Contract contract = access.requireVisible(contractId);
    if (!domain::ContractAttachmentRules::allowedIn(kind, contract.state))
        throw Error::conflict(QCoreApplication::translate("ContractAttachments", "%1 is %2: a file of the kind \"%3\" cannot be attached now.")
                                  .arg(ContractAccess::label(contract), domain::contractStates().display(contract.state),
                                       domain::contractAttachmentKinds().display(kind)));
    if (!mayAttach(contract, kind))
        throw Error::denied(QCoreApplication::translate("ContractAttachments", "%1 may not attach files to %2.").arg(m_session.user().displayName, ContractAccess::label(contract)),
                            QStringLiteral("5"));
    const StoredFileFacts facts = StoredFiles::describe(file, cap());
    ContractAttachment attachment;
    attachment.contractId = contractId;
    attachment.kind = kind;
    attachment.fileName = facts.fileName;
    attachment.mediaType = facts.mediaType;
    attachment.size = facts.size;
    attachment.sha256 = facts.sha256;
    attachment.uploadedAt = m_session.timestamp();
    attachment.uploadedBy = m_session.userId();
    attachment.id = storage::ContractAttachmentRepository(m_session.database()).insert(attachment, file.content);
    AuditTrail(m_session).record(QStringLiteral("contract.attach"), contractEntity, contractId, {},
                                 {{QStringLiteral("attachment"), attachment.id},
                                  {QStringLiteral("kind"), domain::contractAttachmentKinds().name(kind)},
                                  {QStringLiteral("file"), attachment.fileName},
                                  {QStringLiteral("size"), attachment.size},
                                  {QStringLiteral("sha256"), attachment.sha256}});
    transaction.commit();
    return attachment;
}

ContractAttachment ContractAttachments::attachFile(qint64 contractId, const QString &path, ContractAttachment::Kind kind)
{
    return attach(contractId, read(path), kind);
}

QList<ContractAttachment> ContractAttachments::list(qint64 contractId) const
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    ContractAccess(m_session).requireVisible(contractId);
    QList<ContractAttachment> attachments = storage::ContractAttachmentRepository(m_session.database()).list(contractId);
    transaction.commit();
    return attachments;
}

QByteArray ContractAttachments::content(qint64 attachmentId, ContractAttachment *attachment) const
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ContractAttachmentRepository repository(m_session.database());
    const auto found = repository.find(attachmentId);
    const auto notFound = [&] {
        return Error::notFound(QCoreApplication::translate("ContractAttachments", "There is no contract attachment #%1.").arg(attachmentId));
    };
    if (!found)
        throw notFound();
    try {
        ContractAccess(m_session).requireVisible(found->contractId);
    } catch (const Error &) {
        throw notFound(); // the attachment's existence does not leak either
    }
    const auto content = repository.content(attachmentId);
    transaction.commit();
    if (!content)
        throw Error::conflict(QCoreApplication::translate("ContractAttachments", "%1 was destroyed after its retention period (§5.6.3); only its name, size and SHA-256 are kept.")
                                  .arg(found->fileName),
                              QStringLiteral("5.6.3"));
    StoredFiles::verify(found->fileName, *content, found->size, found->sha256);
    if (attachment)
        *attachment = *found;
    return *content;
}

ContractAttachment ContractAttachments::saveTo(qint64 attachmentId, const QString &path) const
{
    ContractAttachment attachment;
    StoredFiles::save(content(attachmentId, &attachment), path);
    return attachment;
}

domain::Contract ContractAttachments::signWithScan(qint64 id, const SigningInput &input, const QString &scanPath,
                                                   std::optional<int> seen)
{
    const AttachmentFile scan = read(scanPath); // before anything is written
    storage::Transaction transaction(m_session.database());
    const domain::Contract signedContract = ContractExecutionService(m_session).sign(id, input, seen);
    attach(id, scan, ContractAttachment::Kind::SignedScan);
    transaction.commit();
    return signedContract;
}

domain::Contract ContractAttachments::changeWithScan(qint64 id, const ChangeInput &input, const QString &scanPath,
                                                     std::optional<int> seen)
{
    const AttachmentFile scan = read(scanPath);
    storage::Transaction transaction(m_session.database());
    const domain::Contract changed = ContractExecutionService(m_session).change(id, input, seen);
    attach(id, scan, ContractAttachment::Kind::ChangeScan);
    transaction.commit();
    return changed;
}

} // namespace bizdesk::services
