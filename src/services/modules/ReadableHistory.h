#pragma once

#include "services/modules/ModuleId.h"
#include "services/modules/RecordRef.h"

#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// One audit entry as a reader sees it: people by display name, the action, state names and
/// field labels translated by the module that recorded them (its descriptor's audit labels).
struct HistoryLine
{
    qint64 entryId = 0;
    QDateTime at; ///< UTC
    QString who;
    QString onBehalfOf;
    QString action;    ///< translated ("Approved")
    QString actionKey; ///< as recorded ("expense.approve"), for tooltips
    QString change;    ///< "guests: 王总 → 王总, 李经理; state: Draft → Pending department review"
};

/// Turns a record's audit history into readable lines. Reading it is an auditor's right
/// (Action::ReadAudit, checked by AuditTrail::history).
class ReadableHistory
{
public:
    explicit ReadableHistory(Session &session) : m_session(session) {}

    /// Newest first.
    QList<HistoryLine> of(const RecordRef &record);
    /// The changed fields of one entry; `owner` is the module that recorded it (its labels first).
    QString describeChange(const QString &beforeJson, const QString &afterJson, std::optional<ModuleId> owner = std::nullopt);

private:
    QString valueText(const QString &key, const QJsonValue &value, std::optional<ModuleId> owner);
    QString fieldLabel(const QString &key, std::optional<ModuleId> owner) const;
    QString personName(qint64 id);
    QString personNameByLogin(const QString &login);
    void loadNames();

    Session &m_session;
    bool m_namesLoaded = false;
    QHash<qint64, QString> m_people;
    QHash<QString, QString> m_peopleByLogin;
    QHash<qint64, QString> m_departments;
};

} // namespace bizdesk::services
