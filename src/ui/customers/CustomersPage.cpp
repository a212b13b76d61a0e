#include "ui/customers/CustomersPage.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/customers/CustomerService.h"
#include "services/entertainment/EntertainmentService.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Formats.h"
#include "ui/common/Style.h"
#include "ui/customers/CustomerDialogs.h"
#include "services/customers/CustomerModule.h"
#include "services/entertainment/EntertainmentModule.h"
#include "ui/customers/CustomerListHeader.h"
#include "ui/customers/CustomerListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// One board column; a drop asks the board to move the dragged card.
class StageList final : public QListWidget
{
public:
    StageList(PipelineBoard *board, Stage stage, QWidget *parent) : QListWidget(parent), m_board(board), m_stage(stage)
    {
        setDragEnabled(true);
        setAcceptDrops(true);
        setDropIndicatorShown(true);
        setDragDropMode(QAbstractItemView::DragDrop);
        setDefaultDropAction(Qt::MoveAction);
        setSpacing(2);
        setWordWrap(true);
    }

protected:
    void dropEvent(QDropEvent *event) override
    {
        auto *source = qobject_cast<QListWidget *>(event->source());
        if (!source || source == this || !source->currentItem()) {
            event->ignore();
            return;
        }
        const qint64 id = source->currentItem()->data(Qt::UserRole).toLongLong();
        event->setDropAction(Qt::IgnoreAction); // the board reloads from the database instead
        event->accept();
        QTimer::singleShot(0, m_board, [board = m_board, id, stage = m_stage] { board->moveCustomer(id, stage); });
    }

private:
    PipelineBoard *m_board;
    Stage m_stage;
};

} // namespace

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

PipelineBoard::PipelineBoard(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Drag a customer to the next stage. The pipeline moves one step at a time; a lost customer needs a reason and reopens as a lead (§3.1.4)."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    Style::markAsError(m_message);
    layout->addWidget(m_message);
    auto *columns = new QHBoxLayout;
    for (Stage stage : CustomerRules::stages()) {
        auto *box = new QVBoxLayout;
        auto *title = new QLabel(CustomerRules::label(stage), this);
        Style::markAsHeading(title);
        box->addWidget(title);
        auto *list = new StageList(this, stage, this);
        list->setObjectName(CustomerRules::name(stage));
        connect(list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
            emit customerChosen(item->data(Qt::UserRole).toLongLong());
        });
        box->addWidget(list);
        columns->addLayout(box);
        m_columns << list;
    }
    layout->addLayout(columns, 1);
}

QListWidget *PipelineBoard::column(Stage stage) const
{
    return m_columns.value(static_cast<int>(stage));
}

QString PipelineBoard::message() const
{
    return m_message->text();
}

void PipelineBoard::refresh()
{
    services::CustomerService service(m_session);
    m_shownVersions.clear();
    for (Stage stage : CustomerRules::stages()) {
        QListWidget *list = column(stage);
        list->clear();
        storage::CustomerQuery query;
        query.stage = stage;
        if (!m_session.may(domain::Action::ReadDepartmentCustomers))
            query.ownerId = m_session.userId();
        query.sort = storage::CustomerQuery::Sort::Updated;
        query.descending = true;
        const auto rows = service.list(query, 100);
        for (const auto &row : rows) {
            auto *item = new QListWidgetItem(row.customer.name + QLatin1Char('\n') + CustomerRules::label(row.customer.customerClass)
                                                 + QStringLiteral(" · ") + (row.ownerName.isEmpty() ? tr("shared pool") : row.ownerName),
                                             list);
            item->setData(Qt::UserRole, row.customer.id);
            item->setToolTip(row.customer.name);
            m_shownVersions.insert(row.customer.id, row.customer.version);
        }
        const qint64 total = service.count(query);
        if (total > rows.size())
            list->addItem(tr("… and %1 more (see the list)").arg(total - rows.size()));
    }
}

