#pragma once

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class DelegationDialog;
}

namespace bizdesk::services {
class IdentityService;
class Session;
} // namespace bizdesk::services

namespace bizdesk::ui {

/// "While I am away, X approves for me": lists the user's delegations (given and received),
/// adds one for a date range and revokes one given (IdentityService::delegate/revokeDelegation).
class DelegationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DelegationDialog(services::Session &session, QWidget *parent = nullptr);
    ~DelegationDialog() override;

    void reload();
    void addDelegation();
    void revokeSelected();

private:
    void updateButtons();
    /// Runs a change, reloads the list, and shows the service's refusal under the form.
    void attempt(const std::function<void(services::IdentityService &)> &work);
    std::unique_ptr<Ui::DelegationDialog> m_ui;
    services::Session &m_session;
};

} // namespace bizdesk::ui
