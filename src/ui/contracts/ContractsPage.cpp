#include "ui/contracts/ContractsPage.h"

#include "services/Session.h"
#include "services/contracts/ClauseTemplateService.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractModule.h"
#include "services/contracts/ContractPrinting.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/FieldsDialog.h"
#include "ui/common/PrintPreview.h"
#include "ui/common/StateBadgeDelegate.h"
#include "ui/contracts/ClauseTemplatesDialog.h"
#include "ui/contracts/ContractAttachmentsPanel.h"
#include "ui/contracts/ContractDetailHtml.h"
#include "ui/contracts/ContractEditorDialog.h"
#include "ui/contracts/ContractLedgerView.h"
#include "ui/contracts/ContractFilterBar.h"
#include "ui/contracts/ContractListModel.h"
#include "ui/contracts/ReceivablesView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bizdesk::ui {

using domain::ContractAction;
using Field = FieldsDialog::Field;
using Kind = FieldsDialog::Kind;

ContractsPage::ContractsPage(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    buildUi();
}

void ContractsPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_newButton = new QPushButton(tr("&New contract…"), this);
    m_newButton->setVisible(m_session.may(domain::Action::DraftContract));
    connect(m_newButton, &QPushButton::clicked, this, &ContractsPage::startNew);
    bar->addWidget(m_newButton);
    bar->addWidget(new QLabel(tr("State:"), this));
    m_stateFilter = new QComboBox(this);
    m_stateFilter->addItem(tr("All"), QString());
    for (const domain::ContractState state : domain::contractStates().all())
        m_stateFilter->addItem(domain::contractStates().display(state), domain::contractStates().name(state));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &ContractsPage::reloadList);
    bar->addWidget(m_stateFilter);
    m_filters = new ContractFilterBar(m_session, this);
    connect(m_filters, &ContractFilterBar::changed, this, &ContractsPage::reloadList);
    bar->addWidget(m_filters);
    bar->addStretch(1);
    auto *receivables = new QPushButton(tr("&Receivables…"), this);
    connect(receivables, &QPushButton::clicked, this, &ContractsPage::showReceivables);
    bar->addWidget(receivables);
    auto *ledger = new QPushButton(tr("Contract &ledger…"), this);
    connect(ledger, &QPushButton::clicked, this, &ContractsPage::showLedger);
    bar->addWidget(ledger);
    m_templatesButton = new QPushButton(tr("Clause &templates…"), this);
    m_templatesButton->setVisible(services::ClauseTemplateService(m_session).mayMaintain());
    connect(m_templatesButton, &QPushButton::clicked, this, [this] { ClauseTemplatesDialog(m_session, this).exec(); });
    bar->addWidget(m_templatesButton);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(this);
    m_model = new ContractListModel(m_session, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setItemDelegateForColumn(ContractListModel::State, new StateBadgeDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(ContractListModel::Title, QHeaderView::Stretch);
    // Fixed columns as wide as their longest usual value, so the title gets the rest of the width.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthOf = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 18; };
    m_table->setColumnWidth(ContractListModel::Number, widthOf(QStringLiteral("HT-2026-0000")));
    m_table->setColumnWidth(ContractListModel::Customer, widthOf(QStringLiteral("华东精密制造有限")));
    m_table->setColumnWidth(ContractListModel::Owner, widthOf(QStringLiteral("王小明明")));
    m_table->setColumnWidth(ContractListModel::Amount, widthOf(QStringLiteral("¥1,000,000.00")));
    m_table->setColumnWidth(ContractListModel::State, widthOf(QStringLiteral("法务审核中")));
    m_table->setColumnWidth(ContractListModel::End, widthOf(QStringLiteral("2026-12-31")));
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (const domain::ContractListRow *row = m_model->rowAt(current.row()))
            open(row->contract.id);
    });

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detailView = new QTextBrowser(detail);
    m_detailView->setOpenLinks(false);
    detailLayout->addWidget(m_detailView, 1);
    m_attachments = new ContractAttachmentsPanel(m_session, detail);
    m_attachments->hide();
    connect(m_attachments, &ContractAttachmentsPanel::attached, this, [this] {
        if (m_detail)
            open(m_detail->contract.id);
    });
    detailLayout->addWidget(m_attachments);
    m_message = new QLabel(detail);
    m_message->setWordWrap(true);
    detailLayout->addWidget(m_message);
    m_comment = new QLineEdit(detail);
    m_comment->setPlaceholderText(tr("Comment (required to return)"));
    // Reviewers comment clause by clause (§5.2.1); the comment then stands under that clause.
    m_commentClause = new QComboBox(detail);
    m_commentClause->setObjectName(QStringLiteral("commentClause"));
    m_commentClause->addItem(tr("Whole contract"), QString());
    for (const domain::ContractClause clause : domain::contractClauses().all())
        m_commentClause->addItem(domain::contractClauses().display(clause), domain::contractClauses().name(clause));
    auto *commentRow = new QHBoxLayout;
    commentRow->addWidget(m_commentClause);
    commentRow->addWidget(m_comment, 1);
    detailLayout->addLayout(commentRow);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    auto *more = new QHBoxLayout;
    more->setSpacing(4);
    int placed = 0;
    for (const ContractAction action : domain::contractActions().all()) {
        auto *button = new QPushButton(domain::contractActions().display(action), detail);
        button->setVisible(false);
        connect(button, &QPushButton::clicked, this, [this, action] { act(action); });
        (placed++ < 9 ? buttons : more)->addWidget(button);
        m_buttons.insert(action, button);
    }
    buttons->addStretch(1);
    m_printButton = new QPushButton(tr("&Print approval sheet…"), detail);
    m_printButton->setVisible(false);
    connect(m_printButton, &QPushButton::clicked, this, &ContractsPage::printApprovalSheet);
    more->addWidget(m_printButton);
    more->addStretch(1);
    detailLayout->addLayout(buttons);
    detailLayout->addLayout(more);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *shortcut = new QShortcut(QKeySequence::New, this);
    connect(shortcut, &QShortcut::activated, this, &ContractsPage::startNew);
    auto *print = new QShortcut(QKeySequence::Print, this);
    connect(print, &QShortcut::activated, this, &ContractsPage::printApprovalSheet);
}

