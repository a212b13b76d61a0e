#include "ui/customers/CustomersPage.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "domain/customers/Complaint.h"
#include "services/contracts/ContractModule.h"
#include "services/negotiations/NegotiationModule.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/CustomerDealings.h"
#include "services/customers/CustomerService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Formats.h"
#include "ui/common/Style.h"
#include "ui/customers/ChurnPage.h"
#include "ui/customers/CustomerDetailHtml.h"
#include "ui/customers/CustomerDialogs.h"
#include "ui/customers/MarketResearchPage.h"
#include "ui/customers/PipelineBoard.h"
#include "services/customers/CustomerModule.h"
#include "services/entertainment/EntertainmentModule.h"
#include "ui/customers/CustomerListHeader.h"
#include "ui/customers/CustomerListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace bizdesk::ui {

using domain::CustomerRules;
using domain::Stage;

template<typename Work>
void CustomersPage::act(Work &&work, bool reloadList)
{
    try {
        work();
        if (reloadList)
            m_model->reload();
        showCustomer(m_current);
    } catch (const domain::Error &error) {
        m_messageLabel->setText(ErrorPresenter::describe(error));
    }
}

CustomersPage::CustomersPage(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createListTab(), tr("Customer list"));
    m_board = new PipelineBoard(session, this);
    m_churn = new ChurnPage(session, this);
    m_research = new MarketResearchPage(session, this);
    const auto openCustomer = [this](domain::CustomerId id) {
        m_tabs->setCurrentIndex(0);
        showCustomer(id);
    };
    connect(m_board, &PipelineBoard::customerChosen, this, openCustomer);
    connect(m_churn, &ChurnPage::customerChosen, this, openCustomer);
    connect(m_board, &PipelineBoard::moved, this, [this] { m_model->reload(); });
    m_tabs->addTab(m_board, tr("Pipeline board"));
    m_tabs->addTab(m_churn, tr("Churn warning"));
    m_tabs->addTab(m_research, tr("Research and segments"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &CustomersPage::refreshCurrentTab);
    layout->addWidget(m_tabs);
    // File → Import customers… / Export customers…: MainWindow puts them in its File menu.
    m_importAction = new QAction(tr("&Import customers…"), this);
    m_importAction->setObjectName(QStringLiteral("importCustomersAction"));
    m_importAction->setVisible(m_session.may(domain::Action::ImportCustomers));
    connect(m_importAction, &QAction::triggered, this, &CustomersPage::importCustomers);
    m_exportAction = new QAction(tr("&Export customers…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportCustomersAction"));
    m_exportAction->setVisible(m_session.may(domain::Action::ExportCustomers));
    connect(m_exportAction, &QAction::triggered, this, &CustomersPage::exportCustomers);
    applyFilters();
}

QString CustomersPage::message() const
{
    return m_messageLabel->text();
}

