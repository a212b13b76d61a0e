#include "ui/entertainment/EntertainmentPage.h"

#include "services/Session.h"
#include "services/customers/CustomerService.h"
#include "services/entertainment/ExpensePrinting.h"
#include "services/identity/IdentityService.h"
#include "services/entertainment/EntertainmentModule.h"
#include "ui/common/AuditHistoryView.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/PrintPreview.h"
#include "ui/common/StateBadgeDelegate.h"
#include "ui/common/Style.h"
#include "ui/entertainment/ExpenseClaimDialog.h"
#include "ui/entertainment/ExpenseFilterBar.h"
#include "ui/entertainment/ExpenseFormWidget.h"
#include "ui/entertainment/ExpenseListModel.h"
#include "ui/entertainment/ExpenseProgressView.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bizdesk::ui {
using domain::ExpenseAction;

EntertainmentPage::EntertainmentPage(services::Session &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("EntertainmentPage"));
    buildUi();
    // The tab title shows what waits for the user before the tab is ever opened.
    try {
        m_waiting = static_cast<int>(services::EntertainmentService(m_session).waitingForMe().size());
    } catch (const domain::Error &) {
        m_waiting = -1;
    }
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, &EntertainmentPage::startNew);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *primary = new QShortcut(keys, this);
        connect(primary, &QShortcut::activated, this, &EntertainmentPage::primaryAction);
    }
}

QComboBox *EntertainmentPage::viewCombo() const
{
    return m_filters->viewCombo();
}

QPushButton *EntertainmentPage::button(ExpenseAction action) const
{
    for (const auto &[candidate, button] : m_actionButtons) {
        if (candidate == action)
            return button;
    }
    return nullptr;
}

void EntertainmentPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("&New application"), this);
    newButton->setToolTip(tr("Fill in a 商務應酬申請表 (Ctrl+N)"));
    connect(newButton, &QPushButton::clicked, this, &EntertainmentPage::startNew);
    newButton->setEnabled(!services::EntertainmentService(m_session).actionsForNew().isEmpty());
    filters->addWidget(newButton);
    filters->addSpacing(12);
    m_filters = new ExpenseFilterBar(m_session, this);
    filters->addWidget(m_filters);
    filters->addStretch();
    layout->addLayout(filters);
    connect(m_filters, &ExpenseFilterBar::changed, this, &EntertainmentPage::reloadList);

    m_counts = new QLabel(this);
    m_counts->setWordWrap(true);
    layout->addWidget(m_counts);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_model = new ExpenseListModel(this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ExpenseListModel::State, new StateBadgeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            open(m_model->row(index.row()).request.id);
    });

    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    m_detailPane = new QWidget(scroll);
    scroll->setWidget(m_detailPane);
    auto *detail = new QVBoxLayout(m_detailPane);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(m_detailPane);
    Style::markAsHeading(m_title);
    m_title->setWordWrap(true);
    header->addWidget(m_title, 1);
    m_badge = new QLabel(m_detailPane);
    header->addWidget(m_badge);
    detail->addLayout(header);
    m_flags = new QLabel(m_detailPane);
    Style::markAsError(m_flags);
    detail->addWidget(m_flags);
    m_message = new QLabel(m_detailPane);
    Style::markAsError(m_message);
    m_message->hide();
    detail->addWidget(m_message);
    m_onBehalf = new QLabel(m_detailPane);
    m_onBehalf->setObjectName(QStringLiteral("onBehalfLabel"));
    m_onBehalf->setWordWrap(true);
    m_onBehalf->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0b64a; padding: 4px; }"));
    m_onBehalf->hide();
    detail->addWidget(m_onBehalf);
    m_conflict = new QLabel(m_detailPane);
    m_conflict->setObjectName(QStringLiteral("conflictNote"));
    m_conflict->setWordWrap(true);
    Style::markAsError(m_conflict);
    m_conflict->hide();
    detail->addWidget(m_conflict);
    m_comment = new QLineEdit(m_detailPane);
    m_comment->setPlaceholderText(tr("Comment (required to return or reject)"));
    detail->addWidget(m_comment);
    auto *actions = new QHBoxLayout;
    m_saveButton = new QPushButton(tr("Save draft"), m_detailPane);
    connect(m_saveButton, &QPushButton::clicked, this, &EntertainmentPage::saveDraft);
    actions->addWidget(m_saveButton);
    const std::pair<ExpenseAction, QString> labels[] = {
        {ExpenseAction::Submit, tr("Submit")},
        {ExpenseAction::Approve, tr("Approve")},
        {ExpenseAction::Return, tr("Return")},
        {ExpenseAction::Reject, tr("Reject")},
        {ExpenseAction::Withdraw, tr("Withdraw")},
        {ExpenseAction::Cancel, tr("Cancel event")},
        {ExpenseAction::Claim, tr("File claim…")},
        {ExpenseAction::FinanceApprove, tr("Reimburse")},
        {ExpenseAction::FinanceReturn, tr("Return for correction")},
        {ExpenseAction::FinanceReject, tr("Refuse claim")},
    };
    // Edit is the save button and AttachReceipt the receipts box's button: no button of their own.
    for (const auto &[action, label] : labels) {
        auto *button = new QPushButton(label, m_detailPane);
        button->setObjectName(QStringLiteral("action_") + domain::expenseActionName(action));
        connect(button, &QPushButton::clicked, this, [this, action = action] { act(action); });
        actions->addWidget(button);
        m_actionButtons.append({action, button});
    }
    actions->addStretch();
    m_printButton = new QPushButton(tr("Print preview…"), m_detailPane);
    connect(m_printButton, &QPushButton::clicked, this, &EntertainmentPage::printPreview);
    actions->addWidget(m_printButton);
    m_pdfButton = new QPushButton(tr("PDF…"), m_detailPane);
    connect(m_pdfButton, &QPushButton::clicked, this, &EntertainmentPage::exportPdf);
    actions->addWidget(m_pdfButton);
    detail->addLayout(actions);
    m_form = new ExpenseFormWidget(m_detailPane);
    m_form->setCustomerSearch([this](const QString &text) {
        QList<CustomerChoice> choices;
        for (const auto &row : services::CustomerService(m_session).search(text, 20))
            choices << CustomerChoice{row.customer.id, row.customer.name,
                                      domain::CustomerRules::label(row.customer.customerClass)};
        return choices;
    });
    connect(m_form, &ExpenseFormWidget::edited, this, &EntertainmentPage::updateExecutiveNote);
    detail->addWidget(m_form);
    m_claim = new QLabel(m_detailPane);
    m_claim->setWordWrap(true);
    detail->addWidget(m_claim);

    auto *attachmentsBox = new QGroupBox(tr("Receipts"), m_detailPane);
    auto *attachmentsLayout = new QHBoxLayout(attachmentsBox);
    m_attachments = new QListWidget(attachmentsBox);
    m_attachments->setMaximumHeight(70);
    attachmentsLayout->addWidget(m_attachments, 1);
    m_attachButton = new QPushButton(tr("Attach receipt…"), attachmentsBox);
    connect(m_attachButton, &QPushButton::clicked, this, &EntertainmentPage::attachReceipt);
    attachmentsLayout->addWidget(m_attachButton, 0, Qt::AlignTop);
    detail->addWidget(attachmentsBox);

    m_progress = new ExpenseProgressView(m_detailPane);
    detail->addWidget(m_progress);
    auto *historyBox = new QGroupBox(tr("Audit history"), m_detailPane);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_history = new AuditHistoryView(m_session, historyBox);
    historyLayout->addWidget(m_history);
    detail->addWidget(historyBox);

    detail->addStretch();

    splitter->addWidget(m_table);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({720, 760});
    layout->addWidget(splitter, 1);
    showDetail();
}

