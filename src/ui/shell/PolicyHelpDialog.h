#pragma once

#include <QDialog>

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Help → Policy: the rules BizDesk enforces, each with its clause id and current value (§1.3).
class PolicyHelpDialog : public QDialog
{
    Q_OBJECT

public:
    PolicyHelpDialog(services::Session &session, QWidget *parent = nullptr);
};

} // namespace bizdesk::ui