ReceivablesView *ContractsPage::showReceivables()
{
    if (!m_receivables) {
        m_receivables = new ReceivablesView(m_session, this);
        m_receivables->setWindowFlag(Qt::Window);
        m_receivables->setWindowTitle(tr("Receivables"));
        m_receivables->resize(1000, 600);
        connect(m_receivables, &ReceivablesView::openContract, this, [this](qint64 id) {
            open(id);
            window()->raise();
            window()->activateWindow();
        });
    }
    m_receivables->refresh();
    m_receivables->show();
    m_receivables->raise();
    return m_receivables;
}

ContractLedgerView *ContractsPage::showLedger()
{
    if (!m_ledger) {
        m_ledger = new ContractLedgerView(m_session, this);
        m_ledger->setWindowFlag(Qt::Window);
        m_ledger->setWindowTitle(tr("Contract ledger"));
        m_ledger->resize(1100, 700);
    }
    m_ledger->build();
    m_ledger->show();
    m_ledger->raise();
    return m_ledger;
}

void ContractsPage::printApprovalSheet()
{
    if (!m_detail)
        return;
    run([&] {
        PrintPreview::show(this, services::ContractPrinting::approvalSheet(*m_detail, services::CompanyService(m_session).profile()),
                           m_session.now());
    });
}

template <typename Work>
bool ContractsPage::run(Work &&work)
{
    m_message->clear();
    try {
        work();
        return true;
    } catch (const domain::Error &error) {
        m_message->setText(ErrorPresenter::describe(error));
        m_message->setStyleSheet(QStringLiteral("color:%1").arg(Style::colourFor(Style::Meaning::Rejected).name()));
        return false;
    }
}

void ContractsPage::refresh()
{
    reloadList();
    run([&] { m_waiting = static_cast<int>(services::ContractService(m_session).waitingForMe().size()); });
    if (m_detail)
        open(m_detail->contract.id);
}

