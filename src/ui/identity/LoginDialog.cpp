#include "ui/identity/LoginDialog.h"

#include "ui_LoginDialog.h"

#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "storage/Database.h"
#include "support/SettingsKeys.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QPushButton>

namespace bizdesk::ui {

LoginDialog::LoginDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_session(session)
{
    m_ui->setupUi(this);
    m_ui->databaseLabel->setText(tr("Database: %1").arg(session.database().location().displayName()));
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    setLogin(support::readSetting(support::settings::lastLogin).toString());
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setLogin(const QString &login)
{
    m_ui->loginEdit->setText(login);
    (login.isEmpty() ? m_ui->loginEdit : m_ui->passwordEdit)->setFocus();
}

void LoginDialog::accept()
{
    try {
        services::IdentityService(m_session).logIn(m_ui->loginEdit->text(), m_ui->passwordEdit->text());
        support::writeSetting(support::settings::lastLogin, m_session.user().login);
        QDialog::accept();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
        m_ui->passwordEdit->clear();
        m_ui->passwordEdit->setFocus();
    }
}

} // namespace bizdesk::ui
