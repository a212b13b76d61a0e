#pragma once

#include "domain/contracts/ContractRecords.h"
#include "domain/contracts/Receivables.h"

#include <QList>
#include <QString>

namespace bizdesk::storage {

class Database;

/// What happens to a contract after drafting: copies, milestones, receivables and payments,
/// change agreements, review comments, issues and satisfaction (tables contract_* of 0009).
class ContractExecutionRepository
{
public:
    explicit ContractExecutionRepository(Database &database) : m_database(database) {}

    void addCopy(qint64 contractId, const domain::ContractCopy &copy);
    QList<domain::ContractCopy> copies(qint64 contractId) const;
    /// Marks the copy acknowledged; false when it was already.
    bool acknowledge(qint64 contractId, domain::ContractCopy::Recipient recipient, domain::UserId by, const QString &at);

    qint64 addMilestone(const domain::Milestone &milestone, const QString &now, domain::UserId actor);
    QList<domain::Milestone> milestones(qint64 contractId) const;
    std::optional<domain::Milestone> milestone(qint64 id) const;
    void markMilestoneDone(qint64 id, const QDate &doneOn, domain::UserId actor);

    qint64 addReceivable(const domain::Receivable &receivable, const QString &now, domain::UserId actor);
    /// The plan with what was received against each installment.
    QList<domain::Receivable> receivables(qint64 contractId) const;
    qint64 addPayment(const domain::Payment &payment, const QString &now);
    QList<domain::Payment> payments(qint64 contractId) const;

    qint64 addChange(qint64 contractId, const domain::ChangeAgreement &agreement);
    QList<domain::ChangeAgreement> changes(qint64 contractId) const;

    qint64 addComment(qint64 contractId, const domain::ReviewComment &comment);
    QList<domain::ReviewComment> comments(qint64 contractId) const;

    qint64 addIssue(qint64 contractId, const domain::ContractIssue &issue, domain::UserId actor);
    QList<domain::ContractIssue> issues(qint64 contractId) const;
    void setSatisfaction(qint64 contractId, int score, const QString &comment, const QString &now, domain::UserId actor);
    std::optional<std::pair<int, QString>> satisfaction(qint64 contractId) const;

    /// Destruction (§5.6.3): the documents go, their names, sizes and hashes stay.
    void removeAttachmentContents(qint64 contractId);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