void EntertainmentPage::updateExecutiveNote()
{
    if (!m_creating && !(m_detail && m_detail->may(ExpenseAction::Edit)))
        return;
    // The service computes the §6.3.3 routing note and the §6.1 budget use; the widget only shows them.
    const domain::ExpenseForm form = m_form->form();
    services::EntertainmentService service(m_session);
    try {
        m_form->setExecutiveNote(service.executiveNote(form));
    } catch (const domain::Error &) {
        m_form->setExecutiveNote({});
    }
    try {
        const domain::BudgetUsage usage =
            service.budgetFor(m_session.user().departmentId, form.eventAt,
                              domain::ExpenseRules::parseAmount(QStringLiteral("estimate"), form.estimate),
                              m_creating ? std::nullopt : m_currentId);
        m_form->setBudgetText(tr("%1 of %2 used this month; with this request %3")
                                  .arg(ExpenseListModel::money(usage.used), ExpenseListModel::money(usage.budget),
                                       ExpenseListModel::money(usage.afterThis)),
                              usage.over());
    } catch (const domain::Error &) {
        // No valid estimate yet: the budget line waits for one.
    }
}

void EntertainmentPage::showError(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

template<typename Work>
bool EntertainmentPage::run(Work &&work)
{
    try {
        work();
        return true;
    } catch (const domain::Error &error) {
        showError(ErrorPresenter::describe(error));
        return false;
    }
}

void EntertainmentPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The tab that was current at start-up is shown without a tab change: load on first show.
    if (!m_loaded)
        refresh();
}

void EntertainmentPage::refresh()
{
    m_loaded = true;
    try {
        m_form->setPeople(services::IdentityService(m_session).users());
    } catch (const domain::Error &) {
        m_form->setPeople({});
    }
    reloadList();
    if (m_currentId)
        open(*m_currentId);
}

bool EntertainmentPage::showRecord(const services::RecordRef &record)
{
    if (record.kind != services::expenseRecord)
        return false;
    const qint64 id = record.id;
    m_currentId = id;
    if (m_model->indexOf(id) < 0) {
        // Make sure the filters do not hide it.
        m_filters->reset();
    }
    refresh();
    return m_detail && m_detail->request().id == id;
}

int EntertainmentPage::badgeCount() const
{
    return m_waiting > 0 ? m_waiting : -1;
}

void EntertainmentPage::reloadList()
{
    const services::ExpenseQuery query = m_filters->query();
    run([&] {
        services::EntertainmentService service(m_session);
        m_model->setRows(service.list(query));
        m_waiting = static_cast<int>(service.waitingForMe().size());
    });
    QMap<int, int> counts;
    for (int i = 0; i < m_model->rowCount(); ++i)
        ++counts[static_cast<int>(m_model->row(i).request.state)];
    QStringList parts;
    for (domain::ExpenseState state : domain::allExpenseStates()) {
        if (const int count = counts.value(static_cast<int>(state)))
            parts << QStringLiteral("%1 %2").arg(domain::expenseStateDisplayName(state)).arg(count);
    }
    m_counts->setText(parts.isEmpty() ? tr("No entertainment requests here yet — Ctrl+N starts an application (§6.3.1).")
                                      : tr("%n request(s): ", nullptr, m_model->rowCount()) + parts.join(QStringLiteral(" · ")));
    m_table->resizeColumnsToContents();
    if (m_currentId) {
        const int row = m_model->indexOf(*m_currentId);
        if (row >= 0) {
            const QSignalBlocker blocker(m_table->selectionModel());
            m_table->selectRow(row);
        }
    }
}

void EntertainmentPage::startNew()
{
    if (services::EntertainmentService(m_session).actionsForNew().isEmpty())
        return;
    showError({});
    m_creating = true;
    m_currentId.reset();
    m_detail.reset();
    if (!m_loaded)
        refresh();
    m_form->clear(m_session.now().addDays(7));
    showDetail();
    updateExecutiveNote();
    m_form->setFocus();
}

void EntertainmentPage::open(qint64 id)
{
    if (m_currentId != id)
        showError({});
    m_creating = false;
    run([&] {
        m_detail = services::EntertainmentService(m_session).detail(id);
        m_currentId = id;
    });
    showDetail();
}

