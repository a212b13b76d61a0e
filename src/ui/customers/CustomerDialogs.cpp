#include "ui/customers/CustomerDialogs.h"

#include "ui_ContactLogDialog.h"
#include "ui_CustomerDialog.h"
#include "ui_CustomerImportDialog.h"
#include "ui_MarketResearchDialog.h"
#include "ui_TargetSegmentDialog.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/CustomerService.h"
#include "services/customers/MarketResearchService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace bizdesk::ui {

using domain::CustomerRules;

namespace {

/// OK and Cancel close the dialog (through its accept(), which saves), the error label looks like
/// one, and with `required` OK is enabled only while that field has text.
void wireForm(QDialog *dialog, QDialogButtonBox *buttons, QLabel *errorLabel, QLineEdit *required = nullptr)
{
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    Style::markAsError(errorLabel);
    if (!required)
        return;
    auto validate = [buttons, required] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!required->text().trimmed().isEmpty()); };
    QObject::connect(required, &QLineEdit::textChanged, dialog, validate);
    validate();
}

/// Runs the use case; closes the dialog as accepted when it succeeds, else shows why it was refused.
template<typename Save>
void saveAndClose(QDialog *dialog, QLabel *errorLabel, Save &&save)
{
    try {
        save();
        dialog->done(QDialog::Accepted);
    } catch (const domain::Error &error) {
        errorLabel->setText(ErrorPresenter::describe(error));
    }
}

} // namespace

CustomerDialog::CustomerDialog(services::Session &session, QWidget *parent, domain::CustomerId editId)
    : QDialog(parent)
    , m_session(session)
    , m_ui(std::make_unique<Ui::CustomerDialog>())
    , m_editId(editId)
{
    m_ui->setupUi(this);
    wireForm(this, m_ui->buttonBox, m_ui->errorLabel);
    for (auto value : CustomerRules::classes())
        m_ui->classCombo->addItem(CustomerRules::label(value), CustomerRules::name(value));
    m_ui->classCombo->setCurrentIndex(2);
    m_ui->channelCombo->addItem(tr("(not recorded)"), QString());
    for (auto value : CustomerRules::channels())
        m_ui->channelCombo->addItem(CustomerRules::label(value), CustomerRules::name(value));
    // The service decides who may own the customer (§3.2.1); the picker shows exactly that.
    const services::OwnerChoices owners = services::CustomerService(session).eligibleOwners();
    for (const domain::User &user : owners.people) {
        if (user.id == session.userId())
            m_ui->ownerCombo->addItem(tr("Me (%1)").arg(user.displayName), user.login);
    }
    if (owners.pool)
        m_ui->ownerCombo->addItem(tr("Shared pool"), QStringLiteral("pool"));
    for (const domain::User &user : owners.people) {
        if (user.id != session.userId())
            m_ui->ownerCombo->addItem(user.displayName + QStringLiteral(" (") + user.login + QLatin1Char(')'), user.login);
    }
    // §3.1.2: a customer belongs to at most one target segment.
    m_ui->segmentCombo->addItem(tr("(none)"), QVariant());
    for (const domain::TargetSegment &segment : services::MarketResearchService(session).segments())
        m_ui->segmentCombo->addItem(segment.name, segment.id);
    Style::markAsError(m_ui->duplicateLabel);
    if (m_editId) {
        // Editing: stage, owner and contact persons have their own actions.
        m_editing = services::CustomerService(session).customer(m_editId);
        setWindowTitle(tr("Edit customer"));
        m_ui->nameEdit->setText(m_editing.name);
        m_ui->shortNameEdit->setText(m_editing.shortName);
        m_ui->classCombo->setCurrentIndex(m_ui->classCombo->findData(CustomerRules::name(m_editing.customerClass)));
        m_ui->channelCombo->setCurrentIndex(
            std::max(0, m_ui->channelCombo->findData(m_editing.channel ? CustomerRules::name(*m_editing.channel) : QString())));
        m_ui->industryEdit->setText(m_editing.industry);
        m_ui->phoneEdit->setText(m_editing.phone);
        m_ui->emailEdit->setText(m_editing.email);
        m_ui->addressEdit->setText(m_editing.address);
        m_ui->notesEdit->setPlainText(m_editing.notes);
        if (m_editing.segmentId)
            m_ui->segmentCombo->setCurrentIndex(std::max(0, m_ui->segmentCombo->findData(*m_editing.segmentId)));
        for (QWidget *widget : {static_cast<QWidget *>(m_ui->contactEdit), static_cast<QWidget *>(m_ui->contactEditLabel),
                                static_cast<QWidget *>(m_ui->ownerCombo), static_cast<QWidget *>(m_ui->ownerComboLabel)})
            widget->hide();
    }
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->phoneEdit, m_ui->emailEdit})
        connect(edit, &QLineEdit::textChanged, this, &CustomerDialog::validate);
    validate();
}