bool PipelineBoard::moveCustomer(domain::CustomerId id, Stage to)
{
    QString reason;
    if (to == Stage::Lost) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Mark as lost"), tr("Why was the customer lost? (required, §3.1.4)"), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return false;
    }
    try {
        // The card's version: a customer changed since the board was drawn is refused, not overwritten.
        const auto shown = m_shownVersions.constFind(id);
        services::CustomerService(m_session).changeStage(id, to, reason,
                                                         shown == m_shownVersions.cend() ? std::nullopt : std::optional(*shown));
        m_message->clear();
        refresh();
        emit moved();
        return true;
    } catch (const domain::Error &error) {
        m_message->setText(ErrorPresenter::describe(error));
        return false;
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
    connect(m_board, &PipelineBoard::customerChosen, this, [this](domain::CustomerId id) {
        m_tabs->setCurrentIndex(0);
        showCustomer(id);
    });
    connect(m_board, &PipelineBoard::moved, this, [this] { m_model->reload(); });
    m_tabs->addTab(m_board, tr("Pipeline board"));
    m_tabs->addTab(createChurnTab(), tr("Churn warning"));
    m_tabs->addTab(createResearchTab(), tr("Research and segments"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            m_board->refresh();
        else if (index == 2)
            refreshChurn();
        else if (index == 3)
            refreshResearch();
    });
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
    // §3.2.1 business dealings from the other modules: entertainment requests for now.
    m_dealingsLabel = new QLabel(tr("Business dealings: entertainment requests (§3.2.1) — double-click to open"), right);
    Style::markAsHeading(m_dealingsLabel);
    m_dealingsLabel->setWordWrap(true); // a long heading must not widen the pane and squeeze the list
    rightLayout->addWidget(m_dealingsLabel);
    m_dealingsTable = new QTableWidget(right);
    m_dealingsTable->setObjectName(QStringLiteral("dealingsTable"));
    m_dealingsTable->setColumnCount(4);
    m_dealingsTable->setHorizontalHeaderLabels({tr("No."), tr("Event date"), tr("State"), tr("Estimate")});
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
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        openRecord({services::expenseRecord, id});
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

QWidget *CustomersPage::createChurnTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("Customers at risk of churning, highest score first. The score adds up: overdue contact against the class's contact plan, open and recent complaints, falling contract value, contracts ending without renewal, a stalled pipeline stage (§3.2.4)."), page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *churnBar = new QHBoxLayout;
    m_churnSummary = new QLabel(page);
    churnBar->addWidget(m_churnSummary, 1);
    auto *winBackButton = new QPushButton(tr("Record &win-back…"), page);
    winBackButton->setEnabled(m_session.may(domain::Action::EditCustomer));
    connect(winBackButton, &QPushButton::clicked, this, &CustomersPage::recordWinBack);
    churnBar->addWidget(winBackButton);
    auto *resultButton = new QPushButton(tr("Record win-back &result…"), page);
    resultButton->setObjectName(QStringLiteral("winBackResultButton"));
    resultButton->setVisible(m_session.may(domain::Action::EditCustomer));
    connect(resultButton, &QPushButton::clicked, this, [this] { recordWinBackResult(); });
    churnBar->addWidget(resultButton);
    winBackButton->setVisible(m_session.may(domain::Action::EditCustomer));
    layout->addLayout(churnBar);
    m_churnTable = new QTableWidget(page);
    m_churnTable->setColumnCount(4);
    m_churnTable->setHorizontalHeaderLabels({tr("Score"), tr("Customer"), tr("Owner"), tr("Reasons")});
    m_churnTable->horizontalHeader()->setStretchLastSection(true);
    m_churnTable->verticalHeader()->hide();
    m_churnTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_churnTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_churnTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        m_tabs->setCurrentIndex(0);
        showCustomer(m_churnTable->item(row, 1)->data(Qt::UserRole).toLongLong());
    });
    layout->addWidget(m_churnTable, 2);
    auto *winBackTitle = new QLabel(tr("Win-back records (§3.2.4): choose a pending one to record its result"), page);
    Style::markAsHeading(winBackTitle);
    layout->addWidget(winBackTitle);
    m_winBackTable = new QTableWidget(page);
    m_winBackTable->setObjectName(QStringLiteral("winBackTable"));
    m_winBackTable->setColumnCount(5);
    m_winBackTable->setHorizontalHeaderLabels({tr("Customer"), tr("Recorded"), tr("Cause"), tr("Measures"), tr("Result")});
    m_winBackTable->horizontalHeader()->setStretchLastSection(true);
    m_winBackTable->verticalHeader()->hide();
    m_winBackTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_winBackTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_winBackTable->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_winBackTable, 1);
    return page;
}