QWidget *CustomersPage::createListTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *toolbar = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("&New customer"), page);
    newButton->setShortcut(QKeySequence::New);
    newButton->setVisible(m_session.may(domain::Action::CreateCustomer));
    connect(newButton, &QPushButton::clicked, this, &CustomersPage::newCustomer);
    auto *importButton = new QPushButton(tr("&Import…"), page);
    importButton->setVisible(m_session.may(domain::Action::ImportCustomers));
    connect(importButton, &QPushButton::clicked, this, &CustomersPage::importCustomers);
    auto *exportButton = new QPushButton(tr("E&xport…"), page);
    exportButton->setVisible(m_session.may(domain::Action::ExportCustomers));
    connect(exportButton, &QPushButton::clicked, this, &CustomersPage::exportCustomers);
    toolbar->addWidget(newButton);
    toolbar->addWidget(importButton);
    toolbar->addWidget(exportButton);
    toolbar->addStretch();
    m_classFilter = new QComboBox(page);
    m_classFilter->addItem(tr("All classes"), -1);
    for (auto value : CustomerRules::classes())
        m_classFilter->addItem(CustomerRules::label(value), static_cast<int>(value));
    m_stageFilter = new QComboBox(page);
    m_stageFilter->addItem(tr("All stages"), -1);
    for (auto value : CustomerRules::stages())
        m_stageFilter->addItem(CustomerRules::label(value), static_cast<int>(value));
    m_mineOnly = new QCheckBox(tr("Mine"), page);
    m_poolOnly = new QCheckBox(tr("Shared pool"), page);
    m_search = new QLineEdit(page);
    m_search->setPlaceholderText(tr("Search name, contact, phone, e-mail, address, notes…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    auto *find = new QAction(m_search);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] { m_search->setFocus(); m_search->selectAll(); });
    page->addAction(find);
    for (QWidget *w : std::initializer_list<QWidget *>{m_classFilter, m_stageFilter, m_mineOnly, m_poolOnly, m_search})
        toolbar->addWidget(w);
    layout->addLayout(toolbar);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchTimer, &QTimer::timeout, this, &CustomersPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_classFilter, &QComboBox::currentIndexChanged, this, &CustomersPage::applyFilters);
    connect(m_stageFilter, &QComboBox::currentIndexChanged, this, &CustomersPage::applyFilters);
    connect(m_mineOnly, &QCheckBox::toggled, this, &CustomersPage::applyFilters);
    connect(m_poolOnly, &QCheckBox::toggled, this, &CustomersPage::applyFilters);

    auto *splitter = new QSplitter(page);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new CustomerListModel(m_session, this);
    m_view = new QTableView(left);
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CustomerListModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    CustomerListHeader::install(m_view);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            showCustomer(m_model->idAt(index.row()));
    });
    connect(m_model, &CustomerListModel::counted, this, [this](qint64 total) {
        m_countLabel->setText(m_model->countText());
        m_emptyLabel->setVisible(total == 0);
    });
    connect(m_model, &CustomerListModel::countFailedWith, this, [this] { m_countLabel->setText(m_model->countText()); });
    m_emptyLabel = new QLabel(tr("No customers here yet — create one with New customer or import an Excel file."), left);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setVisible(false);
    m_countLabel = new QLabel(left);
    leftLayout->addWidget(m_emptyLabel);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_countLabel);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_messageLabel = new QLabel(right);
    m_messageLabel->setWordWrap(true);
    Style::markAsError(m_messageLabel);
    rightLayout->addWidget(m_messageLabel);
    m_editButton = new QPushButton(tr("&Edit…"), right);
    connect(m_editButton, &QPushButton::clicked, this, &CustomersPage::editCustomer);
    m_contactButton = new QPushButton(tr("Record &contact…"), right);
    m_advanceButton = new QPushButton(tr("&Advance stage"), right);
    m_lostButton = new QPushButton(tr("Mark &lost…"), right);
    m_claimButton = new QPushButton(tr("C&laim from pool"), right);
    connect(m_contactButton, &QPushButton::clicked, this, &CustomersPage::recordContact);
    connect(m_advanceButton, &QPushButton::clicked, this, &CustomersPage::advanceStage);
    connect(m_lostButton, &QPushButton::clicked, this, &CustomersPage::markLost);
    connect(m_claimButton, &QPushButton::clicked, this, &CustomersPage::claim);
    m_personButton = new QPushButton(tr("Add contact &person…"), right);
    m_complaintButton = new QPushButton(tr("Handle c&omplaint…"), right);
    m_assignButton = new QPushButton(tr("Reassi&gn…"), right);
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_assignButton->setVisible(m_session.may(domain::Action::ReassignCustomer));
    m_releaseButton = new QPushButton(tr("Release to &pool"), right);
    m_releaseButton->setObjectName(QStringLiteral("releaseButton"));
    m_releaseButton->setVisible(m_session.may(domain::Action::EditCustomer));
    // Three buttons a row keep the detail pane narrow enough for the list's columns at 1280 px.
    auto *actions = new QGridLayout;
    int slot = 0;
    for (QPushButton *button : {m_editButton, m_contactButton, m_advanceButton, m_lostButton, m_claimButton, m_personButton,
                                m_complaintButton, m_assignButton, m_releaseButton}) {
        actions->addWidget(button, slot / 3, slot % 3);
        ++slot;
    }
    actions->setColumnStretch(3, 1);
    connect(m_assignButton, &QPushButton::clicked, this, [this] { assignCustomer(); });
    connect(m_releaseButton, &QPushButton::clicked, this, &CustomersPage::releaseCustomer);
    connect(m_personButton, &QPushButton::clicked, this, &CustomersPage::addContactPerson);
    connect(m_complaintButton, &QPushButton::clicked, this, &CustomersPage::resolveComplaint);
    rightLayout->addLayout(actions);
    m_detail = new QTextBrowser(right);
    m_detail->setOpenLinks(false);
    rightLayout->addWidget(m_detail, 1);
    // §3.2.1 business dealings from the other modules.
    m_dealingsLabel = new QLabel(right);
    Style::markAsHeading(m_dealingsLabel);
    m_dealingsLabel->setWordWrap(true); // a long heading must not widen the pane and squeeze the list
    rightLayout->addWidget(m_dealingsLabel);
    m_dealingsTable = new QTableWidget(right);
    m_dealingsTable->setObjectName(QStringLiteral("dealingsTable"));
    m_dealingsTable->setColumnCount(6);
    m_dealingsTable->setHorizontalHeaderLabels({tr("Kind"), tr("No."), tr("Date"), tr("State"), tr("Amount"), tr("Received / outstanding")});
    m_dealingsTable->horizontalHeader()->setStretchLastSection(true);
    m_dealingsTable->verticalHeader()->hide();
    m_dealingsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dealingsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_dealingsTable->setMaximumHeight(160);
    connect(m_dealingsTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const QTableWidgetItem *item = m_dealingsTable->item(row, 0);
        if (!item)
            return;
        // By value: the receiver switches tabs and may refresh this page.
        const QString kind = item->data(Qt::UserRole).toString();
        const qint64 id = item->data(Qt::UserRole + 1).toLongLong();
        for (const services::RecordKind known : {services::contractRecord, services::negotiationRecord, services::expenseRecord}) {
            if (known.key() == kind)
                openRecord({known, id});
        }
    });
    rightLayout->addWidget(m_dealingsTable);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});
    layout->addWidget(splitter, 1);
    updateActions();
    return page;
}