CustomerDialog::~CustomerDialog() = default;

void CustomerDialog::setName(const QString &name)
{
    m_ui->nameEdit->setText(name);
}

QString CustomerDialog::duplicateWarning() const
{
    return m_ui->duplicateLabel->text();
}

void CustomerDialog::validate()
{
    QString error;
    QString duplicate;
    try {
        domain::Customer probe;
        probe.name = m_ui->nameEdit->text();
        probe.phone = m_ui->phoneEdit->text();
        probe.email = m_ui->emailEdit->text();
        probe = CustomerRules::validated(probe);
        probe.id = m_editId;
        const auto matches = services::CustomerService(m_session).duplicatesOf(probe);
        if (!matches.isEmpty())
            duplicate = tr("Possible duplicate: customer #%1 \"%2\" has the same %3.")
                            .arg(matches.first().id)
                            .arg(matches.first().name, matches.first().reason);
    } catch (const domain::Error &e) {
        if (!m_ui->nameEdit->text().isEmpty() || e.field() != QLatin1String("name"))
            error = ErrorPresenter::describe(e);
    }
    m_ui->errorLabel->setText(error);
    m_ui->duplicateLabel->setText(duplicate);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty() && !m_ui->nameEdit->text().trimmed().isEmpty());
}

void CustomerDialog::accept()
{
    if (m_editId) {
        domain::Customer edited = m_editing;
        edited.name = m_ui->nameEdit->text();
        edited.shortName = m_ui->shortNameEdit->text();
        edited.industry = m_ui->industryEdit->text();
        edited.phone = m_ui->phoneEdit->text();
        edited.email = m_ui->emailEdit->text();
        edited.address = m_ui->addressEdit->text();
        edited.notes = m_ui->notesEdit->toPlainText();
        const QVariant segment = m_ui->segmentCombo->currentData();
        edited.segmentId = segment.isValid() ? std::optional(segment.toLongLong()) : std::nullopt;
        try {
            edited.customerClass = CustomerRules::parseClass(QStringLiteral("class"), m_ui->classCombo->currentData().toString());
            const QString channel = m_ui->channelCombo->currentData().toString();
            edited.channel = channel.isEmpty() ? std::nullopt : std::optional(CustomerRules::parseChannel(QStringLiteral("channel"), channel));
            services::CustomerService(m_session).update(edited);
            m_createdId = m_editId;
            QDialog::accept();
        } catch (const domain::Error &error) {
            m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        }
        return;
    }
    services::NewCustomer input;
    input.name = m_ui->nameEdit->text();
    input.shortName = m_ui->shortNameEdit->text();
    input.customerClass = m_ui->classCombo->currentData().toString();
    input.channel = m_ui->channelCombo->currentData().toString();
    input.industry = m_ui->industryEdit->text();
    input.phone = m_ui->phoneEdit->text();
    input.email = m_ui->emailEdit->text();
    input.address = m_ui->addressEdit->text();
    input.contactName = m_ui->contactEdit->text();
    input.ownerLogin = m_ui->ownerCombo->currentData().toString();
    input.notes = m_ui->notesEdit->toPlainText();
    if (m_ui->segmentCombo->currentData().isValid())
        input.segment = m_ui->segmentCombo->currentText();
    bool allowDuplicate = false;
    if (!m_ui->duplicateLabel->text().isEmpty()) {
        if (QMessageBox::question(this, tr("Possible duplicate"), m_ui->duplicateLabel->text() + QLatin1Char('\n') + tr("Add the customer anyway?"))
            != QMessageBox::Yes)
            return;
        allowDuplicate = true;
    }
    try {
        m_createdId = services::CustomerService(m_session).add(input, allowDuplicate).id;
        QDialog::accept();
    } catch (const domain::Error &error) {
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
    }
}

