#include "ui/entertainment/ExpenseClaimDialog.h"

#include "ui_ExpenseClaimDialog.h"

namespace bizdesk::ui {

ExpenseClaimDialog::ExpenseClaimDialog(const domain::ExpenseRequest &request, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExpenseClaimDialog>())
{
    m_ui->setupUi(this);
    m_ui->actualEdit->setText(request.estimate.toDecimalString());
    m_ui->hintLabel->setText(tr("Approved estimate: ¥%1. A clearly higher actual cost needs a written explanation and "
                                "the superior's approval before finance (§6.4.3).")
                                 .arg(request.estimate.toDecimalString()));
}

ExpenseClaimDialog::~ExpenseClaimDialog() = default;

services::ExpenseClaimInput ExpenseClaimDialog::input() const
{
    return {m_ui->actualEdit->text(), m_ui->receiptsSpin->value(), m_ui->explanationEdit->toPlainText()};
}

} // namespace bizdesk::ui
