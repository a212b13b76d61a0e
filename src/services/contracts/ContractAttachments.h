#pragma once

#include "domain/contracts/Contract.h"
#include "domain/contracts/ContractAttachment.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/files/StoredFiles.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// The files kept with a contract (§5.1, §5.3, §5.5, §5.6.1): stored in the database with their
/// SHA-256, at most contract.attachment_max_mb each, checked against the hash whenever they are
/// read back. Each attachment is one audited transaction; refused ones write nothing.
class ContractAttachments
{
public:
    explicit ContractAttachments(Session &session) : m_session(session) {}

    /// Reads `path` in chunks, stopping (invalid("FILE"), naming the file and the limit) as soon as
    /// more than the cap was read; refuses files of an open database and empty files.
    AttachmentFile read(const QString &path) const;
    domain::ContractAttachment attach(qint64 contractId, const AttachmentFile &file, domain::ContractAttachment::Kind kind);
    domain::ContractAttachment attachFile(qint64 contractId, const QString &path, domain::ContractAttachment::Kind kind);
    QList<domain::ContractAttachment> list(qint64 contractId) const;
    /// The stored bytes after checking them against the recorded SHA-256 and size (conflict when
    /// they differ or the contract was destroyed, §5.6.3).
    QByteArray content(qint64 attachmentId, domain::ContractAttachment *attachment = nullptr) const;
    /// content() written to `path` (atomically); the attachment's record.
    domain::ContractAttachment saveTo(qint64 attachmentId, const QString &path) const;
    /// Whether the session's user may attach a file of `kind` to `contract` now.
    bool mayAttach(const domain::Contract &contract, domain::ContractAttachment::Kind kind) const;
    /// contract.attachment_max_mb.
    FileCap cap() const;

    /// Signing (§5.3) and the signed scan, in one transaction.
    domain::Contract signWithScan(qint64 id, const SigningInput &input, const QString &scanPath, std::optional<int> seen = std::nullopt);
    /// A change agreement (§5.5) and its signed scan, in one transaction.
    domain::Contract changeWithScan(qint64 id, const ChangeInput &input, const QString &scanPath, std::optional<int> seen = std::nullopt);

private:
    Session &m_session;
};

} // namespace bizdesk::services