int ContractsPage::badgeCount() const
{
    return m_waiting;
}

void ContractsPage::reloadList()
{
    services::ContractQuery query;
    query.state = domain::contractStates().fromName(m_stateFilter->currentData().toString());
    m_filters->apply(query);
    run([&] { m_model->reload(query); });
    if (m_detail) {
        const int row = m_model->rowOf(m_detail->contract.id);
        if (row >= 0) {
            const QSignalBlocker blocker(m_table->selectionModel());
            m_table->selectRow(row);
        }
    }
}

bool ContractsPage::showRecord(const services::RecordRef &record)
{
    if (record.kind != services::contractRecord)
        return false;
    open(record.id);
    return m_detail && m_detail->contract.id == record.id;
}

void ContractsPage::open(qint64 id)
{
    const bool shown = run([&] { m_detail = services::ContractService(m_session).detail(id); });
    if (!shown)
        m_detail.reset();
    showDetail();
}

void ContractsPage::showDetail()
{
    for (QPushButton *button : m_buttons)
        button->setVisible(false);
    m_printButton->setVisible(m_detail.has_value());
    m_attachments->showFiles(m_detail ? &*m_detail : nullptr);
    if (!m_detail) {
        m_detailView->clear();
        return;
    }
    m_detailView->setHtml(ContractDetailHtml::render(*m_detail));
    for (const ContractAction action : m_detail->actions)
        m_buttons.value(action)->setVisible(true);
    const bool reviewing = m_detail->may(ContractAction::Approve) || m_detail->may(ContractAction::Return);
    m_comment->setVisible(reviewing);
    m_commentClause->setVisible(reviewing);
}

void ContractsPage::startNew()
{
    if (!m_session.may(domain::Action::DraftContract))
        return;
    ContractEditorDialog dialog(m_session, nullptr, this);
    while (dialog.exec() == QDialog::Accepted) {
        std::optional<domain::Contract> saved;
        const bool ok = ErrorPresenter::attempt(this, [&] {
            services::ContractService service(m_session);
            const domain::Contract drafted = service.draft(dialog.form());
            saved = service.saveDraft(drafted.id, dialog.form(), dialog.clauses(), drafted.version);
        });
        if (ok) {
            reloadList();
            open(saved->id);
            return;
        }
    }
}