void CustomersPage::refresh()
{
    m_model->reload();
    if (m_current)
        showCustomer(m_current);
    refreshCurrentTab();
}

void CustomersPage::refreshCurrentTab()
{
    // Only the tab in view loads; the others load when they are shown.
    if (m_tabs->currentWidget() == m_board)
        m_board->refresh();
    else if (m_tabs->currentWidget() == m_churn)
        m_churn->refresh();
    else if (m_tabs->currentWidget() == m_research)
        m_research->refresh();
}

void CustomersPage::applyFilters()
{
    domain::CustomerQuery query;
    query.text = m_search->text();
    if (m_classFilter->currentData().toInt() >= 0)
        query.customerClass = static_cast<domain::CustomerClass>(m_classFilter->currentData().toInt());
    if (m_stageFilter->currentData().toInt() >= 0)
        query.stage = static_cast<Stage>(m_stageFilter->currentData().toInt());
    if (m_mineOnly->isChecked())
        query.ownerId = m_session.userId();
    query.poolOnly = m_poolOnly->isChecked();
    m_model->setQuery(query);
    m_countLabel->setText(m_model->countText());
    m_emptyLabel->setVisible(!m_model->isCounting() && !m_model->countFailed() && m_model->rowCount() == 0);
}

void CustomersPage::showCustomer(domain::CustomerId id)
{
    m_current = id;
    m_shownVersion = std::nullopt;
    m_details.reset();
    m_messageLabel->clear();
    if (!id) {
        m_detail->clear();
        refreshDealings();
        updateActions();
        return;
    }
    try {
        m_details = services::CustomerService(m_session).details(id);
        const services::CustomerDetails &d = *m_details;
        m_shownVersion = d.customer.version;
        m_detail->setHtml(CustomerDetailHtml::render(d));
    } catch (const domain::Error &error) {
        m_detail->clear();
        m_messageLabel->setText(ErrorPresenter::describe(error));
    }
    refreshDealings();
    updateActions();
}

bool CustomersPage::showRecord(const services::RecordRef &record)
{
    if (record.kind != services::customerRecord)
        return false;
    const qint64 id = record.id;
    m_tabs->setCurrentIndex(0);
    showCustomer(id);
    return m_current == id && !m_detail->toPlainText().isEmpty();
}

