#include "ui/shell/DatabasePasswordDialog.h"

#include "ui_DatabasePasswordDialog.h"

namespace bizdesk::ui {

DatabasePasswordDialog::DatabasePasswordDialog(const QString &displayName, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DatabasePasswordDialog>())
{
    m_ui->setupUi(this);
    QString text = tr("Password of %1:").arg(displayName);
    if (!problem.isEmpty())
        text = problem + QStringLiteral("\n\n") + text;
    m_ui->locationLabel->setText(text);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

DatabasePasswordDialog::~DatabasePasswordDialog() = default;

QString DatabasePasswordDialog::password() const
{
    return m_ui->passwordEdit->text();
}

bool DatabasePasswordDialog::rememberInKeyring() const
{
    return m_ui->rememberCheck->isChecked();
}

} // namespace bizdesk::ui
