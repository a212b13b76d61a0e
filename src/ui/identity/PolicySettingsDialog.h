#pragma once

#include "services/policy/PolicyService.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PolicySettingsDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Settings → Policy (§1.3): every policy setting with clause, description, value and default;
/// the director changes a value (PolicyService validates type and range and versions the change);
/// the history of changes with the policy version each one created. Others may look, not edit.
/// Settings bound by a common rule (the appraisal weights) are changed one after another and
/// applied together once the rule holds.
class PolicySettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PolicySettingsDialog(services::Session &session, QWidget *parent = nullptr);
    ~PolicySettingsDialog() override;

    void reload();
    /// Selects the row of `key`; false when there is none.
    bool selectKey(const QString &key);
    QString selectedKey() const;
    /// Applies the text in the value field to the selected setting.
    void applyValue();
    void restoreDefault();

private:
    void showSelected();
    void save(const QString &value);
    std::unique_ptr<Ui::PolicySettingsDialog> m_ui;
    /// Values refused only by a rule across settings (the appraisal weights must add up to 100):
    /// held, shown as not applied yet, and applied together with the next change.
    QList<services::PolicyAssignment> m_pending;
    services::Session &m_session;
    bool m_mayEdit = false;
};

} // namespace bizdesk::ui
