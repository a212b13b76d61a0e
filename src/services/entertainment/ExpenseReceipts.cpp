#include "services/entertainment/ExpenseReceipts.h"

#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/entertainment/ExpenseAccess.h"
#include "services/entertainment/ExpenseViews.h"
#include "services/policy/PolicyService.h"
#include "storage/OpenDatabaseFiles.h"
#include "storage/Transaction.h"
#include "storage/entertainment/ExpenseRepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace bizdesk::services {

using domain::Error;
using domain::ExpenseRequest;

QString ExpenseReceipts::sniffMediaType(const QByteArray &content)
{
    if (content.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (content.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (content.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    return {};
}

domain::ExpenseAttachment ExpenseReceipts::attachReceiptFile(qint64 id, const QString &path)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("EntertainmentCommands", "FILE: cannot read %1 (%2).")
                                                         .arg(path, file.errorString()));
    // One byte past the size cap is enough for attachReceipt to refuse an oversized file.
    const qint64 cap = PolicyService(m_session).integer(domain::policy::entertainmentReceiptMaxKb) * 1024 + 1;
    return attachReceipt(id, path, file.read(cap));
}

domain::ExpenseAttachment ExpenseReceipts::attachReceipt(qint64 id, const QString &fileName, const QByteArray &content)
{
    m_session.require(domain::Action::ApplyEntertainment);
    const QString mediaType = sniffMediaType(content);
    if (mediaType.isEmpty())
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("EntertainmentService",
                                                                                 "FILE: a receipt must be a PDF, JPEG or PNG "
                                                                                 "file (§6.4.1)."),
                             QStringLiteral("6.4.1"));
    storage::Transaction transaction(m_session.database());
    const qint64 maxKb = PolicyService(m_session).integer(domain::policy::entertainmentReceiptMaxKb);
    if (content.size() > maxKb * 1024)
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("EntertainmentService",
                                                                                 "FILE: the receipt is %1 KB; at most %2 KB "
                                                                                 "are accepted (§6.4.1).")
                                                         .arg((content.size() + 1023) / 1024)
                                                         .arg(maxKb),
                             QStringLiteral("6.4.1"));
    storage::ExpenseRepository repository(m_session.database());
    const ExpenseRequest request = repository.require(id);
    ExpenseAccess(m_session).requireApplicant(request);
    if (!domain::ExpenseWorkflow::allows(request.state, domain::ExpenseAction::AttachReceipt))
        throw Error::conflict(QCoreApplication::translate("EntertainmentService",
                                                          "Receipts belong to the claim: request #%1 is %2, not approved.")
                                  .arg(id)
                                  .arg(domain::expenseStateDisplayName(request.state)),
                              QStringLiteral("6.4.1"));
    domain::ExpenseAttachment attachment;
    attachment.requestId = id;
    attachment.fileName = QFileInfo(fileName).fileName().left(255);
    attachment.mediaType = mediaType;
    attachment.size = content.size();
    attachment.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    attachment.uploadedAt = m_session.timestamp();
    attachment.uploadedBy = m_session.userId();
    attachment.id = repository.insertAttachment(attachment, content);
    AuditTrail(m_session).record(QStringLiteral("expense.attach"), expenseEntity, id, {},
                                 {{QStringLiteral("attachment"), attachment.id},
                                  {QStringLiteral("file"), attachment.fileName},
                                  {QStringLiteral("sha256"), attachment.sha256},
                                  {QStringLiteral("size"), attachment.size}});
    transaction.commit();
    return attachment;
}

QByteArray ExpenseReceipts::receiptContent(qint64 attachmentId)
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    storage::ExpenseRepository repository(m_session.database());
    qint64 requestId = 0;
    const QByteArray content = repository.attachmentContent(attachmentId, &requestId);
    ExpenseAccess(m_session).requireVisible(repository.require(requestId));
    transaction.commit();
    return content;
}

} // namespace bizdesk::services
