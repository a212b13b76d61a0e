#include "ui/entertainment/ExpenseFormWidget.h"

#include "domain/Error.h"
#include "domain/customers/Customer.h"
#include "ui/common/Style.h"
#include "ui_ExpenseFormWidget.h"

#include <QCompleter>
#include <QLocale>
#include <QStandardItemModel>

namespace bizdesk::ui {
namespace {

constexpr int idRole = Qt::UserRole;
constexpr int searchRole = Qt::UserRole + 1;
constexpr int nameRole = Qt::UserRole + 2;

QString classLabel(const QString &className)
{
    if (className.isEmpty())
        return {};
    try {
        return domain::CustomerRules::label(domain::CustomerRules::parseClass(QStringLiteral("class"), className));
    } catch (const domain::Error &) {
        return className;
    }
}

} // namespace

ExpenseFormWidget::ExpenseFormWidget(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ExpenseFormWidget>())
{
    m_ui->setupUi(this);
    for (domain::ExpenseCategory category : {domain::ExpenseCategory::Reception, domain::ExpenseCategory::Banquet,
                                             domain::ExpenseCategory::Event, domain::ExpenseCategory::Other})
        m_ui->categoryCombo->addItem(domain::expenseCategoryDisplayName(category), domain::expenseCategoryName(category));
    connect(m_ui->estimateEdit, &QLineEdit::textEdited, this, &ExpenseFormWidget::edited);
    connect(m_ui->atEdit, &QDateTimeEdit::dateTimeChanged, this, &ExpenseFormWidget::edited);

    connect(m_ui->staffFilterEdit, &QLineEdit::textChanged, this, &ExpenseFormWidget::filterStaff);
    connect(m_ui->staffList, &QListWidget::itemChanged, this, [this] { updateChosenStaff(); });

    m_customers = new QStandardItemModel(this);
    m_completer = new QCompleter(m_customers, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_ui->customerEdit->setCompleter(m_completer);
    connect(m_ui->customerEdit, &QLineEdit::textEdited, this, &ExpenseFormWidget::searchCustomers);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        // Copy what is needed before anything can refill the model.
        const qint64 id = index.data(idRole).toLongLong();
        const QString text = index.data(Qt::DisplayRole).toString();
        if (id <= 0)
            return;
        m_customerId = id;
        m_customerText = text;
        m_ui->customerEdit->setText(text);
        emit edited();
    });
}

ExpenseFormWidget::~ExpenseFormWidget() = default;

void ExpenseFormWidget::setPeople(const QList<domain::User> &people)
{
    const QList<domain::UserId> checked = checkedStaff();
    const QSignalBlocker blocker(m_ui->staffList);
    m_ui->staffList->clear();
    for (const domain::User &person : people) {
        if (!person.active)
            continue;
        auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(person.displayName, person.login), m_ui->staffList);
        item->setData(idRole, person.id);
        item->setData(nameRole, person.displayName);
        item->setData(searchRole, (person.displayName + QLatin1Char(' ') + person.login).toCaseFolded());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(person.id) ? Qt::Checked : Qt::Unchecked);
    }
    filterStaff(m_ui->staffFilterEdit->text());
    updateChosenStaff();
}

QList<domain::UserId> ExpenseFormWidget::checkedStaff() const
{
    QList<domain::UserId> ids;
    for (int row = 0; row < m_ui->staffList->count(); ++row) {
        const QListWidgetItem *item = m_ui->staffList->item(row);
        if (item->checkState() == Qt::Checked)
            ids << item->data(idRole).toLongLong();
    }
    return ids;
}

void ExpenseFormWidget::filterStaff(const QString &text)
{
    const QString needle = text.trimmed().toCaseFolded();
    for (int row = 0; row < m_ui->staffList->count(); ++row) {
        QListWidgetItem *item = m_ui->staffList->item(row);
        // Ticked people stay visible, so a search never hides what was chosen.
        item->setHidden(!needle.isEmpty() && item->checkState() != Qt::Checked
                        && !item->data(searchRole).toString().contains(needle));
    }
}

void ExpenseFormWidget::updateChosenStaff()
{
    // Names only (the list shows the logins): one short line, the full entries in the tooltip.
    QStringList names;
    QStringList entries;
    for (int row = 0; row < m_ui->staffList->count(); ++row) {
        const QListWidgetItem *item = m_ui->staffList->item(row);
        if (item->checkState() == Qt::Checked) {
            names << item->data(nameRole).toString();
            entries << item->text();
        }
    }
    m_ui->staffChosenLabel->setText(names.isEmpty() ? tr("Nobody from the company ticked.")
                                                    : tr("Taking part: %1").arg(QLocale().createSeparatedList(names)));
    m_ui->staffChosenLabel->setToolTip(entries.join(QLatin1Char('\n')));
}

void ExpenseFormWidget::searchCustomers(const QString &text)
{
    if (text != m_customerText) {
        m_customerId.reset();
        m_customerText.clear();
    }
    const QString needle = text.trimmed();
    m_customers->clear();
    if (needle.isEmpty() || !m_customerSearch) {
        emit edited();
        return;
    }
    QList<CustomerChoice> choices;
    try {
        choices = m_customerSearch(needle);
    } catch (const domain::Error &) {
        choices.clear();
    }
    for (const CustomerChoice &choice : choices) {
        auto *item = new QStandardItem(choice.classLabel.isEmpty() ? choice.name
                                                                   : tr("%1 · %2").arg(choice.name, choice.classLabel));
        item->setData(choice.id, idRole);
        item->setEditable(false);
        m_customers->appendRow(item);
    }
    if (m_customers->rowCount() > 0)
        m_completer->complete();
    emit edited();
}