ContactLogDialog::ContactLogDialog(services::Session &session, domain::CustomerId customer, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_customer(customer)
    , m_ui(std::make_unique<Ui::ContactLogDialog>())
{
    m_ui->setupUi(this);
    wireForm(this, m_ui->buttonBox, m_ui->errorLabel);
    for (auto kind : CustomerRules::kinds())
        m_ui->kindCombo->addItem(CustomerRules::label(kind), static_cast<int>(kind));
    m_ui->atEdit->setDateTime(session.now().toLocalTime());
    m_ui->followUpEdit->setDate(session.today().addDays(7));
    m_ui->followUpEdit->setEnabled(false);
    connect(m_ui->followUpCheck, &QCheckBox::toggled, m_ui->followUpEdit, &QWidget::setEnabled);
    auto validate = [this] {
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_ui->noteEdit->toPlainText().trimmed().isEmpty());
    };
    connect(m_ui->noteEdit, &QPlainTextEdit::textChanged, this, validate);
    validate();
}

ContactLogDialog::~ContactLogDialog() = default;

void ContactLogDialog::accept()
{
    saveAndClose(this, m_ui->errorLabel, [this] {
        services::CustomerCareService(m_session).recordContact(
            m_customer, static_cast<domain::ContactKind>(m_ui->kindCombo->currentData().toInt()), m_ui->noteEdit->toPlainText(),
            m_ui->atEdit->dateTime().toUTC(), m_ui->followUpCheck->isChecked() ? m_ui->followUpEdit->date() : QDate());
    });
}

MarketResearchDialog::MarketResearchDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_ui(std::make_unique<Ui::MarketResearchDialog>())
{
    m_ui->setupUi(this);
    wireForm(this, m_ui->buttonBox, m_ui->errorLabel, m_ui->topicEdit);
    m_ui->dateEdit->setDate(session.today());
}

MarketResearchDialog::~MarketResearchDialog() = default;

void MarketResearchDialog::accept()
{
    saveAndClose(this, m_ui->errorLabel, [this] {
        m_createdId = services::MarketResearchService(m_session).addResearch(m_ui->topicEdit->text(), m_ui->dateEdit->date(),
                                                                       m_ui->findingsEdit->toPlainText(), m_ui->competitorsEdit->toPlainText());
    });
}

TargetSegmentDialog::TargetSegmentDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_ui(std::make_unique<Ui::TargetSegmentDialog>())
{
    m_ui->setupUi(this);
    wireForm(this, m_ui->buttonBox, m_ui->errorLabel, m_ui->nameEdit);
}

TargetSegmentDialog::~TargetSegmentDialog() = default;

void TargetSegmentDialog::accept()
{
    saveAndClose(this, m_ui->errorLabel, [this] {
        m_createdId = services::MarketResearchService(m_session).addSegment(m_ui->nameEdit->text(), m_ui->traitsEdit->toPlainText(),
                                                                      m_ui->strategyEdit->toPlainText());
    });
}

