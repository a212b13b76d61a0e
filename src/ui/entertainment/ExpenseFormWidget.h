#pragma once

#include "domain/entertainment/Expense.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ExpenseFormWidget;
}

namespace bizdesk::ui {

/// The 商務應酬申請表 fields (§6.3.1) as a form; editable for the applicant's drafts only.
class ExpenseFormWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ExpenseFormWidget(QWidget *parent = nullptr);
    ~ExpenseFormWidget() override;

    void clear(const QDateTime &defaultTime);
    void load(const domain::ExpenseRequest &request);
    /// What the user typed; the service validates it.
    domain::ExpenseForm form() const;
    void setEditable(bool editable);
    void setBudgetText(const QString &text, bool over);

    Ui::ExpenseFormWidget &widgets() { return *m_ui; }

signals:
    void edited();

private:
    std::unique_ptr<Ui::ExpenseFormWidget> m_ui;
};

} // namespace bizdesk::ui
