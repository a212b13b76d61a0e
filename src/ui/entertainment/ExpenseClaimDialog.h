#pragma once

#include "services/entertainment/EntertainmentService.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExpenseClaimDialog;
}

namespace bizdesk::ui {

/// The claim after the event (§6.4): actual cost, receipt count, explanation.
class ExpenseClaimDialog : public QDialog
{
    Q_OBJECT

public:
    ExpenseClaimDialog(const domain::ExpenseRequest &request, QWidget *parent = nullptr);
    ~ExpenseClaimDialog() override;
    services::ExpenseClaimInput input() const;

private:
    std::unique_ptr<Ui::ExpenseClaimDialog> m_ui;
};

} // namespace bizdesk::ui
