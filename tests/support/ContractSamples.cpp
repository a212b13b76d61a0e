#include "support/ContractSamples.h"

#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"

#include <gtest/gtest.h>

namespace bizdesk::testing {

domain::Contract effectiveContract(const SessionFor &as, qint64 customer, const QString &amount, const QDate &signedOn,
                                   const QString &title, const QString &currency)
{
    services::ContractService drafter(as(QStringLiteral("manager1")));
    domain::ContractForm form;
    form.customerId = customer;
    form.title = title;
    form.amount = amount;
    form.currency = currency;
    form.ownerLogin = QStringLiteral("sales1");
    form.startDate = QDate(2026, 11, 1);
    form.endDate = QDate(2027, 10, 31);
    domain::Contract contract = drafter.draft(form);
    for (const domain::ContractClause clause : domain::contractClauses().all())
        drafter.setClause(contract.id, clause, QStringLiteral("条款 ") + domain::contractClauses().name(clause));
    contract = drafter.submit(contract.id);
    for (const char *approver : {"legal", "finance", "director", "executive"}) {
        if (domain::isContractUnderReview(contract.state))
            contract = services::ContractService(as(QString::fromLatin1(approver))).approve(contract.id);
    }
    EXPECT_EQ(contract.state, domain::ContractState::Approved);
    services::SigningInput signing;
    signing.date = signedOn;
    signing.ourSignatoryLogin = QStringLiteral("director");
    signing.theirSignatory = QStringLiteral("王总");
    return services::ContractExecutionService(as(QStringLiteral("manager1"))).sign(contract.id, signing);
}

} // namespace bizdesk::testing