void CustomersPage::updateActions()
{
    // The service decides what may be done (CustomerAccess::actionsFor); the buttons follow.
    const auto may = [this](domain::CustomerAction action) { return m_details && m_details->actions.contains(action); };
    using domain::CustomerAction;
    m_editButton->setEnabled(may(CustomerAction::Edit));
    m_contactButton->setEnabled(may(CustomerAction::RecordContact));
    m_personButton->setEnabled(may(CustomerAction::AddContactPerson));
    m_complaintButton->setEnabled(may(CustomerAction::HandleComplaint));
    m_advanceButton->setEnabled(may(CustomerAction::Advance));
    const auto next = m_details ? domain::Pipeline::nextStages(m_details->customer.stage) : QList<Stage>{};
    if (!next.isEmpty() && next.first() != Stage::Lost)
        m_advanceButton->setText(tr("&Advance to %1").arg(CustomerRules::label(next.first())));
    m_lostButton->setEnabled(may(CustomerAction::MarkLost));
    m_claimButton->setEnabled(may(CustomerAction::Claim));
    m_assignButton->setEnabled(may(CustomerAction::Assign));
    m_releaseButton->setEnabled(may(CustomerAction::Release));
}

void CustomersPage::newCustomer()
{
    CustomerDialog dialog(m_session, this);
    if (!m_search->text().isEmpty())
        dialog.setName(m_search->text());
    if (dialog.exec() == QDialog::Accepted) {
        m_model->reload();
        showCustomer(dialog.createdId());
    }
}

void CustomersPage::importCustomers()
{
    CustomerImportDialog dialog(m_session, this);
    dialog.exec();
    if (dialog.imported() > 0)
        m_model->reload();
}

void CustomersPage::exportCustomers()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export customers"), tr("customers.xlsx"),
                                                      tr("Excel workbook (*.xlsx);;CSV, UTF-8 with BOM (*.csv)"));
    if (path.isEmpty())
        return;
    ErrorPresenter::attempt(this, [&] {
        const int rows = services::CustomerService(m_session).exportTo(m_model->query(), path);
        m_messageLabel->setText(tr("%n customer(s) exported to %1.", nullptr, rows).arg(path));
    });
}

void CustomersPage::editCustomer()
{
    ErrorPresenter::attempt(this, [this] {
        CustomerDialog dialog(m_session, this, m_current);
        if (dialog.exec() == QDialog::Accepted) {
            m_model->reload();
            showCustomer(m_current);
        }
    });
}

void CustomersPage::resolveComplaint()
{
    if (!m_details || !m_details->complaintToHandle)
        return;
    const domain::ContactLogEntry complaint = *m_details->complaintToHandle;
    QStringList choices;
    const QList<domain::ComplaintStatus> next = domain::ComplaintWorkflow::nextStatuses(complaint.complaintStatus);
    for (domain::ComplaintStatus status : next)
        choices << CustomerRules::label(status);
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Handle complaint"),
                                                 tr("Complaint of %1: %2\nNew status:").arg(Formats::date(m_session.calendar().dateOf(complaint.at)), complaint.note),
                                                 choices, static_cast<int>(choices.size()) - 1, false, &ok);
    if (!ok)
        return;
    const domain::ComplaintStatus status = next.value(choices.indexOf(choice), domain::ComplaintStatus::Resolved);
    QString resolution;
    if (status == domain::ComplaintStatus::Resolved) {
        resolution = QInputDialog::getMultiLineText(this, tr("Handle complaint"), tr("How was the complaint resolved? (§3.2.3)"), {}, &ok);
        if (!ok)
            return;
    }
    act([&] { services::CustomerCareService(m_session).updateComplaint(complaint.id, status, resolution, complaint.version); }, false);
}

void CustomersPage::addContactPerson()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add contact person"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const QString phone = QInputDialog::getText(this, tr("Add contact person"), tr("Phone (optional):"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    act([&] {
        domain::CustomerContact contact;
        contact.customerId = m_current;
        contact.name = name;
        contact.phone = phone;
        services::CustomerService(m_session).addContact(contact);
    }, false);
}

void CustomersPage::recordContact()
{
    ContactLogDialog dialog(m_session, m_current, this);
    if (dialog.exec() == QDialog::Accepted) {
        showCustomer(m_current);
        m_model->reload();
    }
}

void CustomersPage::advanceStage()
{
    act([this] {
        services::CustomerService service(m_session);
        const auto next = domain::Pipeline::nextStages(service.customer(m_current).stage);
        if (!next.isEmpty())
            service.changeStage(m_current, next.first(), {}, m_shownVersion);
    });
}

void CustomersPage::markLost()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Mark as lost"), tr("Why was the customer lost? (required, §3.1.4)"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    act([&] { services::CustomerService(m_session).changeStage(m_current, Stage::Lost, reason, m_shownVersion); });
}

