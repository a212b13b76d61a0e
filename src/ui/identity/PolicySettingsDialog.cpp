#include "ui/identity/PolicySettingsDialog.h"

#include "ui_PolicySettingsDialog.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/Session.h"
#include "services/policy/PolicyService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Formats.h"
#include "ui/common/Style.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

namespace bizdesk::ui {
namespace {

enum Column { ClauseColumn, RuleColumn, ValueColumn, DefaultColumn, KeyColumn };

QString withUnit(const QString &value, const domain::PolicyDefinition &definition)
{
    return Formats::policyValue(definition, value);
}

QString historyValue(const QString &key, const QString &value)
{
    try {
        return Formats::policyValue(domain::PolicyCatalog::find(key), value);
    } catch (const domain::Error &) {
        return value; // a setting this program no longer knows: show what was stored
    }
}

} // namespace

PolicySettingsDialog::PolicySettingsDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PolicySettingsDialog>())
    , m_session(session)
    , m_mayEdit(session.may(domain::Action::EditPolicy))
{
    m_ui->setupUi(this);
    Style::markAsError(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    m_ui->settingsTable->setColumnCount(5);
    m_ui->settingsTable->setHorizontalHeaderLabels({tr("Clause"), tr("Rule"), tr("Value"), tr("Default"), tr("Key")});
    m_ui->settingsTable->verticalHeader()->hide();
    m_ui->settingsTable->horizontalHeader()->setSectionResizeMode(RuleColumn, QHeaderView::Stretch);
    m_ui->historyTable->setColumnCount(6);
    m_ui->historyTable->setHorizontalHeaderLabels(
        {tr("Version"), tr("When"), tr("Changed by"), tr("Key"), tr("Old value"), tr("New value")});
    m_ui->historyTable->verticalHeader()->hide();
    m_ui->historyTable->horizontalHeader()->setStretchLastSection(true);
    const int rowHeight = fontMetrics().height() + 10;
    m_ui->settingsTable->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->historyTable->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->historyTable->setMinimumHeight(rowHeight * 5);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    if (!m_mayEdit) {
        m_ui->editBox->setTitle(tr("Only the Business Director changes policy settings (§1.3)."));
        m_ui->valueEdit->setReadOnly(true);
    }
    m_ui->applyButton->setEnabled(false);
    m_ui->defaultButton->setEnabled(false);
    connect(m_ui->settingsTable, &QTableWidget::itemSelectionChanged, this, &PolicySettingsDialog::showSelected);
    connect(m_ui->valueEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->errorLabel->hide();
        m_ui->applyButton->setEnabled(m_mayEdit && !selectedKey().isEmpty() && !m_ui->valueEdit->text().trimmed().isEmpty());
    });
    connect(m_ui->valueEdit, &QLineEdit::returnPressed, this, &PolicySettingsDialog::applyValue);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &PolicySettingsDialog::applyValue);
    connect(m_ui->defaultButton, &QPushButton::clicked, this, &PolicySettingsDialog::restoreDefault);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PolicySettingsDialog::reject);
    reload();
    m_ui->settingsTable->selectRow(0);
}

PolicySettingsDialog::~PolicySettingsDialog() = default;

