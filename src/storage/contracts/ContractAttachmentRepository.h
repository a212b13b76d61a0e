#pragma once

#include "domain/contracts/ContractAttachment.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace bizdesk::storage {

class Database;

/// The files of contracts (table contract_attachments of 0009): metadata listed without the
/// content, content read one attachment at a time.
class ContractAttachmentRepository
{
public:
    explicit ContractAttachmentRepository(Database &database) : m_database(database) {}

    qint64 insert(const domain::ContractAttachment &attachment, const QByteArray &content);
    /// Name, kind, size and hash of each file of the contract, oldest first.
    QList<domain::ContractAttachment> list(qint64 contractId) const;
    std::optional<domain::ContractAttachment> find(qint64 id) const;
    /// The stored bytes; nothing once the contract was destroyed.
    std::optional<QByteArray> content(qint64 id) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