CustomerImportDialog::CustomerImportDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_ui(std::make_unique<Ui::CustomerImportDialog>())
{
    m_ui->setupUi(this);
    m_ui->encodingCombo->addItem(tr("Detect"), QStringLiteral("auto"));
    m_ui->encodingCombo->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    m_ui->encodingCombo->addItem(tr("GB18030 / GBK (Excel on Chinese Windows)"), QStringLiteral("gb18030"));
    // Counts and results are information; only what went wrong is red.
    Style::markAsError(m_ui->errorLabel);
    m_ui->valuesTable->setColumnCount(4);
    m_ui->valuesTable->setHorizontalHeaderLabels({tr("Column"), tr("Value in the file"), tr("Rows"), tr("Stands for")});
    m_ui->valuesTable->verticalHeader()->hide();
    m_ui->valuesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->valuesLabel->hide();
    m_ui->valuesTable->hide();
    m_ui->dryRunButton->setEnabled(false);
    m_ui->importButton->setEnabled(false);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &CustomerImportDialog::chooseFile);
    connect(m_ui->encodingCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_path.isEmpty())
            load(m_path);
    });
    connect(m_ui->dryRunButton, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_ui->importButton, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

CustomerImportDialog::~CustomerImportDialog() = default;

void CustomerImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import customers"), {},
                                                      tr("Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"));
    if (!path.isEmpty())
        load(path);
}

bool CustomerImportDialog::load(const QString &path)
{
    m_path = path;
    m_ui->fileEdit->setText(path);
    m_ui->reportEdit->clear();
    try {
        m_table = services::CustomerImport::read(path, m_ui->encodingCombo->currentData().toString());
    } catch (const domain::Error &error) {
        m_table = {};
        m_ui->previewTable->clear();
        m_ui->previewTable->setRowCount(0);
        m_ui->previewTable->setColumnCount(0);
        m_ui->summaryLabel->clear();
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
        m_ui->dryRunButton->setEnabled(false);
        m_ui->importButton->setEnabled(false);
        return false;
    }
    m_ui->errorLabel->clear();
    m_ui->summaryLabel->setText(tr("%n data row(s), encoding %1.", nullptr, static_cast<int>(m_table.rows.size())).arg(m_table.encoding));
    showPreview();
    m_ui->dryRunButton->setEnabled(true);
    m_ui->importButton->setEnabled(true);
    return true;
}

void CustomerImportDialog::showPreview()
{
    const QStringList guessed = services::CustomerImport::guessMapping(m_table.headers);
    const int previewRows = static_cast<int>(std::min<qsizetype>(m_table.rows.size(), 50));
    auto *table = m_ui->previewTable;
    table->clear();
    table->setColumnCount(static_cast<int>(m_table.headers.size()));
    table->setRowCount(previewRows + 1);
    table->setHorizontalHeaderLabels(m_table.headers);
    QStringList rowLabels{tr("Maps to")};
    for (int r = 0; r < previewRows; ++r)
        rowLabels << QString::number(m_table.lines.value(r));
    table->setVerticalHeaderLabels(rowLabels);
    for (int c = 0; c < m_table.headers.size(); ++c) {
        auto *combo = new QComboBox(table);
        combo->addItem(services::CustomerImport::fieldLabel({}), QString());
        for (const QString &field : services::CustomerImport::fields())
            combo->addItem(services::CustomerImport::fieldLabel(field), field);
        combo->setCurrentIndex(std::max(0, combo->findData(guessed.value(c))));
        connect(combo, &QComboBox::currentIndexChanged, this, &CustomerImportDialog::refreshChecks);
        table->setCellWidget(0, c, combo);
        for (int r = 0; r < previewRows; ++r)
            table->setItem(r + 1, c, new QTableWidgetItem(m_table.rows.at(r).value(c)));
    }
    table->resizeColumnsToContents();
    refreshChecks();
}

