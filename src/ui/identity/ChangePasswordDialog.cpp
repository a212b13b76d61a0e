#include "ui/identity/ChangePasswordDialog.h"

#include "ui_ChangePasswordDialog.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "services/identity/PasswordQuality.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QPushButton>

namespace bizdesk::ui {

ChangePasswordDialog::ChangePasswordDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ChangePasswordDialog>())
    , m_session(session)
{
    m_ui->setupUi(this);
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    for (QLineEdit *edit : {m_ui->currentEdit, m_ui->newEdit, m_ui->repeatEdit})
        connect(edit, &QLineEdit::textChanged, this, &ChangePasswordDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    validate();
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

void ChangePasswordDialog::validate()
{
    QString problem;
    try {
        if (!m_ui->newEdit->text().isEmpty())
            services::PasswordQuality::require(m_ui->newEdit->text(), m_session.user().login);
    } catch (const domain::Error &error) {
        problem = ErrorPresenter::describe(error);
    }
    if (problem.isEmpty() && !m_ui->repeatEdit->text().isEmpty() && m_ui->repeatEdit->text() != m_ui->newEdit->text())
        problem = tr("The two new passwords differ.");
    m_ui->errorLabel->setText(problem);
    m_ui->errorLabel->setVisible(!problem.isEmpty());
    const bool complete = problem.isEmpty() && !m_ui->currentEdit->text().isEmpty() && !m_ui->newEdit->text().isEmpty()
                          && m_ui->repeatEdit->text() == m_ui->newEdit->text();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

void ChangePasswordDialog::accept()
{
    try {
        services::IdentityService(m_session).changeOwnPassword(m_ui->currentEdit->text(), m_ui->newEdit->text());
        QDialog::accept();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
        if (error.field() == QLatin1String("current_password")) {
            m_ui->currentEdit->clear();
            m_ui->currentEdit->setFocus();
        }
    }
}

} // namespace bizdesk::ui