void ExpenseFormWidget::setCustomerText(const QString &name, const QString &label)
{
    m_customerText = label.isEmpty() ? name : tr("%1 · %2").arg(name, label);
    m_ui->customerEdit->setText(m_customerText);
}

void ExpenseFormWidget::setExecutiveNote(const QString &note)
{
    m_ui->routeNoteLabel->setText(note.isEmpty() ? tr("Department head, then the head's superior (§6.3.2).") : note);
    if (note.isEmpty())
        m_ui->routeNoteLabel->setStyleSheet(QString());
    else
        Style::markAsError(m_ui->routeNoteLabel);
}

void ExpenseFormWidget::clear(const QDateTime &defaultTime)
{
    m_ui->categoryCombo->setCurrentIndex(0);
    m_ui->reasonEdit->clear();
    m_ui->atEdit->setDateTime(defaultTime.toLocalTime());
    m_ui->placeEdit->clear();
    {
        const QSignalBlocker blocker(m_ui->staffList);
        for (int row = 0; row < m_ui->staffList->count(); ++row)
            m_ui->staffList->item(row)->setCheckState(Qt::Unchecked);
    }
    m_ui->staffFilterEdit->clear();
    updateChosenStaff();
    m_ui->participantsEdit->clear();
    m_ui->headcountSpin->setValue(2);
    m_ui->estimateEdit->clear();
    m_ui->customerEdit->clear();
    m_customerId.reset();
    m_customerText.clear();
    m_ui->overBudgetEdit->clear();
    m_ui->budgetLabel->clear();
    setExecutiveNote({});
}

void ExpenseFormWidget::load(const domain::ExpenseRequest &request, const QString &customerName)
{
    m_ui->categoryCombo->setCurrentIndex(m_ui->categoryCombo->findData(domain::expenseCategoryName(request.category)));
    m_ui->reasonEdit->setPlainText(request.reason);
    m_ui->atEdit->setDateTime(request.eventAt.toLocalTime());
    m_ui->placeEdit->setText(request.place);
    {
        const QSignalBlocker blocker(m_ui->staffList);
        for (int row = 0; row < m_ui->staffList->count(); ++row) {
            QListWidgetItem *item = m_ui->staffList->item(row);
            item->setCheckState(request.staff.contains(item->data(idRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_ui->staffFilterEdit->clear();
    filterStaff({});
    updateChosenStaff();
    m_ui->participantsEdit->setPlainText(request.participants);
    m_ui->headcountSpin->setValue(request.headcount);
    m_ui->estimateEdit->setText(request.estimate.toDecimalString());
    m_customerId = request.customerId;
    if (request.customerId)
        setCustomerText(customerName.isEmpty() ? QStringLiteral("#%1").arg(*request.customerId) : customerName,
                        classLabel(request.customerClass));
    else
        setCustomerText({}, {});
    m_ui->overBudgetEdit->setPlainText(request.overBudgetExplanation);
}

domain::ExpenseForm ExpenseFormWidget::form() const
{
    domain::ExpenseForm form;
    form.category = m_ui->categoryCombo->currentData().toString();
    form.reason = m_ui->reasonEdit->toPlainText();
    form.eventAt = m_ui->atEdit->dateTime().toUTC();
    form.place = m_ui->placeEdit->text();
    form.staff = checkedStaff();
    form.participants = m_ui->participantsEdit->toPlainText();
    form.headcount = m_ui->headcountSpin->value();
    form.estimate = m_ui->estimateEdit->text();
    form.customerId = m_customerId;
    form.overBudgetExplanation = m_ui->overBudgetEdit->toPlainText();
    return form;
}

void ExpenseFormWidget::setEditable(bool editable)
{
    m_ui->categoryCombo->setEnabled(editable);
    m_ui->atEdit->setReadOnly(!editable);
    m_ui->headcountSpin->setReadOnly(!editable);
    for (QPlainTextEdit *edit : {m_ui->reasonEdit, m_ui->participantsEdit, m_ui->overBudgetEdit})
        edit->setReadOnly(!editable);
    for (QLineEdit *edit : {m_ui->placeEdit, m_ui->estimateEdit, m_ui->customerEdit})
        edit->setReadOnly(!editable);
    m_ui->customerEdit->setClearButtonEnabled(editable);
    // Read-only, the staff list shrinks to the names of those taking part.
    m_ui->staffFilterEdit->setVisible(editable);
    m_ui->staffList->setVisible(editable);
    // Read-only, empty optional fields are noise: show them only when they say something.
    m_ui->formLayout->setRowVisible(m_ui->customerEdit, editable || !m_ui->customerEdit->text().isEmpty());
    m_ui->formLayout->setRowVisible(m_ui->overBudgetEdit, editable || !m_ui->overBudgetEdit->toPlainText().isEmpty());
    m_ui->formLayout->setRowVisible(m_ui->routeNoteLabel, editable);
    m_ui->formLayout->setRowVisible(m_ui->staffBox, editable || !checkedStaff().isEmpty());
}

void ExpenseFormWidget::setBudgetText(const QString &text, bool over)
{
    m_ui->budgetLabel->setText(text);
    if (over)
        Style::markAsError(m_ui->budgetLabel);
    else
        m_ui->budgetLabel->setStyleSheet(QString());
}

} // namespace bizdesk::ui
