#include "ui/contracts/ContractFilterBar.h"

#include "services/Session.h"
#include "services/contracts/ContractService.h"
#include "services/identity/IdentityService.h"
#include "ui/common/ErrorPresenter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace bizdesk::ui {

ContractFilterBar::ContractFilterBar(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *customerLabel = new QLabel(tr("C&ustomer:"), this);
    m_customer = new QComboBox(this);
    m_customer->setObjectName(QStringLiteral("customerFilter"));
    m_customer->setEditable(true);
    m_customer->setInsertPolicy(QComboBox::NoInsert);
    m_customer->setMinimumContentsLength(14);
    m_customer->setToolTip(tr("Type part of the name and press Enter to search; pick \"All customers\" to clear"));
    m_customer->addItem(tr("All customers"), QVariant());
    customerLabel->setBuddy(m_customer);
    connect(m_customer->lineEdit(), &QLineEdit::returnPressed, this, [this] { searchCustomers(m_customer->currentText()); });
    connect(m_customer, &QComboBox::currentIndexChanged, this, &ContractFilterBar::changed);
    layout->addWidget(customerLabel);
    layout->addWidget(m_customer);

    auto *ownerLabel = new QLabel(tr("O&wner:"), this);
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerFilter"));
    m_owner->addItem(tr("Anyone"), QVariant());
    m_owner->addItem(tr("Mine"), QVariant(m_session.userId()));
    ErrorPresenter::attempt(this, [&] {
        for (const domain::User &user : services::IdentityService(m_session).users()) {
            if (user.active && user.id != m_session.userId())
                m_owner->addItem(user.displayName, QVariant(user.id));
        }
    });
    ownerLabel->setBuddy(m_owner);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &ContractFilterBar::changed);
    layout->addWidget(ownerLabel);
    layout->addWidget(m_owner);

    m_expiring = new QCheckBox(tr("Ending &soon"), this);
    m_expiring->setObjectName(QStringLiteral("expiringFilter"));
    m_expiring->setToolTip(tr("Effective contracts ending within the renewal notice period (contract.renewal_notice_days)"));
    m_overdue = new QCheckBox(tr("O&verdue receivables"), this);
    m_overdue->setObjectName(QStringLiteral("overdueFilter"));
    m_overdue->setToolTip(tr("Effective contracts with an installment past its due date and not fully received"));
    m_retention = new QCheckBox(tr("Retention e&xpired"), this);
    m_retention->setObjectName(QStringLiteral("retentionFilter"));
    m_retention->setToolTip(tr("Archived contracts kept past contract.retention_years; a director may destroy them (§5.6.3)"));
    for (QCheckBox *box : {m_expiring, m_overdue, m_retention}) {
        connect(box, &QCheckBox::toggled, this, &ContractFilterBar::changed);
        layout->addWidget(box);
    }
}

void ContractFilterBar::searchCustomers(const QString &text)
{
    ErrorPresenter::attempt(this, [&] {
        const auto choices = services::ContractService(m_session).customerChoices(text.trimmed());
        const QSignalBlocker blocker(m_customer);
        m_customer->clear();
        m_customer->addItem(tr("All customers"), QVariant());
        for (const auto &[id, name] : choices)
            m_customer->addItem(name, QVariant(id));
        m_customer->setCurrentIndex(-1);
        m_customer->setEditText(text);
    });
    // One match is the customer meant; with several the user picks from the list.
    if (m_customer->count() == 2)
        m_customer->setCurrentIndex(1);
    else if (m_customer->count() > 2)
        m_customer->showPopup();
}

void ContractFilterBar::apply(services::ContractQuery &query) const
{
    const QVariant customer = m_customer->currentIndex() > 0 ? m_customer->currentData() : QVariant();
    query.customer = customer.isValid() ? std::optional<qint64>(customer.toLongLong()) : std::nullopt;
    const QVariant owner = m_owner->currentData();
    query.owner = owner.isValid() ? std::optional<domain::UserId>(owner.toLongLong()) : std::nullopt;
    query.expiring = m_expiring->isChecked();
    query.overdue = m_overdue->isChecked();
    query.retentionExpired = m_retention->isChecked();
}

} // namespace bizdesk::ui