void EntertainmentPage::showDetail()
{
    for (const auto &[action, button] : m_actionButtons)
        button->setVisible(false);
    m_progress->clear();
    m_attachments->clear();
    m_conflict->hide();
    const bool haveRecord = m_detail.has_value();
    m_form->setVisible(haveRecord || m_creating);
    m_attachments->parentWidget()->setVisible(haveRecord);
    m_progress->setVisible(haveRecord);
    m_history->parentWidget()->setVisible(haveRecord);
    if (haveRecord)
        m_history->setRecord({services::expenseRecord, m_detail->request().id});
    else
        m_history->clear();
    m_printButton->setVisible(haveRecord);
    m_pdfButton->setVisible(haveRecord);
    if (m_creating) {
        m_title->setText(tr("New entertainment application"));
        m_badge->clear();
        m_badge->setStyleSheet(QString());
        m_flags->clear();
        m_claim->clear();
        // What a new application offers comes from the service, like every other action.
        const QList<ExpenseAction> offered = services::EntertainmentService(m_session).actionsForNew();
        m_form->setEditable(offered.contains(ExpenseAction::Edit));
        m_saveButton->setVisible(offered.contains(ExpenseAction::Edit));
        button(ExpenseAction::Submit)->setVisible(offered.contains(ExpenseAction::Submit));
        m_attachButton->setVisible(false);
        m_comment->setVisible(false);
        m_onBehalf->hide();
        return;
    }
    if (!haveRecord) {
        m_title->setText(tr("Select a request, or press Ctrl+N for a new application."));
        m_badge->clear();
        m_badge->setStyleSheet(QString());
        m_flags->clear();
        m_claim->clear();
        m_saveButton->setVisible(false);
        m_attachButton->setVisible(false);
        m_comment->setVisible(false);
        m_onBehalf->hide();
        return;
    }
    const services::ExpenseDetail &detail = *m_detail;
    const domain::ExpenseRequest &request = detail.request();
    m_title->setText(tr("No. %1 · %2 · %3").arg(request.id).arg(detail.row.applicantName, request.reason.left(60)));
    StateBadgeDelegate::styleLabel(m_badge, ExpenseListModel::meaningOf(request.state), domain::expenseStateDisplayName(request.state));
    m_flags->setText(ExpenseListModel::flagsText(request));
    m_form->load(request, detail.row.customerName);
    const bool editable = detail.may(ExpenseAction::Edit);
    m_form->setEditable(editable);
    if (editable)
        updateExecutiveNote();
    if (detail.decidesFor) {
        m_onBehalf->setText(tr("You decide on behalf of %1, who delegated approvals to you; the decision is recorded "
                               "with their name.")
                                .arg(detail.names.value(*detail.decidesFor)));
        m_onBehalf->show();
    } else {
        m_onBehalf->hide();
    }
    m_saveButton->setVisible(editable);
    m_form->setBudgetText(tr("%1 of %2 used this month; with this request %3")
                              .arg(ExpenseListModel::money(detail.budget.used), ExpenseListModel::money(detail.budget.budget),
                                   ExpenseListModel::money(detail.budget.afterThis)),
                          detail.budget.over());
    if (request.actual) {
        QString text = tr("Claim: actual %1, %2 receipt(s), filed %3. %4")
                           .arg(ExpenseListModel::money(*request.actual))
                           .arg(request.receiptCount)
                           .arg(domain::fromStorageTimestamp(request.claimedAt).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                request.claimExplanation);
        if (detail.overrun)
            text += QStringLiteral("\n") + tr("Over the estimate by %1 (%2%).")
                                               .arg(ExpenseListModel::money(detail.overrun->amount))
                                               .arg(QLocale().toString(detail.overrun->percent, 'f', 1));
        m_claim->setText(text);
    } else {
        m_claim->clear();
    }
    for (const domain::ExpenseAttachment &attachment : detail.attachments)
        m_attachments->addItem(tr("%1 (%2 KB, SHA-256 %3…)").arg(attachment.fileName).arg((attachment.size + 1023) / 1024).arg(attachment.sha256.left(12)));
    const bool mayAttach = detail.may(ExpenseAction::AttachReceipt);
    m_attachButton->setVisible(mayAttach);
    m_attachments->parentWidget()->setVisible(mayAttach || !detail.attachments.isEmpty());
    m_progress->show(detail);
    m_conflict->setText(detail.conflictNote);
    m_conflict->setVisible(!detail.conflictNote.isEmpty());
    bool decides = false;
    for (const auto &[action, button] : m_actionButtons) {
        const bool may = detail.may(action);
        button->setVisible(may);
        decides = decides || (may && (action == ExpenseAction::Return || action == ExpenseAction::FinanceReturn));
    }
    m_comment->setVisible(decides);
}

