#include "ui/team/DepartmentDialog.h"

#include "ui_DepartmentDialog.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QPushButton>

namespace bizdesk::ui {

DepartmentDialog::DepartmentDialog(services::Session &session, std::optional<domain::Department> existing, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DepartmentDialog>())
    , m_session(session)
    , m_existing(std::move(existing))
{
    m_ui->setupUi(this);
    setWindowTitle(m_existing ? tr("Department head") : tr("New department"));
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    m_ui->headCombo->addItem(m_existing ? tr("(choose)") : tr("(none)"));
    for (const domain::User &person : services::IdentityService(session).users()) {
        if (person.active)
            m_ui->headCombo->addItem(tr("%1 (%2)").arg(person.displayName, person.login), person.login);
    }
    if (m_existing) {
        m_ui->nameEdit->setText(m_existing->name);
        m_ui->nameEdit->setReadOnly(true);
        if (m_existing->headId) {
            if (const auto head = services::IdentityService(session).userById(*m_existing->headId))
                m_ui->headCombo->setCurrentIndex(qMax(0, m_ui->headCombo->findData(head->login)));
        }
        m_ui->headCombo->setFocus();
    }
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &DepartmentDialog::validate);
    connect(m_ui->headCombo, &QComboBox::currentIndexChanged, this, &DepartmentDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &DepartmentDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &DepartmentDialog::reject);
    validate();
}

DepartmentDialog::~DepartmentDialog() = default;

void DepartmentDialog::validate()
{
    const bool valid = m_existing ? m_ui->headCombo->currentIndex() > 0 : !m_ui->nameEdit->text().trimmed().isEmpty();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(valid);
}

void DepartmentDialog::accept()
{
    try {
        services::IdentityService identity(m_session);
        const QString head = m_ui->headCombo->currentData().toString();
        if (m_existing)
            identity.setDepartmentHead(m_existing->name, head);
        else
            identity.addDepartment(m_ui->nameEdit->text(), head);
        QDialog::accept();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
    }
}

} // namespace bizdesk::ui
