#pragma once

#include "domain/entertainment/ExpenseRecords.h"

#include <QByteArray>
#include <QString>

namespace bizdesk::services {

class Session;

/// Scanned receipts of a claim (§6.4.1): checked by content and size, stored with their SHA-256.
class ExpenseReceipts
{
public:
    explicit ExpenseReceipts(Session &session) : m_session(session) {}

    /// A scanned receipt (PDF/JPEG/PNG by content, at most entertainment.receipt_max_kb).
    domain::ExpenseAttachment attachReceipt(qint64 id, const QString &fileName, const QByteArray &content);
    /// Reads the receipt at `path` (never a file of an open database, reading no more than the
    /// largest receipt allowed plus one byte) and attaches it: the GUI and the CLI both call this.
    domain::ExpenseAttachment attachReceiptFile(qint64 id, const QString &path);
    QByteArray receiptContent(qint64 attachmentId);
    /// "PDF", "JPEG" or "PNG" media type by the first bytes, empty if none of them.
    static QString sniffMediaType(const QByteArray &content);

private:
    Session &m_session;
};

} // namespace bizdesk::services