void EntertainmentPage::saveDraft()
{
    showError({});
    run([&] {
        services::EntertainmentService service(m_session);
        const domain::ExpenseRequest request = m_creating ? service.apply(m_form->form())
                                                          : service.editDraft(*m_currentId, m_detail->request().version, m_form->form());
        m_currentId = request.id;
        m_creating = false;
    });
    if (m_currentId) {
        reloadList();
        open(*m_currentId);
    }
}

void EntertainmentPage::act(ExpenseAction action)
{
    showError({});
    const QString comment = m_comment->text();
    if (action == ExpenseAction::Claim) {
        if (!m_detail)
            return;
        ExpenseClaimDialog dialog(m_detail->request(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const int shown = m_detail->request().version;
        run([&] { services::EntertainmentService(m_session).claim(*m_currentId, dialog.input(), shown); });
        reloadList();
        open(*m_currentId);
        return;
    }
    const bool ok = run([&] {
        services::EntertainmentService service(m_session);
        // The version the user is looking at: acting on a request that changed since is refused.
        const std::optional<int> shown = m_detail && !m_creating ? std::optional<int>(m_detail->request().version) : std::nullopt;
        if (action == ExpenseAction::Submit && (m_creating || (m_detail && m_detail->may(ExpenseAction::Edit)))) {
            // Saving the form and submitting it is one service call, one transaction: a refused
            // submit keeps no half-saved draft.
            const auto submitted = m_creating ? service.applyAndSubmit(m_form->form())
                                              : service.saveAndSubmit(*m_currentId, *shown, m_form->form());
            m_currentId = submitted.id;
            m_creating = false;
            return;
        }
        if (!m_currentId)
            return;
        const qint64 id = *m_currentId;
        switch (action) {
        case ExpenseAction::Submit:
            service.submit(id, shown);
            break;
        case ExpenseAction::Approve:
        case ExpenseAction::FinanceApprove:
            service.approve(id, comment, shown);
            break;
        case ExpenseAction::Return:
        case ExpenseAction::FinanceReturn:
            service.returnRequest(id, comment, shown);
            break;
        case ExpenseAction::Reject:
        case ExpenseAction::FinanceReject:
            service.reject(id, comment, shown);
            break;
        case ExpenseAction::Withdraw:
            service.withdraw(id, shown);
            break;
        case ExpenseAction::Cancel:
            service.cancel(id, shown);
            break;
        default:
            break;
        }
    });
    if (ok)
        m_comment->clear();
    reloadList();
    if (m_currentId)
        open(*m_currentId);
}

void EntertainmentPage::primaryAction()
{
    if (m_creating) {
        act(ExpenseAction::Submit);
        return;
    }
    if (!m_detail)
        return;
    for (ExpenseAction action : {ExpenseAction::Submit, ExpenseAction::Approve, ExpenseAction::FinanceApprove}) {
        if (m_detail->may(action)) {
            act(action);
            return;
        }
    }
}

void EntertainmentPage::attachReceipt()
{
    if (!m_currentId)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach receipt"), QString(),
                                                      tr("Receipts (*.pdf *.jpg *.jpeg *.png)"));
    if (path.isEmpty())
        return;
    showError({});
    run([&] { services::EntertainmentService(m_session).attachReceiptFile(*m_currentId, path); });
    open(*m_currentId);
}

void EntertainmentPage::printPreview()
{
    if (!m_detail)
        return;
    PrintPreview::show(this, services::ExpensePrinting::applicationForm(*m_detail, services::CompanyService(m_session).profile()), m_session.now());
}

void EntertainmentPage::exportPdf()
{
    if (!m_detail)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the form as PDF"),
                                                      tr("entertainment-%1.pdf").arg(m_detail->request().id), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    run([&] {
        services::DocumentRenderer::writePdf(services::ExpensePrinting::applicationForm(*m_detail, services::CompanyService(m_session).profile()), path,
                                             m_session.now());
    });
}

} // namespace bizdesk::ui
