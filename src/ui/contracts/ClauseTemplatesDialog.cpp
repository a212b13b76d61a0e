#include "ui/contracts/ClauseTemplatesDialog.h"

#include "services/contracts/ClauseTemplateService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/FieldsDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

ClauseTemplatesDialog::ClauseTemplatesDialog(services::Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Clause templates (§5.1.3)"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Clause"), tr("Name"), tr("Text")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(BodyColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add…"), this);
    connect(add, &QPushButton::clicked, this, &ClauseTemplatesDialog::askAndAdd);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this, &ClauseTemplatesDialog::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    resize(760, 460);
    reload();
}

template <typename Work>
bool ClauseTemplatesDialog::run(Work &&work)
{
    return ErrorPresenter::attemptShowingIn(m_message, std::forward<Work>(work));
}

void ClauseTemplatesDialog::reload()
{
    QList<domain::ClauseTemplate> templates;
    run([&] { templates = services::ClauseTemplateService(m_session).list(); });
    m_table->setRowCount(0);
    for (const domain::ClauseTemplate &clauseTemplate : templates) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{domain::contractClauses().display(clauseTemplate.clause), clauseTemplate.name,
                                clauseTemplate.body.simplified()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, clauseTemplate.id);
            item->setToolTip(column == BodyColumn ? clauseTemplate.body : cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
}

bool ClauseTemplatesDialog::addTemplate(domain::ContractClause clause, const QString &name, const QString &body)
{
    const bool added = run([&] { services::ClauseTemplateService(m_session).add(clause, name, body); });
    if (added)
        reload();
    return added;
}

bool ClauseTemplatesDialog::removeSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return false;
    const qint64 id = selected.first()->data(Qt::UserRole).toLongLong();
    const bool removed = run([&] { services::ClauseTemplateService(m_session).remove(id); });
    if (removed)
        reload();
    return removed;
}

void ClauseTemplatesDialog::askAndAdd()
{
    QList<std::pair<QString, QString>> clauses;
    for (const domain::ContractClause clause : domain::contractClauses().all())
        clauses << std::pair{domain::contractClauses().name(clause), domain::contractClauses().display(clause)};
    using Kind = FieldsDialog::Kind;
    FieldsDialog form(tr("New clause template"),
                      {{QStringLiteral("clause"), tr("Clause"), Kind::Choice, {}, clauses},
                       {QStringLiteral("name"), tr("Name"), Kind::Line, {}, {}},
                       {QStringLiteral("body"), tr("Text"), Kind::Text, {}, {}}},
                      this);
    if (form.exec() != QDialog::Accepted)
        return;
    const auto clause = domain::contractClauses().fromName(form.value(QStringLiteral("clause")));
    if (clause)
        addTemplate(*clause, form.value(QStringLiteral("name")), form.value(QStringLiteral("body")));
}

} // namespace bizdesk::ui
