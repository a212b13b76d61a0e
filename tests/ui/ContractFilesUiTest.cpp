// The Contracts tab's filter bar (customer, owner, ending soon, overdue receivables): a user
// types and picks filters and the list's rows change, as ContractService::list filters in SQL.
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "support/TestDatabase.h"
#include "ui/contracts/ContractFilterBar.h"
#include "ui/contracts/ContractsPage.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

class ContractFilesUiTest : public bizdesk::testing::BackendTest
{
protected:
    qint64 customer(const QString &name)
    {
        services::NewCustomer customer;
        customer.name = name;
        return services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }
    domain::Contract draft(qint64 customerId, const QString &owner, const QDate &end)
    {
        domain::ContractForm form;
        form.customerId = customerId;
        form.title = u"年度服务合同"_s;
        form.amount = u"30000"_s;
        form.ownerLogin = owner;
        form.endDate = end;
        return services::ContractService(as(u"manager1"_s)).draft(form);
    }
    domain::Contract signedContract(qint64 customerId, const QString &owner, const QDate &end)
    {
        const domain::Contract contract = draft(customerId, owner, end);
        services::ContractService drafter(as(u"manager1"_s));
        for (const domain::ContractClause clause : domain::contractClauses().all())
            drafter.setClause(contract.id, clause, u"按约定"_s);
        drafter.submit(contract.id);
        for (const char *reviewer : {"legal", "finance", "director"})
            services::ContractService(as(QString::fromLatin1(reviewer))).approve(contract.id);
        return services::ContractExecutionService(as(u"manager1"_s))
            .sign(contract.id, services::SigningInput{QDate(2026, 11, 2), u"director"_s, u"孙总"_s, true, std::nullopt});
    }
};

QStringList numbers(const ui::ContractsPage &page)
{
    QStringList shown;
    const QAbstractItemModel *model = page.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->index(row, 0).data().toString();
    return shown;
}

} // namespace

TEST_P(ContractFilesUiTest, typing_and_picking_filters_changes_the_rows)
{
    const qint64 huadong = customer(u"华东精密制造有限公司"_s);
    const qint64 yunfan = customer(u"杭州云帆科技有限公司"_s);
    const domain::Contract endingSoon = signedContract(huadong, u"sales1"_s, QDate(2026, 12, 15));
    const domain::Contract overdue = signedContract(huadong, u"manager1"_s, QDate(2027, 9, 30));
    services::ContractExecutionService(as(u"manager1"_s)).addReceivable(overdue.id, QDate(2026, 10, 20), u"8000"_s);
    const domain::Contract other = draft(yunfan, u"manager1"_s, QDate(2027, 1, 31));

    ui::ContractsPage page(as(u"director"_s));
    page.resize(1400, 800);
    page.refresh();
    ui::ContractFilterBar *filters = page.filters();
    ASSERT_NE(filters, nullptr);
    EXPECT_EQ(numbers(page), (QStringList{other.number, overdue.number, endingSoon.number}));

    QTest::mouseClick(filters->expiringFilter(), Qt::LeftButton);
    EXPECT_EQ(numbers(page), QStringList{endingSoon.number});
    QTest::mouseClick(filters->expiringFilter(), Qt::LeftButton);
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    EXPECT_EQ(numbers(page), QStringList{overdue.number});
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    EXPECT_EQ(numbers(page).size(), 3);

    QComboBox *owner = filters->ownerFilter();
    owner->setCurrentIndex(owner->findText(u"王小明"_s)); // sales1
    EXPECT_EQ(numbers(page), QStringList{endingSoon.number});
    owner->setCurrentIndex(0);

    // Part of the name and Enter: the one customer that matches is picked.
    QLineEdit *customerEdit = filters->customerFilter()->lineEdit();
    customerEdit->clear();
    bizdesk::testing::typeText(customerEdit, u"云帆"_s);
    QTest::keyClick(customerEdit, Qt::Key_Return);
    EXPECT_EQ(filters->customerFilter()->currentData().toLongLong(), yunfan);
    EXPECT_EQ(numbers(page), QStringList{other.number});
    // Filters combine: that customer has nothing overdue.
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    EXPECT_TRUE(numbers(page).isEmpty());
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    filters->customerFilter()->setCurrentIndex(0); // "All customers"
    EXPECT_EQ(numbers(page).size(), 3);
}

BIZDESK_INSTANTIATE_BACKENDS(ContractFilesUiTest);
