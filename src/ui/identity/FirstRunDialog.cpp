#include "ui/identity/FirstRunDialog.h"

#include "ui_FirstRunDialog.h"

#include "domain/Error.h"
#include "services/identity/PasswordQuality.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "storage/Database.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QPushButton>

namespace bizdesk::ui {

FirstRunDialog::FirstRunDialog(storage::Database &database, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FirstRunDialog>())
    , m_database(database)
{
    m_ui->setupUi(this);
    m_ui->databaseLabel->setText(tr("Database: %1").arg(database.location().displayName()));
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Create account"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->loginEdit, m_ui->passwordEdit, m_ui->repeatEdit})
        connect(edit, &QLineEdit::textChanged, this, &FirstRunDialog::updateOkButton);
    updateOkButton();
}

FirstRunDialog::~FirstRunDialog() = default;

void FirstRunDialog::updateOkButton()
{
    // The rule is the service's (services::PasswordQuality); the dialog only shows its verdict.
    QString problem;
    const QString password = m_ui->passwordEdit->text();
    if (!password.isEmpty()) {
        try {
            services::PasswordQuality::require(password, m_ui->loginEdit->text());
        } catch (const domain::Error &error) {
            problem = ErrorPresenter::describe(error);
        }
    }
    if (problem.isEmpty() && !m_ui->repeatEdit->text().isEmpty() && m_ui->repeatEdit->text() != password)
        problem = tr("The two passwords differ.");
    m_ui->errorLabel->setText(problem);
    m_ui->errorLabel->setVisible(!problem.isEmpty());
    const bool complete = problem.isEmpty() && !m_ui->nameEdit->text().trimmed().isEmpty()
                          && !m_ui->loginEdit->text().trimmed().isEmpty() && !password.isEmpty()
                          && m_ui->repeatEdit->text() == password;
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

void FirstRunDialog::accept()
{
    try {
        const domain::User user = services::DatabaseMaintenance::initialise(
            m_database, m_ui->loginEdit->text(), m_ui->nameEdit->text(), m_ui->passwordEdit->text());
        m_createdLogin = user.login;
        QDialog::accept();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
    }
}

} // namespace bizdesk::ui