void CustomersPage::claim()
{
    act([this] { services::CustomerService(m_session).claim(m_current, m_shownVersion); });
}

void CustomersPage::refreshDealings()
{
    m_dealingsTable->setRowCount(0);
    m_dealingsTable->hide();
    m_dealingsLabel->setText(tr("Business dealings (§3.2.1): no contracts, negotiations or entertainment requests for this customer."));
    if (!m_current)
        return;
    try {
        const auto dealings = services::CustomerDealings(m_session).of(m_current);
        m_dealingsTable->setRowCount(static_cast<int>(dealings.size()));
        for (int r = 0; r < dealings.size(); ++r) {
            const services::CustomerDealing &dealing = dealings.at(r);
            auto *kind = new QTableWidgetItem(dealing.kind);
            kind->setData(Qt::UserRole, dealing.record.kind.key());
            kind->setData(Qt::UserRole + 1, dealing.record.id);
            m_dealingsTable->setItem(r, 0, kind);
            m_dealingsTable->setItem(r, 1, new QTableWidgetItem(dealing.reference));
            m_dealingsTable->setItem(r, 2, new QTableWidgetItem(Formats::date(dealing.date)));
            m_dealingsTable->setItem(r, 3, new QTableWidgetItem(dealing.state));
            auto *amount = new QTableWidgetItem(dealing.amount ? Formats::money(*dealing.amount) : QString());
            amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_dealingsTable->setItem(r, 4, amount);
            auto *payments = new QTableWidgetItem;
            if (dealing.received && dealing.outstanding) {
                payments->setText(dealing.received->toGroupedString() + QStringLiteral(" / ") + dealing.outstanding->toGroupedString());
                payments->setToolTip(tr("Received %1, outstanding %2 (§5.4)").arg(Formats::money(*dealing.received), Formats::money(*dealing.outstanding)));
            }
            m_dealingsTable->setItem(r, 5, payments);
            for (int column = 0; column < 5; ++column)
                m_dealingsTable->item(r, column)->setToolTip(dealing.title);
        }
        if (!dealings.isEmpty()) {
            m_dealingsLabel->setText(tr("Business dealings (§3.2.1): contracts with payments, negotiations, entertainment requests — double-click to open"));
            m_dealingsTable->show();
        }
        m_dealingsTable->resizeColumnsToContents();
    } catch (const domain::Error &error) {
        m_messageLabel->setText(ErrorPresenter::describe(error));
    }
}

void CustomersPage::assignCustomer(const QString &ownerLogin)
{
    QString login = ownerLogin;
    if (login.isEmpty()) {
        QStringList labels;
        QStringList logins;
        try {
            // The service decides who may own the customer (§3.2.1); the picker shows exactly that.
            for (const domain::User &user : services::CustomerService(m_session).eligibleOwners().people) {
                labels << user.displayName + QStringLiteral(" (") + user.login + QLatin1Char(')');
                logins << user.login;
            }
        } catch (const domain::Error &error) {
            m_messageLabel->setText(ErrorPresenter::describe(error));
            return;
        }
        bool ok = false;
        const QString choice = QInputDialog::getItem(this, tr("Reassign customer"), tr("New owner (§3.2.1):"), labels, 0, false, &ok);
        if (!ok || choice.isEmpty())
            return;
        login = logins.value(labels.indexOf(choice));
    }
    act([&] { services::CustomerService(m_session).assign(m_current, login, m_shownVersion); });
}

void CustomersPage::releaseCustomer()
{
    act([this] { services::CustomerService(m_session).release(m_current, m_shownVersion); });
}

QTableWidget *CustomersPage::researchTable() const
{
    return m_research->researchTable();
}

QTableWidget *CustomersPage::segmentTable() const
{
    return m_research->segmentTable();
}

QTableWidget *CustomersPage::churnTable() const
{
    return m_churn->churnTable();
}

QTableWidget *CustomersPage::winBackTable() const
{
    return m_churn->winBackTable();
}

void CustomersPage::addResearch()
{
    m_research->addResearch();
}

void CustomersPage::addSegment()
{
    m_research->addSegment();
}

void CustomersPage::recordWinBackResult(std::optional<bool> wonBack, const QString &note)
{
    m_churn->recordWinBackResult(wonBack, note);
}

} // namespace bizdesk::ui
