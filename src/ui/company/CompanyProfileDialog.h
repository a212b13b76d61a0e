#pragma once

#include "domain/company/CompanyProfile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class CompanyProfileDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Settings → Company profile: what heads printed documents and the zone of business dates.
/// Administrators edit it; everybody else sees it read-only.
class CompanyProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CompanyProfileDialog(services::Session &session, QWidget *parent = nullptr);
    ~CompanyProfileDialog() override;

protected:
    void accept() override;

private:
    void validate();
    std::unique_ptr<Ui::CompanyProfileDialog> m_ui;
    services::Session &m_session;
    domain::CompanyProfile m_shown;
    bool m_editable = false;
};

} // namespace bizdesk::ui
