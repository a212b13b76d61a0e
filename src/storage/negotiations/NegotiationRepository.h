#pragma once

#include "domain/negotiations/Negotiation.h"
#include "storage/customers/CustomerRepository.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::storage {

class Database;

/// Which negotiations a list shows: a window of `limit` rows below `beforeId` (keyset paging,
/// newest first), each filter backed by an index of 0010_negotiations.sql.
struct NegotiationFilter
{
    std::optional<domain::NegotiationStage> stage;
    std::optional<qint64> customer;
    std::optional<domain::NegotiationLevel> importance;
    std::optional<domain::UserId> member; ///< "mine": negotiations with this person on the team
    /// Visibility: negotiations of customers in `customerScope` (the customers' own rule), plus
    /// those with `alsoFor` on the team, as creator or as a summary recipient.
    CustomerScope customerScope;
    std::optional<domain::UserId> alsoFor;
    std::optional<domain::DepartmentId> alsoForDepartment;
    std::optional<qint64> beforeId;
    int limit = 200;
};

/// A row of the negotiation list.
struct NegotiationRow
{
    qint64 id = 0;
    QString title;
    qint64 customerId = 0;
    QString customerName;
    domain::NegotiationStage stage = domain::NegotiationStage::Preparation;
    domain::NegotiationLevel importance = domain::NegotiationLevel::Medium;
    QString leadName;
    std::optional<domain::UserId> leadId;
    QDate plannedEnd;
    std::optional<domain::Money> latestAmount;
    bool closed = false;
    int version = 1;
};

/// Negotiations and their teams (tables negotiations, negotiation_members).
class NegotiationRepository
{
public:
    explicit NegotiationRepository(Database &database) : m_database(database) {}

    qint64 insert(const domain::Negotiation &negotiation, const QString &now, domain::UserId actor);
    /// Writes every column; conflict when the row is no longer at `negotiation.version`.
    void update(const domain::Negotiation &negotiation, const QString &now, domain::UserId actor);
    std::optional<domain::Negotiation> find(qint64 id) const;
    domain::Negotiation require(qint64 id) const;
    QList<NegotiationRow> list(const NegotiationFilter &filter) const;
    /// Open or unsubmitted negotiations with `person` on the team (My Tasks), at most `limit`.
    QList<qint64> ofTeamMember(domain::UserId person, int limit) const;
    /// Closed negotiations (summary submitted), newest first, for the capture figures per lead.
    QList<qint64> closedIds(int limit) const;

    QList<domain::TeamMember> team(qint64 negotiationId) const;
    void setMember(qint64 negotiationId, const domain::TeamMember &member);
    void removeMember(qint64 negotiationId, domain::UserId person);

private:
    Database &m_database;
};

} // namespace bizdesk::storage
