#include "ui/identity/DelegationDialog.h"

#include "ui_DelegationDialog.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QHash>
#include <QPushButton>

namespace bizdesk::ui {

DelegationDialog::DelegationDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DelegationDialog>())
    , m_session(session)
{
    m_ui->setupUi(this);
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    const QDate today = session.today();
    m_ui->fromDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_ui->toDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_ui->fromDate->setDate(today);
    m_ui->toDate->setDate(today.addDays(7));
    m_ui->delegateCombo->addItem(tr("(choose)"));
    ErrorPresenter::attempt(this, [&] {
        for (const domain::User &person : services::IdentityService(session).users()) {
            if (person.active && person.id != session.userId())
                m_ui->delegateCombo->addItem(tr("%1 (%2)").arg(person.displayName, person.login), person.login);
        }
    });
    connect(m_ui->addButton, &QPushButton::clicked, this, &DelegationDialog::addDelegation);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &DelegationDialog::revokeSelected);
    connect(m_ui->delegateCombo, &QComboBox::currentIndexChanged, this, &DelegationDialog::updateButtons);
    connect(m_ui->delegationList, &QTreeWidget::currentItemChanged, this, &DelegationDialog::updateButtons);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &DelegationDialog::reject);
    reload();
}

DelegationDialog::~DelegationDialog() = default;

void DelegationDialog::reload()
{
    m_ui->delegationList->clear();
    ErrorPresenter::attempt(this, [&] {
        services::IdentityService identity(m_session);
        QHash<domain::UserId, QString> names;
        for (const domain::User &person : identity.users())
            names.insert(person.id, person.displayName);
        for (const storage::Delegation &delegation : identity.delegations()) {
            auto *item = new QTreeWidgetItem(m_ui->delegationList);
            item->setText(0, names.value(delegation.delegateId));
            item->setText(1, names.value(delegation.delegatorId));
            item->setText(2, delegation.startsOn.toString(Qt::ISODate));
            item->setText(3, delegation.endsOn.toString(Qt::ISODate));
            item->setData(0, Qt::UserRole, delegation.id);
            item->setData(1, Qt::UserRole, delegation.delegatorId == m_session.userId());
        }
    });
    for (int column = 0; column < 4; ++column)
        m_ui->delegationList->resizeColumnToContents(column);
    updateButtons();
}

void DelegationDialog::updateButtons()
{
    const QTreeWidgetItem *current = m_ui->delegationList->currentItem();
    // Only the delegator revokes; the service refuses anything else as well.
    m_ui->revokeButton->setEnabled(current && current->data(1, Qt::UserRole).toBool());
    m_ui->addButton->setEnabled(m_ui->delegateCombo->currentIndex() > 0);
}

void DelegationDialog::attempt(const std::function<void(services::IdentityService &)> &work)
{
    m_ui->errorLabel->hide();
    try {
        services::IdentityService identity(m_session);
        work(identity);
        reload();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
    }
}

void DelegationDialog::addDelegation()
{
    attempt([this](services::IdentityService &identity) {
        identity.delegate(m_ui->delegateCombo->currentData().toString(), m_ui->fromDate->date(), m_ui->toDate->date());
        m_ui->delegateCombo->setCurrentIndex(0);
    });
}

void DelegationDialog::revokeSelected()
{
    const QTreeWidgetItem *current = m_ui->delegationList->currentItem();
    if (!current)
        return;
    const qint64 id = current->data(0, Qt::UserRole).toLongLong();
    attempt([id](services::IdentityService &identity) { identity.revokeDelegation(id); });
}

} // namespace bizdesk::ui
