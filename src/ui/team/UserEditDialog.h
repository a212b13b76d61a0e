#pragma once

#include "domain/identity/User.h"

#include <QDialog>
#include <QMap>
#include <QSet>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;

namespace Ui {
class UserEditDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Adds a person (existing == nullopt) or edits one. Fields are checked as the user types with
/// the same domain rules the service applies (UserRules); Save stays disabled until they pass.
/// The service re-validates; its error is shown under the field it names, with the clause.
class UserEditDialog : public QDialog
{
    Q_OBJECT

public:
    UserEditDialog(services::Session &session, std::optional<domain::User> existing, QWidget *parent = nullptr);
    ~UserEditDialog() override;

    /// The saved person (valid after accept()).
    const domain::User &savedUser() const { return m_saved; }
    /// The message currently shown for a field key ("login", "password", ...), empty when fine.
    QString fieldError(const QString &field) const;

protected:
    void accept() override;

private:
    void validate();
    void showFieldError(const QString &field, const QString &message);
    domain::RoleSet checkedRoles() const;

    std::unique_ptr<Ui::UserEditDialog> m_ui;
    services::Session &m_session;
    std::optional<domain::User> m_existing;
    domain::User m_saved;
    QMap<domain::Role, QCheckBox *> m_roleBoxes;
    QMap<QString, QLabel *> m_errorLabels;
    QSet<QString> m_touched;
};

} // namespace bizdesk::ui
