#include "storage/contracts/ContractAttachmentRepository.h"

#include "storage/SqlQuery.h"

namespace bizdesk::storage {
namespace {

const QString columns = QStringLiteral(
    "id, contract_id, kind, file_name, media_type, size_bytes, sha256, uploaded_at, uploaded_by, content IS NOT NULL");

domain::ContractAttachment readAttachment(const SqlQuery &query)
{
    domain::ContractAttachment attachment;
    attachment.id = query.value(0).toLongLong();
    attachment.contractId = query.value(1).toLongLong();
    attachment.kind = domain::contractAttachmentKinds().fromName(query.value(2).toString()).value_or(domain::ContractAttachment::Kind::Document);
    attachment.fileName = query.value(3).toString();
    attachment.mediaType = query.value(4).toString();
    attachment.size = query.value(5).toLongLong();
    attachment.sha256 = query.value(6).toString();
    attachment.uploadedAt = query.value(7).toString();
    attachment.uploadedBy = query.value(8).toLongLong();
    attachment.hasContent = query.value(9).toBool();
    return attachment;
}

} // namespace

qint64 ContractAttachmentRepository::insert(const domain::ContractAttachment &attachment, const QByteArray &content)
{
    return SqlQuery(m_database, QStringLiteral("INSERT INTO contract_attachments (contract_id, kind, file_name, media_type, "
                                               "size_bytes, sha256, content, uploaded_at, uploaded_by) VALUES (:contract, :kind, "
                                               ":name, :type, :size, :sha, :content, :at, :by) RETURNING id"))
        .bind(":contract", attachment.contractId)
        .bind(":kind", domain::contractAttachmentKinds().name(attachment.kind))
        .bind(":name", attachment.fileName)
        .bind(":type", attachment.mediaType)
        .bind(":size", attachment.size)
        .bind(":sha", attachment.sha256)
        .bind(":content", content)
        .bind(":at", attachment.uploadedAt)
        .bind(":by", attachment.uploadedBy)
        .insertReturningId();
}

QList<domain::ContractAttachment> ContractAttachmentRepository::list(qint64 contractId) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contract_attachments WHERE contract_id = :contract ORDER BY id").arg(columns));
    query.bind(":contract", contractId).exec();
    QList<domain::ContractAttachment> attachments;
    while (query.next())
        attachments << readAttachment(query);
    return attachments;
}

std::optional<domain::ContractAttachment> ContractAttachmentRepository::find(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT %1 FROM contract_attachments WHERE id = :id").arg(columns));
    query.bind(":id", id).exec();
    if (!query.next())
        return std::nullopt;
    return readAttachment(query);
}

std::optional<QByteArray> ContractAttachmentRepository::content(qint64 id) const
{
    SqlQuery query(m_database, QStringLiteral("SELECT content FROM contract_attachments WHERE id = :id"));
    query.bind(":id", id).exec();
    if (!query.next() || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toByteArray();
}

} // namespace bizdesk::storage
