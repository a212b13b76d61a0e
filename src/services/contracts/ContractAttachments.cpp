#include "services/contracts/ContractAttachments.h"

#include "domain/Error.h"
#include "domain/TextRules.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/contracts/ContractAccess.h"
#include "services/policy/PolicyService.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/Transaction.h"
#include "storage/contracts/ContractAttachmentRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace bizdesk::services {
namespace {

using domain::ContractAttachment;
using domain::Error;

constexpr qint64 chunkBytes = 64 * 1024;

QString sha256Of(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

Error tooLarge(const QString &fileName, qint64 capBytes)
{
    return Error::invalid(QStringLiteral("FILE"),
                          QCoreApplication::translate("ContractAttachments", "FILE: %1 is larger than %2 MB, the most a contract "
                                                                             "attachment may be (contract.attachment_max_mb, §5.1).")
                              .arg(fileName)
                              .arg(capBytes / (1024 * 1024)),
                          QStringLiteral("5.1"));
}

Error emptyFile(const QString &fileName)
{
    return Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("ContractAttachments", "FILE: %1 is empty.").arg(fileName));
}

} // namespace

qint64 ContractAttachments::maxBytes() const
{
    return PolicyService(m_session).integer(domain::policy::contractAttachmentMaxMb) * 1024 * 1024;
}

AttachmentFile ContractAttachments::read(const QString &path) const
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("ContractAttachments", "FILE: cannot read %1 (%2).").arg(path, file.errorString()));
    const qint64 cap = maxBytes();
    AttachmentFile loaded{name, {}};
    // Counted while reading: a file that grows, a pipe or a device is stopped one chunk past the cap.
    for (;;) {
        const QByteArray chunk = file.read(chunkBytes);
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError)
                throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("ContractAttachments", "FILE: cannot read %1 (%2).").arg(path, file.errorString()));
            break;
        }
        if (loaded.content.size() + chunk.size() > cap)
            throw tooLarge(name, cap);
        loaded.content.append(chunk);
    }
    if (loaded.content.isEmpty())
        throw emptyFile(name);
    return loaded;
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
    if (file.content.isEmpty())
        throw emptyFile(file.fileName);
    if (file.content.size() > maxBytes())
        throw tooLarge(file.fileName, maxBytes());
    ContractAttachment attachment;
    attachment.contractId = contractId;
    attachment.kind = kind;
    attachment.fileName = domain::TextRules::required(QStringLiteral("FILE"), QFileInfo(file.fileName).fileName(), domain::TextKind::Line);
    attachment.mediaType = QMimeDatabase().mimeTypeForFileNameAndData(attachment.fileName, file.content).name();
    attachment.size = file.content.size();
    attachment.sha256 = sha256Of(file.content);
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
    if (content->size() != found->size || sha256Of(*content) != found->sha256)
        throw Error::conflict(QCoreApplication::translate("ContractAttachments", "%1 no longer matches the SHA-256 recorded when it was attached; the stored copy was changed "
                                 "outside BizDesk.")
                                  .arg(found->fileName));
    if (attachment)
        *attachment = *found;
    return *content;
}

ContractAttachment ContractAttachments::saveTo(qint64 attachmentId, const QString &path) const
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("out"));
    ContractAttachment attachment;
    const QByteArray bytes = content(attachmentId, &attachment);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error::invalid(QStringLiteral("out"), QCoreApplication::translate("ContractAttachments", "out: cannot write %1 (%2).").arg(path, file.errorString()));
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
