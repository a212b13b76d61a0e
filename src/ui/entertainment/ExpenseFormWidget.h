#pragma once

#include "domain/entertainment/Expense.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCompleter;
class QStandardItemModel;

namespace Ui {
class ExpenseFormWidget;
}

namespace bizdesk::ui {

/// A customer the completer offers: name and class label ("重点客户").
struct CustomerChoice
{
    qint64 id = 0;
    QString name;
    QString classLabel;
};

/// The 商務應酬申請表 fields (§6.3.1) as a form; editable for the applicant's drafts only.
class ExpenseFormWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ExpenseFormWidget(QWidget *parent = nullptr);
    ~ExpenseFormWidget() override;

    /// Customers matching what was typed, among those the applicant may see (the page asks the
    /// customer service).
    using CustomerSearch = std::function<QList<CustomerChoice>(const QString &text)>;

    void clear(const QDateTime &defaultTime);
    void load(const domain::ExpenseRequest &request, const QString &customerName = {});
    /// The people offered in the staff multi-select (active users; the page supplies them).
    void setPeople(const QList<domain::User> &people);
    void setCustomerSearch(CustomerSearch search) { m_customerSearch = std::move(search); }
    /// Shows the §6.3.3 note computed by the service (empty: no executive step).
    void setExecutiveNote(const QString &note);
    std::optional<qint64> customerId() const { return m_customerId; }
    QList<domain::UserId> checkedStaff() const;
    /// What the user typed; the service validates it.
    domain::ExpenseForm form() const;
    void setEditable(bool editable);
    void setBudgetText(const QString &text, bool over);

    Ui::ExpenseFormWidget &widgets() { return *m_ui; }

signals:
    void edited();

private:
    void filterStaff(const QString &text);
    void updateChosenStaff();
    void searchCustomers(const QString &text);
    void setCustomerText(const QString &name, const QString &classLabel);

    std::unique_ptr<Ui::ExpenseFormWidget> m_ui;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_customers = nullptr;
    CustomerSearch m_customerSearch;
    std::optional<qint64> m_customerId;
    QString m_customerText; ///< what the line shows for m_customerId
};

} // namespace bizdesk::ui