QWidget *CustomersPage::createResearchTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    // A heading with its action (for those who may record, §3.1) and a read-only table under it, twice.
    const bool mayRecord = m_session.may(domain::Action::ManageMarketResearch);
    auto addTable = [this, page, layout, mayRecord](const QString &heading, const QStringList &columns, const QString &action,
                                                     const QString &name, void (CustomersPage::*slot)()) {
        auto *bar = new QHBoxLayout;
        auto *title = new QLabel(heading, page);
        Style::markAsHeading(title);
        bar->addWidget(title);
        auto *button = new QPushButton(action, page);
        button->setObjectName(name);
        button->setVisible(mayRecord);
        connect(button, &QPushButton::clicked, this, slot);
        bar->addWidget(button);
        bar->addStretch();
        layout->addLayout(bar);
        auto *table = new QTableWidget(page);
        table->setColumnCount(static_cast<int>(columns.size()));
        table->setHorizontalHeaderLabels(columns);
        table->horizontalHeader()->setStretchLastSection(true);
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setWordWrap(true);
        layout->addWidget(table, 1);
        return table;
    };
    m_researchTable = addTable(tr("Market research (§3.1.1)"), {tr("Date"), tr("Topic"), tr("Findings"), tr("Competitors")},
                               tr("Record &market research…"), QStringLiteral("addResearchButton"), &CustomersPage::addResearch);
    m_segmentTable = addTable(tr("Target segments (§3.1.2)"), {tr("Segment"), tr("Traits"), tr("Strategy"), tr("Customers")},
                              tr("New target &segment…"), QStringLiteral("addSegmentButton"), &CustomersPage::addSegment);
    return page;
}

void CustomersPage::refresh()
{
    m_model->reload();
    if (m_current)
        showCustomer(m_current);
    if (m_tabs->currentIndex() == 1)
        m_board->refresh();
    else if (m_tabs->currentIndex() == 2)
        refreshChurn();
    else if (m_tabs->currentIndex() == 3)
        refreshResearch();
}

