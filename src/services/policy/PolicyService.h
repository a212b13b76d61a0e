#pragma once

#include "domain/Money.h"
#include "domain/policy/PolicyCatalog.h"
#include "storage/policy/PolicyRepository.h"

#include <QList>

namespace bizdesk::services {

class Session;

struct PolicySetting
{
    const domain::PolicyDefinition *definition = nullptr;
    QString value;
    bool isDefault = true;
};

/// One setting to change, as typed.
struct PolicyAssignment
{
    QString key;
    QString value;
};

/// Reads and changes the policy settings (§1.3). Reading is open to every logged-in user (the
/// rules are what everybody works by); changing them is the director's.
class PolicyService
{
public:
    explicit PolicyService(Session &session) : m_session(session) {}

    QList<PolicySetting> settings() const;
    QString text(const QString &key) const;
    qint64 integer(const QString &key) const;
    domain::Money money(const QString &key) const;
    int currentVersion() const;
    /// Validates by type and range; throws invalid naming the key and clause. Returns the new version
    /// (the current one, with nothing written, when the value is already in force).
    int set(const QString &key, const QString &value);
    /// Several settings as one change, all or nothing: rules across settings (the appraisal
    /// weights add up to 100, §2.4.3) are checked on the result, so two weights move together.
    /// Each changed key gets its own version and history row; returns the last version.
    int set(const QList<PolicyAssignment> &changes);
    /// The versioned changes (newest first), for everybody who may read the rules; `key` filters.
    QList<storage::PolicyChange> history(const QString &key = {}, int limit = 1000) const;

private:
    Session &m_session;
};

} // namespace bizdesk::services
