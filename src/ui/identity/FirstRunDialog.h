#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class FirstRunDialog;
}

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::ui {

/// Sets up a new database: schema plus the first account (director + admin).
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    FirstRunDialog(storage::Database &database, QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    QString createdLogin() const { return m_createdLogin; }

protected:
    void accept() override;

private:
    void updateOkButton();
    std::unique_ptr<Ui::FirstRunDialog> m_ui;
    storage::Database &m_database;
    QString m_createdLogin;
};

} // namespace bizdesk::ui