void PolicySettingsDialog::reload()
{
    const QString selected = selectedKey();
    ErrorPresenter::attempt(this, [&] {
        const services::PolicyService policy(m_session);
        m_ui->versionLabel->setText(
            tr("Policy version %1. Every change raises the version; approvals record the version that applied.")
                .arg(policy.currentVersion()));
        const auto settings = policy.settings();
        m_ui->settingsTable->setRowCount(static_cast<int>(settings.size()));
        int row = 0;
        for (const services::PolicySetting &setting : settings) {
            const domain::PolicyDefinition &definition = *setting.definition;
            auto *clause = new QTableWidgetItem(QStringLiteral("§") + definition.clause);
            clause->setData(Qt::UserRole, definition.key);
            m_ui->settingsTable->setItem(row, ClauseColumn, clause);
            m_ui->settingsTable->setItem(row, RuleColumn, new QTableWidgetItem(definition.translatedDescription()));
            auto *value = new QTableWidgetItem(withUnit(setting.value, definition));
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            for (const services::PolicyAssignment &pending : m_pending) {
                if (pending.key == definition.key)
                    value->setText(tr("%1 → %2 (not applied yet)").arg(value->text(), withUnit(pending.value, definition)));
            }
            if (!setting.isDefault) {
                QFont bold = value->font();
                bold.setBold(true);
                value->setFont(bold);
                value->setToolTip(tr("Changed from the default"));
            }
            m_ui->settingsTable->setItem(row, ValueColumn, value);
            auto *fallback = new QTableWidgetItem(withUnit(definition.defaultValue, definition));
            fallback->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_ui->settingsTable->setItem(row, DefaultColumn, fallback);
            m_ui->settingsTable->setItem(row, KeyColumn, new QTableWidgetItem(definition.key));
            ++row;
        }
        m_ui->settingsTable->resizeColumnToContents(ClauseColumn);
        m_ui->settingsTable->resizeColumnToContents(ValueColumn);
        m_ui->settingsTable->resizeColumnToContents(DefaultColumn);
        m_ui->settingsTable->resizeColumnToContents(KeyColumn);

        const auto history = policy.history();
        m_ui->historyTable->setRowCount(static_cast<int>(history.size()));
        row = 0;
        for (const storage::PolicyChange &change : history) {
            m_ui->historyTable->setItem(row, 0, new QTableWidgetItem(QString::number(change.version)));
            m_ui->historyTable->setItem(
                row, 1,
                new QTableWidgetItem(QLocale().toString(domain::fromStorageTimestamp(change.changedAt).toLocalTime(),
                                                        QStringLiteral("yyyy-MM-dd HH:mm"))));
            m_ui->historyTable->setItem(row, 2, new QTableWidgetItem(change.changedByName.isEmpty()
                                                                         ? change.changedByLogin
                                                                         : tr("%1 (%2)").arg(change.changedByName,
                                                                                             change.changedByLogin)));
            m_ui->historyTable->setItem(row, 3, new QTableWidgetItem(change.key));
            m_ui->historyTable->setItem(row, 4, new QTableWidgetItem(historyValue(change.key, change.oldValue)));
            m_ui->historyTable->setItem(row, 5, new QTableWidgetItem(historyValue(change.key, change.newValue)));
            ++row;
        }
        for (int column = 0; column < 5; ++column)
            m_ui->historyTable->resizeColumnToContents(column);
    });
    if (!selected.isEmpty())
        selectKey(selected);
}

bool PolicySettingsDialog::selectKey(const QString &key)
{
    for (int row = 0; row < m_ui->settingsTable->rowCount(); ++row) {
        if (m_ui->settingsTable->item(row, ClauseColumn)->data(Qt::UserRole).toString() == key) {
            m_ui->settingsTable->selectRow(row);
            return true;
        }
    }
    return false;
}

QString PolicySettingsDialog::selectedKey() const
{
    const auto rows = m_ui->settingsTable->selectionModel() ? m_ui->settingsTable->selectionModel()->selectedRows()
                                                            : QModelIndexList();
    if (rows.isEmpty())
        return {};
    return m_ui->settingsTable->item(rows.first().row(), ClauseColumn)->data(Qt::UserRole).toString();
}

void PolicySettingsDialog::showSelected()
{
    m_ui->errorLabel->hide();
    const QString key = selectedKey();
    if (key.isEmpty()) {
        m_ui->selectedLabel->clear();
        m_ui->valueEdit->clear();
        m_ui->defaultButton->setEnabled(false);
        return;
    }
    try {
        const domain::PolicyDefinition &definition = domain::PolicyCatalog::find(key);
        m_ui->selectedLabel->setText(tr("§%1 %2 (%3); default %4")
                                         .arg(definition.clause, definition.translatedDescription(), definition.key,
                                              withUnit(definition.defaultValue, definition)));
        m_ui->unitLabel->setText(definition.kind == domain::PolicyDefinition::Kind::Money ? tr("yuan")
                                                                                          : definition.translatedUnit());
        m_ui->valueEdit->setText(services::PolicyService(m_session).text(key));
        m_ui->defaultButton->setEnabled(m_mayEdit);
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
    }
}

void PolicySettingsDialog::save(const QString &value)
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    QList<services::PolicyAssignment> changes;
    for (const services::PolicyAssignment &pending : m_pending) {
        if (pending.key != key)
            changes << pending;
    }
    changes << services::PolicyAssignment{key, value};
    try {
        services::PolicyService(m_session).set(changes);
        m_pending.clear();
        reload();
        showSelected();
    } catch (const domain::Error &error) {
        const bool hold = domain::PolicyCatalog::isCrossSettingRule(error.field());
        if (hold) {
            // Fine on its own, but the rule needs the other settings too: keep it for the next change.
            m_pending = changes;
            reload();
            showSelected();
        }
        m_ui->errorLabel->setText(hold ? tr("%1 Not applied yet: change the other settings of the rule, then all are "
                                            "applied together.")
                                             .arg(ErrorPresenter::describe(error))
                                       : ErrorPresenter::describe(error));
        m_ui->errorLabel->show();
    }
}

void PolicySettingsDialog::applyValue()
{
    save(m_ui->valueEdit->text());
}

void PolicySettingsDialog::restoreDefault()
{
    const QString key = selectedKey();
    if (!key.isEmpty())
        save(domain::PolicyCatalog::find(key).defaultValue);
}

} // namespace bizdesk::ui