void ContractsPage::act(ContractAction action)
{
    if (!m_detail)
        return;
    const qint64 id = m_detail->contract.id;
    const int version = m_detail->contract.version;
    const QString today = m_session.today().toString(Qt::ISODate);
    const QString comment = m_comment->text();
    const QString commentClause = m_commentClause->currentData().toString();
    services::ContractService service(m_session);
    services::ContractExecutionService execution(m_session);
    // Actions with inputs ask for them first; Cancel changes nothing.
    const auto ask = [&](const QString &title, const QList<Field> &fields) -> std::unique_ptr<FieldsDialog> {
        auto dialog = std::make_unique<FieldsDialog>(title, fields, this);
        return dialog->exec() == QDialog::Accepted ? std::move(dialog) : nullptr;
    };
    const QString title = domain::contractActions().display(action);
    bool done = false;
    switch (action) {
    case ContractAction::Edit: {
        ContractEditorDialog dialog(m_session, &m_detail->contract, this);
        if (dialog.exec() == QDialog::Accepted)
            done = run([&] { service.saveDraft(id, dialog.form(), dialog.clauses(), version); });
        break;
    }
    case ContractAction::Submit: done = run([&] { service.submit(id, version); }); break;
    case ContractAction::Approve: done = run([&] { service.approve(id, comment, commentClause, version); }); break;
    case ContractAction::Return: done = run([&] { service.returnToDrafter(id, comment, commentClause, version); }); break;
    case ContractAction::Withdraw:
        if (QMessageBox::question(this, title, tr("Withdraw contract %1?").arg(m_detail->contract.number)) == QMessageBox::Yes)
            done = run([&] { service.withdraw(id, version); });
        break;
    case ContractAction::Sign: {
        QList<std::pair<QString, QString>> signatories;
        run([&] { signatories = service.signatoryChoices(); });
        if (auto dialog = ask(title, {{QStringLiteral("date"), tr("Signing date"), Kind::Date, today, {}},
                                      {QStringLiteral("ours"), tr("Our signatory"), Kind::Choice, {}, signatories},
                                      {QStringLiteral("theirs"), tr("Their signatory"), Kind::Line, {}, {}}}))
            done = run([&] {
                services::SigningInput input;
                input.date = dialog->date(QStringLiteral("date"));
                input.ourSignatoryLogin = dialog->value(QStringLiteral("ours"));
                input.theirSignatory = dialog->value(QStringLiteral("theirs"));
                execution.sign(id, input, version);
            });
        break;
    }
    case ContractAction::Acknowledge: done = run([&] { execution.acknowledge(id); }); break;
    case ContractAction::PlanMilestone:
        if (auto dialog = ask(title, {{QStringLiteral("kind"), tr("Kind"), Kind::Choice, {},
                                       {{QStringLiteral("delivery"), domain::Milestone::kindDisplayName(domain::Milestone::Kind::Delivery)},
                                        {QStringLiteral("acceptance"), domain::Milestone::kindDisplayName(domain::Milestone::Kind::Acceptance)},
                                        {QStringLiteral("payment"), domain::Milestone::kindDisplayName(domain::Milestone::Kind::Payment)}}},
                                      {QStringLiteral("due"), tr("Due"), Kind::Date, today, {}},
                                      {QStringLiteral("amount"), tr("Amount (optional)"), Kind::Line, {}, {}}}))
            done = run([&] {
                execution.addMilestone(id, dialog->value(QStringLiteral("kind")), dialog->date(QStringLiteral("due")),
                                       dialog->value(QStringLiteral("amount")));
            });
        break;
    case ContractAction::CompleteMilestone: {
        QList<std::pair<QString, QString>> open;
        for (const domain::Milestone &milestone : m_detail->milestones) {
            if (!milestone.isDone())
                open << std::pair{QString::number(milestone.id), QStringLiteral("%1 · %2").arg(domain::Milestone::kindDisplayName(milestone.kind),
                                                                                                milestone.due.toString(Qt::ISODate))};
        }
        if (open.isEmpty()) {
            m_message->setText(tr("Every milestone is done."));
            break;
        }
        if (auto dialog = ask(title, {{QStringLiteral("milestone"), tr("Milestone"), Kind::Choice, {}, open},
                                      {QStringLiteral("date"), tr("Done on"), Kind::Date, today, {}}}))
            done = run([&] { execution.completeMilestone(dialog->value(QStringLiteral("milestone")).toLongLong(), dialog->date(QStringLiteral("date"))); });
        break;
    }
    case ContractAction::PlanReceivable:
        if (auto dialog = ask(title, {{QStringLiteral("due"), tr("Due"), Kind::Date, today, {}},
                                      {QStringLiteral("amount"), tr("Amount"), Kind::Line, {}, {}}}))
            done = run([&] { execution.addReceivable(id, dialog->date(QStringLiteral("due")), dialog->value(QStringLiteral("amount"))); });
        break;
    case ContractAction::RecordPayment: {
        QList<std::pair<QString, QString>> installments{{QString(), tr("(none)")}};
        for (const domain::Receivable &receivable : m_detail->receivables)
            installments << std::pair{QString::number(receivable.id), QStringLiteral("%1 · %2").arg(receivable.due.toString(Qt::ISODate),
                                                                                                     receivable.outstanding().toGroupedString())};
        if (auto dialog = ask(title, {{QStringLiteral("date"), tr("Received on"), Kind::Date, today, {}},
                                      {QStringLiteral("amount"), tr("Amount"), Kind::Line, {}, {}},
                                      {QStringLiteral("receivable"), tr("Installment"), Kind::Choice, {}, installments},
                                      {QStringLiteral("method"), tr("Method"), Kind::Line, {}, {}}}))
            done = run([&] {
                const QString receivable = dialog->value(QStringLiteral("receivable"));
                execution.recordPayment(id, dialog->date(QStringLiteral("date")), dialog->value(QStringLiteral("amount")),
                                        receivable.isEmpty() ? std::nullopt : std::optional<qint64>(receivable.toLongLong()),
                                        dialog->value(QStringLiteral("method")));
            });
        break;
    }
    case ContractAction::RecordIssue:
        if (auto dialog = ask(title, {{QStringLiteral("kind"), tr("Kind"), Kind::Choice, {},
                                       {{QStringLiteral("changed_needs"), tr("Changed needs")},
                                        {QStringLiteral("delay"), tr("Delay")},
                                        {QStringLiteral("quality_dispute"), tr("Quality dispute")}}},
                                      {QStringLiteral("description"), tr("What happened"), Kind::Text, {}, {}}}))
            done = run([&] { execution.recordIssue(id, dialog->value(QStringLiteral("kind")), dialog->value(QStringLiteral("description"))); });
        break;
    case ContractAction::RecordSatisfaction:
        if (auto dialog = ask(title, {{QStringLiteral("score"), tr("Score (1–5)"), Kind::Number, QStringLiteral("5"), {}},
                                      {QStringLiteral("comment"), tr("Comment"), Kind::Text, {}, {}}}))
            done = run([&] {
                execution.recordSatisfaction(id, dialog->value(QStringLiteral("score")).toInt(), dialog->value(QStringLiteral("comment")));
            });
        break;
    case ContractAction::Change:
        if (auto dialog = ask(title, {{QStringLiteral("content"), tr("Content"), Kind::Text, {}, {}},
                                      {QStringLiteral("reason"), tr("Reason"), Kind::Text, {}, {}},
                                      {QStringLiteral("effective"), tr("Effective"), Kind::Date, today, {}},
                                      {QStringLiteral("amount"), tr("New amount (optional)"), Kind::Line, {}, {}}}))
            done = run([&] {
                services::ChangeInput input;
                input.content = dialog->value(QStringLiteral("content"));
                input.reason = dialog->value(QStringLiteral("reason"));
                input.effective = dialog->date(QStringLiteral("effective"));
                input.newAmount = dialog->value(QStringLiteral("amount"));
                execution.change(id, input, version);
            });
        break;
    case ContractAction::Terminate:
        if (auto dialog = ask(title, {{QStringLiteral("reason"), tr("Reason"), Kind::Text, {}, {}},
                                      {QStringLiteral("notice"), tr("Notice date"), Kind::Date, today, {}},
                                      {QStringLiteral("basis"), tr("Legal basis"), Kind::Line, {}, {}},
                                      {QStringLiteral("settlement"), tr("Settlement"), Kind::Text, {}, {}}}))
            done = run([&] {
                execution.terminate(id, {dialog->value(QStringLiteral("reason")), dialog->date(QStringLiteral("notice")),
                                         dialog->value(QStringLiteral("basis")), dialog->value(QStringLiteral("settlement"))},
                                    version);
            });
        break;
    case ContractAction::Complete: done = run([&] { execution.complete(id, comment, version); }); break;
    case ContractAction::Archive:
        if (auto dialog = ask(title, {{QStringLiteral("number"), tr("Archive number"), Kind::Line, {}, {}},
                                      {QStringLiteral("location"), tr("Location"), Kind::Line, {}, {}},
                                      {QStringLiteral("date"), tr("Archived on"), Kind::Date, today, {}}}))
            done = run([&] {
                execution.archive(id, {dialog->value(QStringLiteral("number")), dialog->value(QStringLiteral("location")),
                                       dialog->date(QStringLiteral("date")), {}},
                                  version);
            });
        break;
    case ContractAction::Destroy:
        if (QMessageBox::warning(this, title, tr("Destroy the documents of contract %1? Its record and history stay.").arg(m_detail->contract.number),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
            done = run([&] { execution.destroy(id, version); });
        break;
    }
    if (done) {
        m_comment->clear();
        m_commentClause->setCurrentIndex(0);
        reloadList();
        open(id);
    }
}

} // namespace bizdesk::ui
