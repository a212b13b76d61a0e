#include "ui/entertainment/ExpenseFilterBar.h"

#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "ui/common/ErrorPresenter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

namespace bizdesk::ui {
namespace {

enum View { AllVisible, Mine, WaitingForMe };

} // namespace

ExpenseFilterBar::ExpenseFilterBar(services::Session &session, QWidget *parent) : QWidget(parent)
{
    auto *filters = new QHBoxLayout(this);
    filters->setContentsMargins(0, 0, 0, 0);
    m_view = new QComboBox(this);
    m_view->addItem(tr("All I may see"), AllVisible);
    m_view->addItem(tr("Mine"), Mine);
    m_view->addItem(tr("Waiting for me"), WaitingForMe);
    filters->addWidget(m_view);
    m_state = new QComboBox(this);
    m_state->addItem(tr("Any state"), QString());
    for (domain::ExpenseState state : domain::allExpenseStates())
        m_state->addItem(domain::expenseStateDisplayName(state), domain::expenseStateName(state));
    filters->addWidget(m_state);
    m_month = new QComboBox(this);
    m_month->addItem(tr("Any month"), QString());
    const QDate today = session.today();
    for (int i = -2; i < 12; ++i) {
        const QDate month = QDate(today.year(), today.month(), 1).addMonths(-i);
        m_month->addItem(month.toString(QStringLiteral("yyyy-MM")), month.toString(QStringLiteral("yyyy-MM")));
    }
    filters->addWidget(m_month);
    m_department = new QComboBox(this);
    m_department->addItem(tr("Any department"), QVariant());
    ErrorPresenter::attempt(this, [&] {
        for (const domain::Department &department : services::IdentityService(session).departments())
            m_department->addItem(department.name, department.id);
    });
    filters->addWidget(m_department);
    for (QComboBox *combo : {m_view, m_state, m_month, m_department})
        connect(combo, &QComboBox::currentIndexChanged, this, &ExpenseFilterBar::changed);
}

services::ExpenseQuery ExpenseFilterBar::query() const
{
    services::ExpenseQuery query;
    const int view = m_view->currentData().toInt();
    query.mineOnly = view == Mine;
    query.pendingForMe = view == WaitingForMe;
    if (const QString state = m_state->currentData().toString(); !state.isEmpty())
        query.state = domain::expenseStateFromName(state);
    query.month = m_month->currentData().toString();
    if (m_department->currentData().isValid())
        query.department = m_department->currentData().toLongLong();
    return query;
}

void ExpenseFilterBar::reset()
{
    for (QComboBox *combo : {m_view, m_state, m_month, m_department}) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(0);
    }
}

} // namespace bizdesk::ui
