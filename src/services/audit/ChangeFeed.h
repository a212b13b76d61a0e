#pragma once

#include <QObject>

namespace bizdesk::services {

/// Tells whoever shows data that something was saved. Each Session owns one; AuditTrail feeds it
/// after the transaction that appended an audit entry has committed — every change is audited,
/// so every change is announced, without each service having to remember it.
class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void announce(qint64 auditId) { emit changed(auditId); }

signals:
    /// A change was committed; `auditId` is the audit entry that recorded it.
    void changed(qint64 auditId);
};

} // namespace bizdesk::services
