#include "ui/contracts/ContractEditorDialog.h"

#include "services/Session.h"
#include "services/contracts/ClauseTemplateService.h"
#include "services/contracts/ContractService.h"
#include "ui/common/ErrorPresenter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

ContractEditorDialog::ContractEditorDialog(services::Session &session, const domain::Contract *existing, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(existing ? tr("Edit contract %1").arg(existing->number) : tr("New contract"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_customer = new QComboBox(this);
    m_customer->setEditable(true);
    m_customer->setInsertPolicy(QComboBox::NoInsert);
    m_customer->setToolTip(tr("Type part of the name and press Enter to search"));
    connect(m_customer->lineEdit(), &QLineEdit::returnPressed, this, [this] { searchCustomers(m_customer->currentText()); });
    form->addRow(tr("&Customer"), m_customer);
    m_title = new QLineEdit(this);
    form->addRow(tr("&Title"), m_title);
    m_amount = new QLineEdit(this);
    m_amount->setPlaceholderText(QStringLiteral("120000.00"));
    form->addRow(tr("&Amount"), m_amount);
    m_currency = new QLineEdit(QStringLiteral("CNY"), this);
    m_currency->setMaxLength(3);
    form->addRow(tr("C&urrency"), m_currency);
    m_owner = new QLineEdit(this);
    m_owner->setPlaceholderText(tr("login; empty: you"));
    form->addRow(tr("&Owner"), m_owner);
    const QDate today = session.today();
    m_start = new QDateEdit(today, this);
    m_end = new QDateEdit(today.addYears(1).addDays(-1), this);
    for (QDateEdit *edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    form->addRow(tr("&Start"), m_start);
    form->addRow(tr("&End"), m_end);
    layout->addLayout(form);

    m_tabs = new QTabWidget(this);
    for (const domain::ContractClause clause : domain::contractClauses().all()) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(domain::contractClauses().name(clause));
        edit->setTabChangesFocus(true);
        m_tabs->addTab(edit, domain::contractClauses().display(clause));
        m_clauses.insert(clause, edit);
    }
    // Legal's standard wording for the clause on the current tab (§5.1.3), filled when opened.
    m_insertTemplate = new QPushButton(tr("&Insert template"), this);
    m_insertTemplate->setToolTip(tr("Legal's standard wording for this clause (§5.1.3)"));
    auto *templateMenu = new QMenu(m_insertTemplate);
    connect(templateMenu, &QMenu::aboutToShow, this, &ContractEditorDialog::fillTemplateMenu);
    m_insertTemplate->setMenu(templateMenu);
    m_tabs->setCornerWidget(m_insertTemplate);
    layout->addWidget(m_tabs, 1);

    if (existing) {
        m_customer->addItem(existing->customerName, existing->customerId);
        m_title->setText(existing->title);
        m_amount->setText(existing->amount.toDecimalString());
        m_currency->setText(existing->amount.currency());
        if (existing->startDate.isValid())
            m_start->setDate(existing->startDate);
        if (existing->endDate.isValid())
            m_end->setDate(existing->endDate);
        for (auto it = existing->clauses.cbegin(); it != existing->clauses.cend(); ++it)
            m_clauses.value(it.key())->setPlainText(it.value());
    } else {
        searchCustomers({});
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 640);
}

void ContractEditorDialog::searchCustomers(const QString &text)
{
    ErrorPresenter::attempt(this, [&] {
        const auto choices = services::ContractService(m_session).customerChoices(text);
        m_customer->clear();
        for (const auto &[id, name] : choices)
            m_customer->addItem(name, id);
        m_customer->setEditText(choices.isEmpty() ? text : choices.first().second);
    });
}

domain::ContractClause ContractEditorDialog::currentClause() const
{
    return domain::contractClauses().all().value(m_tabs->currentIndex(), domain::ContractClause::Obligations);
}

void ContractEditorDialog::fillTemplateMenu()
{
    QMenu *menu = m_insertTemplate->menu();
    menu->clear();
    QList<domain::ClauseTemplate> templates;
    ErrorPresenter::attempt(this, [&] { templates = services::ClauseTemplateService(m_session).list(currentClause()); });
    for (const domain::ClauseTemplate &clauseTemplate : templates) {
        QAction *action = menu->addAction(clauseTemplate.name);
        action->setToolTip(clauseTemplate.body);
        connect(action, &QAction::triggered, this, [this, clauseTemplate] { insertTemplate(clauseTemplate); });
    }
    if (templates.isEmpty())
        menu->addAction(tr("No templates for this clause yet"))->setEnabled(false);
}

void ContractEditorDialog::insertTemplate(const domain::ClauseTemplate &clauseTemplate)
{
    QPlainTextEdit *edit = m_clauses.value(clauseTemplate.clause);
    m_tabs->setCurrentWidget(edit);
    edit->insertPlainText(clauseTemplate.body);
    edit->setFocus();
}

domain::ContractForm ContractEditorDialog::form() const
{
    domain::ContractForm form;
    form.customerId = m_customer->currentData().toLongLong();
    form.title = m_title->text();
    form.amount = m_amount->text();
    form.currency = m_currency->text();
    form.ownerLogin = m_owner->text();
    form.startDate = m_start->date();
    form.endDate = m_end->date();
    return form;
}

domain::ClauseTexts ContractEditorDialog::clauses() const
{
    domain::ClauseTexts texts;
    for (auto it = m_clauses.cbegin(); it != m_clauses.cend(); ++it)
        texts.insert(it.key(), it.value()->toPlainText());
    return texts;
}

} // namespace bizdesk::ui