void CustomerImportDialog::refreshChecks()
{
    const QStringList ignored = services::CustomerImport::ignoredColumns(m_table, mapping());
    m_ui->ignoredLabel->setText(ignored.isEmpty() ? QString()
                                                  : tr("Not imported (no field chosen): %1").arg(ignored.join(tr(", "))));
    // Keep the choices already made for values that are still unknown.
    const services::ImportPlan previous = plan(true);
    services::ImportPlan unmapped = previous;
    unmapped.values.clear();
    const QList<services::UnknownValue> unknown = services::CustomerImport::unknownValues(m_table, unmapped);
    auto *table = m_ui->valuesTable;
    table->setRowCount(static_cast<int>(unknown.size()));
    for (int r = 0; r < unknown.size(); ++r) {
        const services::UnknownValue &value = unknown.at(r);
        const auto readOnly = [](const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled);
            return item;
        };
        QTableWidgetItem *column = readOnly(services::CustomerImport::fieldLabel(value.field));
        column->setData(Qt::UserRole, value.field);
        table->setItem(r, 0, column);
        table->setItem(r, 1, readOnly(value.value));
        table->setItem(r, 2, readOnly(QString::number(value.rows)));
        auto *combo = new QComboBox(table);
        combo->addItem(tr("(reject these rows)"), QString());
        for (const auto &[name, label] : services::CustomerImport::choices(value.field))
            combo->addItem(label, name);
        if (const auto field = previous.values.find(value.field); field != previous.values.end()) {
            if (const auto chosen = field->second.find(value.value); chosen != field->second.end())
                combo->setCurrentIndex(std::max(0, combo->findData(chosen->second)));
        }
        table->setCellWidget(r, 3, combo);
    }
    table->resizeColumnsToContents();
    m_ui->valuesLabel->setVisible(!unknown.isEmpty());
    table->setVisible(!unknown.isEmpty());
}

services::ImportPlan CustomerImportDialog::plan(bool dryRun) const
{
    services::ImportPlan result;
    result.mapping = mapping();
    result.dryRun = dryRun;
    result.update = m_ui->updateCheck->isChecked();
    const auto *table = m_ui->valuesTable;
    for (int r = 0; r < table->rowCount(); ++r) {
        const auto *combo = qobject_cast<QComboBox *>(table->cellWidget(r, 3));
        if (!combo || combo->currentData().toString().isEmpty() || !table->item(r, 0) || !table->item(r, 1))
            continue;
        result.values[table->item(r, 0)->data(Qt::UserRole).toString()][table->item(r, 1)->text()] = combo->currentData().toString();
    }
    return result;
}

QStringList CustomerImportDialog::mapping() const
{
    QStringList fields;
    for (int c = 0; c < m_ui->previewTable->columnCount(); ++c) {
        auto *combo = qobject_cast<QComboBox *>(m_ui->previewTable->cellWidget(0, c));
        fields << (combo ? combo->currentData().toString() : QString());
    }
    return fields;
}

QString CustomerImportDialog::summary() const
{
    return m_ui->summaryLabel->text();
}

QString CustomerImportDialog::error() const
{
    return m_ui->errorLabel->text();
}

void CustomerImportDialog::run(bool dryRun)
{
    QProgressDialog progress(dryRun ? tr("Checking…") : tr("Importing…"), tr("Cancel"), 0,
                             static_cast<int>(m_table.rows.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    try {
        m_ui->errorLabel->clear();
        const auto report = services::CustomerImport(m_session).run(m_table, plan(dryRun), [&progress](int done, int) {
            progress.setValue(done);
            return !progress.wasCanceled();
        });
        progress.reset();
        QStringList lines;
        for (const auto &rejection : report.rejected)
            lines << tr("line %1: %2").arg(rejection.line).arg(rejection.error);
        m_ui->reportEdit->setPlainText(lines.join(QLatin1Char('\n')));
        const QString counts = dryRun ? tr("Dry run: %1 row(s) would be imported, %2 updated, %3 rejected; nothing was written.")
                                      : tr("%1 row(s) imported, %2 updated, %3 rejected.");
        m_ui->summaryLabel->setText(counts.arg(report.imported).arg(report.updated).arg(report.rejected.size()));
        if (!dryRun) {
            m_imported += report.imported;
            m_ui->importButton->setEnabled(false);
        }
    } catch (const domain::Error &error) {
        progress.reset();
        m_ui->errorLabel->setText(ErrorPresenter::describe(error));
    }
}

} // namespace bizdesk::ui
