#include "ui/company/CompanyProfileDialog.h"

#include "ui_CompanyProfileDialog.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/company/CompanyService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QPushButton>
#include <QTimeZone>

namespace bizdesk::ui {

CompanyProfileDialog::CompanyProfileDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CompanyProfileDialog>())
    , m_session(session)
{
    m_ui->setupUi(this);
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    m_shown = services::CompanyService(session).profile();
    m_editable = session.may(domain::Action::ManageDatabase);

    m_ui->zoneCombo->addItem(tr("System time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->zoneCombo->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    m_ui->nameEdit->setText(m_shown.name);
    m_ui->addressEdit->setText(m_shown.address);
    m_ui->phoneEdit->setText(m_shown.phone);
    const int zoneIndex = m_ui->zoneCombo->findData(m_shown.timeZone);
    m_ui->zoneCombo->setCurrentIndex(zoneIndex < 0 ? 0 : zoneIndex);

    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->addressEdit, m_ui->phoneEdit}) {
        edit->setReadOnly(!m_editable);
        connect(edit, &QLineEdit::textChanged, this, &CompanyProfileDialog::validate);
    }
    m_ui->zoneCombo->setEnabled(m_editable);
    if (!m_editable) {
        m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
        m_ui->errorLabel->setText(tr("Only an administrator may change the company profile."));
        m_ui->errorLabel->setStyleSheet(QString());
        m_ui->errorLabel->show();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &CompanyProfileDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &CompanyProfileDialog::reject);
    validate();
}

CompanyProfileDialog::~CompanyProfileDialog() = default;

void CompanyProfileDialog::validate()
{
    if (QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save))
        save->setEnabled(m_editable && !m_ui->nameEdit->text().trimmed().isEmpty());
}

void CompanyProfileDialog::accept()
{
    if (!m_editable) {
        QDialog::accept();
        return;
    }
    try {
        domain::CompanyProfile profile = m_shown;
        profile.name = m_ui->nameEdit->text();
        profile.address = m_ui->addressEdit->text();
        profile.phone = m_ui->phoneEdit->text();
        profile.timeZone = m_ui->zoneCombo->currentData().toString();
        m_shown = services::CompanyService(m_session).update(profile);
        QDialog::accept();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
    }
}

} // namespace bizdesk::ui
