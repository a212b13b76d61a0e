#pragma once

#include "domain/identity/User.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class DepartmentDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Adds a department (existing == nullopt) or names a department's head (§2.1).
class DepartmentDialog : public QDialog
{
    Q_OBJECT

public:
    DepartmentDialog(services::Session &session, std::optional<domain::Department> existing, QWidget *parent = nullptr);
    ~DepartmentDialog() override;

protected:
    void accept() override;

private:
    void validate();
    std::unique_ptr<Ui::DepartmentDialog> m_ui;
    services::Session &m_session;
    std::optional<domain::Department> m_existing;
};

} // namespace bizdesk::ui
