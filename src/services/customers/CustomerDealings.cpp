#include "services/customers/CustomerDealings.h"

#include "domain/contracts/ContractWorkflow.h"
#include "domain/entertainment/Expense.h"
#include "domain/negotiations/NegotiationStage.h"
#include "services/Session.h"
#include "services/contracts/ContractModule.h"
#include "services/contracts/ContractService.h"
#include "services/entertainment/EntertainmentModule.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/negotiations/NegotiationModule.h"
#include "services/negotiations/NegotiationService.h"

#include <QCoreApplication>

namespace bizdesk::services {

QList<CustomerDealing> CustomerDealings::of(domain::CustomerId customer, int limitPerKind) const
{
    QList<CustomerDealing> dealings;
    ContractQuery contracts;
    contracts.customer = customer;
    contracts.limit = limitPerKind;
    ContractService contractService(m_session);
    for (const domain::ContractListRow &row : contractService.list(contracts)) {
        const domain::Contract &contract = row.contract;
        CustomerDealing dealing;
        dealing.record = {contractRecord, contract.id};
        dealing.kind = QCoreApplication::translate("Customers", "Contract");
        dealing.reference = contract.number;
        dealing.title = contract.title;
        dealing.date = contract.signing ? contract.signing->date : contract.startDate;
        dealing.state = domain::contractStates().display(contract.state);
        dealing.amount = contract.amount;
        // Payments only mean something once the contract is signed.
        if (contract.signing) {
            const domain::ContractBalance balance = contractService.detail(contract.id).balance;
            dealing.received = balance.received;
            dealing.outstanding = balance.outstanding;
        }
        dealings << dealing;
    }
    NegotiationService negotiations(m_session);
    for (const CustomerNegotiation &row : negotiations.forCustomer(customer, limitPerKind)) {
        CustomerDealing dealing;
        dealing.record = {negotiationRecord, row.id};
        dealing.kind = QCoreApplication::translate("Customers", "Negotiation");
        dealing.reference = QString::number(row.id);
        dealing.title = row.title;
        dealing.date = row.plannedEnd;
        dealing.state = domain::negotiationStages().display(row.stage);
        dealing.amount = row.latestAmount;
        dealings << dealing;
    }
    ExpenseQuery expenses;
    expenses.customer = customer;
    expenses.limit = limitPerKind;
    for (const auto &row : EntertainmentService(m_session).list(expenses)) {
        const domain::ExpenseRequest &request = row.request;
        CustomerDealing dealing;
        dealing.record = {expenseRecord, request.id};
        dealing.kind = QCoreApplication::translate("Customers", "Entertainment request");
        dealing.reference = QString::number(request.id);
        dealing.title = request.reason;
        dealing.date = m_session.calendar().dateOf(request.eventAt);
        dealing.state = domain::expenseStateDisplayName(request.state);
        dealing.amount = request.estimate;
        dealings << dealing;
    }
    return dealings;
}

} // namespace bizdesk::services
