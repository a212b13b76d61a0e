#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class DatabasePasswordDialog;
}

namespace bizdesk::ui {

/// Asks for a PostgreSQL password the location did not carry and the keyring did not hold (or
/// the server refused). Whether to keep it in the desktop keyring is the user's choice; it never
/// goes to a file.
class DatabasePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    /// `displayName` is the location without password; `problem` why it is asked (may be empty).
    DatabasePasswordDialog(const QString &displayName, const QString &problem, QWidget *parent = nullptr);
    ~DatabasePasswordDialog() override;

    QString password() const;
    bool rememberInKeyring() const;

private:
    std::unique_ptr<Ui::DatabasePasswordDialog> m_ui;
};

} // namespace bizdesk::ui
