#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ChangePasswordDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// The logged-in user changes their own password (IdentityService::changeOwnPassword).
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ChangePasswordDialog(services::Session &session, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

protected:
    void accept() override;

private:
    void validate();
    std::unique_ptr<Ui::ChangePasswordDialog> m_ui;
    services::Session &m_session;
};

} // namespace bizdesk::ui
