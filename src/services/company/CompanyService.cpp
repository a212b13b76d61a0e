#include "services/company/CompanyService.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "storage/Transaction.h"
#include "storage/company/CompanyRepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace bizdesk::services {
namespace {

QJsonObject auditJson(const domain::CompanyProfile &profile)
{
    return {{QStringLiteral("name"), profile.name},
            {QStringLiteral("address"), profile.address},
            {QStringLiteral("phone"), profile.phone},
            {QStringLiteral("time_zone"), profile.timeZone},
            {QStringLiteral("version"), profile.version}};
}

} // namespace

domain::CompanyProfile CompanyService::profile() const
{
    return storage::CompanyRepository(m_session.database()).load();
}

domain::CompanyProfile CompanyService::update(const domain::CompanyProfile &changed)
{
    m_session.require(domain::Action::ManageDatabase);
    domain::CompanyProfile profile = domain::CompanyRules::validated(changed);
    storage::Transaction transaction(m_session.database());
    storage::CompanyRepository repository(m_session.database());
    const domain::CompanyProfile before = repository.load();
    if (!repository.save(profile, m_session.timestamp(), m_session.userId()))
        throw domain::Error::conflict(QCoreApplication::translate("CompanyService", "The company profile was changed by someone else "
                                                                                    "(version %1 is now %2); reload it and try again.")
                                          .arg(changed.version)
                                          .arg(before.version));
    const domain::CompanyProfile after = repository.load();
    AuditTrail(m_session).record(QStringLiteral("company.update"), QStringLiteral("company"), 1, auditJson(before), auditJson(after));
    transaction.commit();
    m_session.setCalendar(domain::BusinessCalendar::fromZoneId(after.timeZone));
    return after;
}

} // namespace bizdesk::services
