#include "ui/entertainment/ExpenseClaimDialog.h"

#include "ui_ExpenseClaimDialog.h"

namespace bizdesk::ui {

ExpenseClaimDialog::ExpenseClaimDialog(const domain::ExpenseRequest &request, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExpenseClaimDialog>())
{
    m_ui->setupUi(this);
    // The actual cost is typed from the receipts: prefilling the estimate invited claims of the
    // estimate instead of what was spent.
    m_ui->actualEdit->clear();
    m_ui->actualEdit->setPlaceholderText(tr("as on the receipts"));
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
