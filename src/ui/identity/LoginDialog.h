#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class LoginDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Asks for login and password and logs the session in through IdentityService, so wrong
/// passwords count toward the lockout exactly as in the CLI.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(services::Session &session, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setLogin(const QString &login);

protected:
    void accept() override;

private:
    std::unique_ptr<Ui::LoginDialog> m_ui;
    services::Session &m_session;
};

} // namespace bizdesk::ui
