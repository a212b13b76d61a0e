#pragma once

#include "domain/contracts/ContractClause.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"

#include <functional>

namespace bizdesk::testing {

/// A contract of `amount` yuan for `customer`, drafted by manager1 for sales1 with every clause,
/// approved along the whole route and signed on `signedOn`: what execution tests start from.
inline domain::Contract effectiveContract(const std::function<services::Session &(const QString &)> &as, qint64 customer,
                                          const QString &amount, const QDate &signedOn)
{
    services::ContractService drafter(as(QStringLiteral("manager1")));
    domain::ContractForm form;
    form.customerId = customer;
    form.title = QStringLiteral("ERP 实施服务合同");
    form.amount = amount;
    form.ownerLogin = QStringLiteral("sales1");
    form.startDate = signedOn;
    form.endDate = signedOn.addYears(1);
    const domain::Contract contract = drafter.draft(form);
    for (const domain::ContractClause clause : domain::contractClauses().all())
        drafter.setClause(contract.id, clause, QStringLiteral("按双方约定执行。"));
    drafter.submit(contract.id);
    for (const char *approver : {"legal", "finance", "director"})
        services::ContractService(as(QString::fromLatin1(approver))).approve(contract.id);
    return services::ContractExecutionService(as(QStringLiteral("manager1")))
        .sign(contract.id, {signedOn, QStringLiteral("director"), QStringLiteral("王总"), true, std::nullopt});
}

} // namespace bizdesk::testing