void CustomersPage::applyFilters()
{
    storage::CustomerQuery query;
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
    m_messageLabel->clear();
    if (!id) {
        m_detail->clear();
        refreshDealings();
        updateActions();
        return;
    }
    try {
        const services::CustomerDetails d = services::CustomerService(m_session).details(id);
        const domain::Customer &c = d.customer;
        m_shownVersion = c.version;
        QString html = QStringLiteral("<h2>%1</h2>").arg(esc(c.name));
        html += QStringLiteral("<p><b>%1</b> · <b>%2</b> · %3</p>")
                    .arg(esc(CustomerRules::label(c.customerClass)), esc(CustomerRules::label(c.stage)),
                         d.ownerName.isEmpty() ? tr("shared pool") : esc(d.ownerName));
        if (d.contactOverdue)
            html += QStringLiteral("<p style='color:#c0392b'>%1</p>")
                        .arg(tr("Contact overdue: the contact plan for this class is every %n day(s) (§3.2.2).", nullptr, d.intervalDays));
        if (d.openComplaints > 0)
            html += QStringLiteral("<p style='color:#c0392b'>%1</p>").arg(tr("%n open complaint(s)", nullptr, d.openComplaints));
        html += QStringLiteral("<table cellpadding='3'>");
        auto row = [&html](const QString &label, const QString &value) {
            if (!value.isEmpty())
                html += QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td>%2</td></tr>").arg(esc(label), esc(value).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        };
        row(tr("Short name"), c.shortName);
        row(tr("Customer code"), c.externalCode);
        row(tr("Industry"), c.industry);
        row(tr("Size"), c.sizeBand);
        row(tr("Channel"), c.channel ? CustomerRules::label(*c.channel) : QString());
        row(tr("Phone"), c.phone);
        row(tr("E-mail"), c.email);
        row(tr("Address"), c.address);
        row(tr("Website"), c.website);
        row(tr("Segment"), d.segmentName);
        row(tr("Tags"), c.tags);
        row(tr("Notes"), c.notes);
        row(tr("Lost reason"), c.lostReason);
        row(tr("Last contact"), c.lastContactAt.isValid() ? c.lastContactAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : tr("never"));
        html += QStringLiteral("</table>");
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Contacts"));
        if (d.contacts.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(tr("No contact persons yet."));
        for (const auto &person : d.contacts)
            html += QStringLiteral("<p>%1 %2 %3 %4</p>").arg(esc(person.name), esc(person.title), esc(person.phone), esc(person.email));
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Contact log"));
        if (d.log.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(tr("No contact recorded yet."));
        for (const auto &entry : d.log) {
            QString status;
            if (entry.complaintStatus != domain::ComplaintStatus::None)
                status = QStringLiteral(" [%1]").arg(CustomerRules::label(entry.complaintStatus));
            html += QStringLiteral("<p><b>%1</b> %2 · %3%4<br>%5").arg(entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                                      esc(CustomerRules::label(entry.kind)), esc(entry.byName), esc(status),
                                                                      esc(entry.note).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
            if (entry.nextFollowUp.isValid())
                html += QStringLiteral("<br>%1").arg(tr("Next follow-up: %1").arg(entry.nextFollowUp.toString(QStringLiteral("yyyy-MM-dd"))));
            html += QStringLiteral("</p>");
        }
        const auto events = services::CustomerService(m_session).events(id);
        if (!events.isEmpty()) {
            html += QStringLiteral("<h3>%1</h3>").arg(tr("Customer events"));
            for (const QVariantMap &event : events)
                html += QStringLiteral("<p>%1 · %2 · %3</p>")
                            .arg(esc(event.value(QStringLiteral("date")).toString()),
                                 event.value(QStringLiteral("kind")).toString() == QLatin1String("training") ? tr("Training session") : tr("Appreciation event"),
                                 esc(event.value(QStringLiteral("title")).toString()));
        }
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Stage history"));
        for (const auto &step : d.stageHistory) {
            html += QStringLiteral("<p>%1 · %2 · %3 → %4 %5</p>")
                        .arg(domain::fromStorageTimestamp(step.at).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), esc(step.actorName),
                             esc(CustomerRules::label(CustomerRules::parseStage(QStringLiteral("from"), step.fromState))),
                             esc(CustomerRules::label(CustomerRules::parseStage(QStringLiteral("to"), step.toState))), esc(step.comment));
        }
        m_detail->setHtml(html);
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
    domain::Customer customer;
    bool found = false;
    if (m_current) {
        try {
            customer = services::CustomerService(m_session).customer(m_current);
            found = true;
        } catch (const domain::Error &) {
        }
    }
    const bool editable = found && m_session.may(domain::Action::EditCustomer)
                          && (customer.ownerId == m_session.userId() || m_session.may(domain::Action::ReassignCustomer));
    m_contactButton->setEnabled(editable && customer.ownerId);
    m_editButton->setEnabled(editable);
    m_personButton->setEnabled(editable);
    bool openComplaint = false;
    if (editable) {
        try {
            for (const auto &entry : services::CustomerService(m_session).details(m_current).log)
                openComplaint = openComplaint || entry.complaintStatus == domain::ComplaintStatus::Open
                                || entry.complaintStatus == domain::ComplaintStatus::InProgress;
        } catch (const domain::Error &) {
        }
    }
    m_complaintButton->setEnabled(openComplaint);
    const auto next = found ? domain::Pipeline::nextStages(customer.stage) : QList<Stage>{};
    m_advanceButton->setEnabled(editable && !next.isEmpty() && next.first() != Stage::Lost);
    if (!next.isEmpty())
        m_advanceButton->setText(tr("&Advance to %1").arg(CustomerRules::label(next.first())));
    m_lostButton->setEnabled(editable && domain::Pipeline::isOpen(customer.stage));
    m_claimButton->setEnabled(found && !customer.ownerId && m_session.may(domain::Action::EditCustomer));
    m_assignButton->setEnabled(editable && m_session.may(domain::Action::ReassignCustomer));
    m_releaseButton->setEnabled(editable && customer.ownerId.has_value());
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
    try {
        services::CustomerService service(m_session);
        // The oldest complaint still open is handled first.
        std::optional<domain::ContactLogEntry> complaint;
        for (const auto &entry : service.details(m_current).log) {
            if (entry.complaintStatus == domain::ComplaintStatus::Open || entry.complaintStatus == domain::ComplaintStatus::InProgress)
                complaint = entry;
        }
        if (!complaint)
            return;
        const QStringList choices{CustomerRules::label(domain::ComplaintStatus::InProgress), CustomerRules::label(domain::ComplaintStatus::Resolved)};
        bool ok = false;
        const QString choice = QInputDialog::getItem(this, tr("Handle complaint"),
                                                     tr("Complaint of %1: %2\nNew status:").arg(complaint->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")), complaint->note),
                                                     choices, 1, false, &ok);
        if (!ok)
            return;
        const bool resolved = choice == choices.at(1);
        QString resolution;
        if (resolved) {
            resolution = QInputDialog::getMultiLineText(this, tr("Handle complaint"), tr("How was the complaint resolved? (§3.2.3)"), {}, &ok);
            if (!ok)
                return;
        }
        act([&] {
            service.updateComplaint(complaint->id, resolved ? domain::ComplaintStatus::Resolved : domain::ComplaintStatus::InProgress,
                                    resolution, complaint->version);
        }, false);
    } catch (const domain::Error &error) {
        m_messageLabel->setText(ErrorPresenter::describe(error));
    }
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

void CustomersPage::refreshChurn()
{
    try {
        const auto entries = services::CustomerService(m_session).churn(500);
        m_churnTable->setRowCount(static_cast<int>(entries.size()));
        for (int r = 0; r < entries.size(); ++r) {
            const auto &entry = entries.at(r);
            auto *score = new QTableWidgetItem;
            score->setData(Qt::DisplayRole, entry.assessment.score);
            score->setForeground(entry.assessment.score >= 60 ? QColor(0xc0, 0x39, 0x2b) : QColor(0xd3, 0x8b, 0x00));
            m_churnTable->setItem(r, 0, score);
            auto *name = new QTableWidgetItem(entry.row.customer.name);
            name->setData(Qt::UserRole, entry.row.customer.id);
            m_churnTable->setItem(r, 1, name);
            m_churnTable->setItem(r, 2, new QTableWidgetItem(entry.row.ownerName.isEmpty() ? tr("shared pool") : entry.row.ownerName));
            m_churnTable->setItem(r, 3, new QTableWidgetItem(entry.assessment.reasons.join(tr("; "))));
        }
        m_churnTable->resizeColumnToContents(0);
        m_churnTable->setColumnWidth(1, 260);
        QString summary = tr("%n customer(s) at risk.", nullptr, static_cast<int>(entries.size()));
        const double rate = services::CustomerService(m_session).winBackSuccessRate();
        if (rate >= 0)
            summary += QLatin1Char(' ') + tr("Win-back success rate: %1%.").arg(qRound(rate * 100));
        m_churnSummary->setText(summary);
        const auto records = services::CustomerService(m_session).winBacks();
        m_winBackTable->setRowCount(static_cast<int>(records.size()));
        for (int r = 0; r < records.size(); ++r) {
            const QVariantMap &record = records.at(r);
            auto *customer = new QTableWidgetItem(record.value(QStringLiteral("customer")).toString());
            customer->setData(Qt::UserRole, record.value(QStringLiteral("id")));
            customer->setData(Qt::UserRole + 1, record.value(QStringLiteral("version"))); // sent back with the result
            m_winBackTable->setItem(r, 0, customer);
            m_winBackTable->setItem(r, 1, new QTableWidgetItem(domain::fromStorageTimestamp(record.value(QStringLiteral("created_at")).toString())
                                                                   .toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));
            m_winBackTable->setItem(r, 2, new QTableWidgetItem(record.value(QStringLiteral("cause")).toString()));
            m_winBackTable->setItem(r, 3, new QTableWidgetItem(record.value(QStringLiteral("measures")).toString()));
            const QString result = record.value(QStringLiteral("result")).toString();
            QString resultText = result == QLatin1String("won_back") ? tr("Won back") : result == QLatin1String("lost") ? tr("Lost") : tr("Pending");
            const QString note = record.value(QStringLiteral("result_note")).toString();
            if (!note.isEmpty())
                resultText += QStringLiteral(" — ") + note;
            auto *resultItem = new QTableWidgetItem(resultText);
            resultItem->setData(Qt::UserRole, result);
            m_winBackTable->setItem(r, 4, resultItem);
        }
        m_winBackTable->setColumnWidth(0, 220);
    } catch (const domain::Error &error) {
        m_churnSummary->setText(ErrorPresenter::describe(error));
    }
}

void CustomersPage::recordWinBack()
{
    const int row = m_churnTable->currentRow();
    if (row < 0) {
        m_churnSummary->setText(tr("Choose an at-risk customer first."));
        return;
    }
    const qint64 id = m_churnTable->item(row, 1)->data(Qt::UserRole).toLongLong();
    bool ok = false;
    const QString cause = QInputDialog::getMultiLineText(this, tr("Record win-back"), tr("Why is the customer at risk? (§3.2.4)"), {}, &ok);
    if (!ok)
        return;
    const QString measures = QInputDialog::getMultiLineText(this, tr("Record win-back"),
                                                            tr("Win-back measures (discount, service improvement, more contact):"), {}, &ok);
    if (!ok)
        return;
    try {
        services::CustomerService(m_session).recordWinBack(id, cause, measures);
        refreshChurn();
    } catch (const domain::Error &error) {
        m_churnSummary->setText(ErrorPresenter::describe(error));
    }
}

void CustomersPage::refreshResearch()
{
    services::CustomerService service(m_session);
    const auto research = service.research();
    m_researchTable->setRowCount(static_cast<int>(research.size()));
    for (int r = 0; r < research.size(); ++r) {
        int c = 0;
        for (const char *key : {"date", "topic", "findings", "competitors"})
            m_researchTable->setItem(r, c++, new QTableWidgetItem(research.at(r).value(QLatin1String(key)).toString()));
    }
    const auto segments = service.segments();
    m_segmentTable->setRowCount(static_cast<int>(segments.size()));
    for (int r = 0; r < segments.size(); ++r) {
        int c = 0;
        for (const char *key : {"name", "traits", "strategy", "customers"})
            m_segmentTable->setItem(r, c++, new QTableWidgetItem(segments.at(r).value(QLatin1String(key)).toString()));
    }
    m_researchTable->resizeColumnsToContents();
    m_segmentTable->resizeColumnsToContents();
}

void CustomersPage::refreshDealings()
{
    m_dealingsTable->setRowCount(0);
    m_dealingsTable->hide();
    m_dealingsLabel->setText(tr("Business dealings (§3.2.1): no entertainment requests for this customer."));
    if (!m_current)
        return;
    try {
        services::ExpenseQuery query;
        query.customer = m_current;
        query.limit = 200;
        const auto rows = services::EntertainmentService(m_session).list(query);
        m_dealingsTable->setRowCount(static_cast<int>(rows.size()));
        for (int r = 0; r < rows.size(); ++r) {
            const domain::ExpenseRequest &request = rows.at(r).request;
            auto *number = new QTableWidgetItem(QString::number(request.id));
            number->setData(Qt::UserRole, request.id);
            number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_dealingsTable->setItem(r, 0, number);
            m_dealingsTable->setItem(r, 1, new QTableWidgetItem(request.eventAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));
            m_dealingsTable->setItem(r, 2, new QTableWidgetItem(domain::expenseStateDisplayName(request.state)));
            auto *estimate = new QTableWidgetItem(Formats::money(request.estimate));
            estimate->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_dealingsTable->setItem(r, 3, estimate);
        }
        if (!rows.isEmpty()) {
            m_dealingsLabel->setText(tr("Business dealings: entertainment requests (§3.2.1) — double-click to open"));
            m_dealingsTable->show();
        }
        m_dealingsTable->resizeColumnsToContents();
    } catch (const domain::Error &error) {
        m_messageLabel->setText(ErrorPresenter::describe(error));
    }
}

void CustomersPage::addResearch()
{
    MarketResearchDialog dialog(m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        refreshResearch();
}

void CustomersPage::addSegment()
{
    TargetSegmentDialog dialog(m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        refreshResearch();
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

void CustomersPage::recordWinBackResult(std::optional<bool> wonBack, const QString &note)
{
    const int row = m_winBackTable->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_winBackTable->item(row, 0) : nullptr;
    if (!item || m_winBackTable->item(row, 4)->data(Qt::UserRole).toString() != QLatin1String("pending")) {
        m_churnSummary->setText(tr("Choose a pending win-back record first."));
        return;
    }
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    QString resultNote = note;
    if (!wonBack) {
        const QStringList choices{tr("Won back"), tr("Lost")};
        bool ok = false;
        const QString choice = QInputDialog::getItem(this, tr("Win-back result"), tr("Result of the win-back for %1 (§3.2.4):").arg(item->text()),
                                                     choices, 0, false, &ok);
        if (!ok)
            return;
        wonBack = choice == choices.first();
        resultNote = QInputDialog::getMultiLineText(this, tr("Win-back result"), tr("Note:"), {}, &ok);
        if (!ok)
            return;
    }
    try {
        services::CustomerService(m_session).winBackResult(id, *wonBack, resultNote, item->data(Qt::UserRole + 1).toInt());
        refreshChurn();
    } catch (const domain::Error &error) {
        m_churnSummary->setText(ErrorPresenter::describe(error));
    }
}

} // namespace bizdesk::ui
