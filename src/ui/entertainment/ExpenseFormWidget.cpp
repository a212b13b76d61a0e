#include "ui/entertainment/ExpenseFormWidget.h"

#include "ui/common/Style.h"
#include "ui_ExpenseFormWidget.h"

namespace bizdesk::ui {

ExpenseFormWidget::ExpenseFormWidget(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ExpenseFormWidget>())
{
    m_ui->setupUi(this);
    for (domain::ExpenseCategory category : {domain::ExpenseCategory::Reception, domain::ExpenseCategory::Banquet,
                                             domain::ExpenseCategory::Event, domain::ExpenseCategory::Other})
        m_ui->categoryCombo->addItem(domain::expenseCategoryDisplayName(category), domain::expenseCategoryName(category));
    connect(m_ui->estimateEdit, &QLineEdit::textEdited, this, &ExpenseFormWidget::edited);
    connect(m_ui->atEdit, &QDateTimeEdit::dateTimeChanged, this, &ExpenseFormWidget::edited);
}

ExpenseFormWidget::~ExpenseFormWidget() = default;

void ExpenseFormWidget::clear(const QDateTime &defaultTime)
{
    m_ui->categoryCombo->setCurrentIndex(0);
    m_ui->reasonEdit->clear();
    m_ui->atEdit->setDateTime(defaultTime.toLocalTime());
    m_ui->placeEdit->clear();
    m_ui->participantsEdit->clear();
    m_ui->headcountSpin->setValue(2);
    m_ui->estimateEdit->clear();
    m_ui->customerEdit->clear();
    m_ui->overBudgetEdit->clear();
    m_ui->budgetLabel->clear();
}

void ExpenseFormWidget::load(const domain::ExpenseRequest &request)
{
    m_ui->categoryCombo->setCurrentIndex(m_ui->categoryCombo->findData(domain::expenseCategoryName(request.category)));
    m_ui->reasonEdit->setPlainText(request.reason);
    m_ui->atEdit->setDateTime(request.eventAt.toLocalTime());
    m_ui->placeEdit->setText(request.place);
    m_ui->participantsEdit->setPlainText(request.participants);
    m_ui->headcountSpin->setValue(request.headcount);
    m_ui->estimateEdit->setText(request.estimate.toDecimalString());
    m_ui->customerEdit->setText(request.customerId ? QString::number(*request.customerId) : QString());
    m_ui->overBudgetEdit->setPlainText(request.overBudgetExplanation);
}

domain::ExpenseForm ExpenseFormWidget::form() const
{
    domain::ExpenseForm form;
    form.category = m_ui->categoryCombo->currentData().toString();
    form.reason = m_ui->reasonEdit->toPlainText();
    form.eventAt = m_ui->atEdit->dateTime().toUTC();
    form.place = m_ui->placeEdit->text();
    form.participants = m_ui->participantsEdit->toPlainText();
    form.headcount = m_ui->headcountSpin->value();
    form.estimate = m_ui->estimateEdit->text();
    bool ok = false;
    const qint64 customer = m_ui->customerEdit->text().trimmed().toLongLong(&ok);
    if (ok && customer > 0)
        form.customerId = customer;
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
    // Read-only, empty optional fields are noise: show them only when they say something.
    m_ui->formLayout->setRowVisible(m_ui->customerEdit, editable || !m_ui->customerEdit->text().isEmpty());
    m_ui->formLayout->setRowVisible(m_ui->overBudgetEdit, editable || !m_ui->overBudgetEdit->toPlainText().isEmpty());
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
