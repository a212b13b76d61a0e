#pragma once

#include "domain/approval/Route.h"

#include <QList>
#include <QString>

namespace bizdesk::storage {

class Database;

/// Approval routes stored with their record (tables approval_steps, approval_step_approvers).
class RouteRepository
{
public:
    explicit RouteRepository(Database &database) : m_database(database) {}

    /// Replaces the stored route of the record.
    void replace(const QString &entityKind, qint64 entityId, const domain::Route &route);
    /// Writes the decisions and statuses after a decision on step `decidedStep` of a route
    /// previously loaded or replaced (same shape): that step and the one after it.
    void saveProgress(const QString &entityKind, qint64 entityId, const domain::Route &route, int decidedStep);
    domain::Route load(const QString &entityKind, qint64 entityId) const;
    void remove(const QString &entityKind, qint64 entityId);
    /// Records of `entityKind` whose current step waits for an undecided decision by one of `people`.
    QList<qint64> waitingFor(const QString &entityKind, const QList<domain::UserId> &people) const;

private:
    Database &m_database;
};

} // namespace bizdesk::storage
