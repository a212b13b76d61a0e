#pragma once

#include "domain/customers/Customer.h"
#include "services/customers/CustomerService.h"
#include "ui/shell/MainWindow.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class CustomerListModel;
class ChurnPage;
class MarketResearchPage;
class PipelineBoard;

/// The Customers tab (§3): list with search-as-you-type and detail pane, pipeline board,
/// churn warning, market research and target segments.
class CustomersPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit CustomersPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    int badgeCount() const override { return -1; }
    /// File → Import customers… / Export customers… (shown only to users who may).
    QList<QAction *> fileActions() const override { return {m_importAction, m_exportAction}; }
    /// My Tasks opens a customer here ("customer", id).
    bool showRecord(const services::RecordRef &record) override;

    CustomerListModel *model() const { return m_model; }
    QLineEdit *searchEdit() const { return m_search; }
    QTableView *view() const { return m_view; }
    PipelineBoard *board() const { return m_board; }
    QTextBrowser *detail() const { return m_detail; }
    /// Applies the search box and filters to the model (the debounce timer calls it).
    void applyFilters();
    void showCustomer(domain::CustomerId id);
    domain::CustomerId currentId() const { return m_current; }
    QTableWidget *dealingsTable() const { return m_dealingsTable; }
    QTableWidget *researchTable() const;
    QTableWidget *segmentTable() const;
    QTableWidget *churnTable() const;
    QTableWidget *winBackTable() const;
    QPushButton *assignButton() const { return m_assignButton; }
    QPushButton *releaseButton() const { return m_releaseButton; }
    QString message() const;

public slots:
    void newCustomer();
    void importCustomers();
    void exportCustomers();
    void addResearch();
    void addSegment();
    /// Reassigns the current customer to `ownerLogin` (managers, §3.2.1); asks for it when empty.
    void assignCustomer(const QString &ownerLogin = {});
    void releaseCustomer();
    /// The result of the current churn row's pending win-back (§3.2.4); asks when not given.
    void recordWinBackResult(std::optional<bool> wonBack = std::nullopt, const QString &note = {});

signals:
    /// Business dealings: open a record in another module (MainWindow::openRecord).

private:
    QWidget *createListTab();
    void refreshCurrentTab();
    void refreshDealings();
    void updateActions();
    void recordContact();
    void editCustomer();
    void resolveComplaint();
    void addContactPerson();
    void advanceStage();
    void markLost();
    void claim();
    /// Runs one action on the current customer: a refusal goes to the message bar; on success
    /// the pane (and, with `reloadList`, the list) shows the new state.
    template<typename Work>
    void act(Work &&work, bool reloadList = true);

    services::Session &m_session;
    QTabWidget *m_tabs = nullptr;
    CustomerListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_classFilter = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QCheckBox *m_mineOnly = nullptr;
    QCheckBox *m_poolOnly = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_contactButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_complaintButton = nullptr;
    QPushButton *m_personButton = nullptr;
    QPushButton *m_advanceButton = nullptr;
    QPushButton *m_lostButton = nullptr;
    QPushButton *m_claimButton = nullptr;
    QPushButton *m_assignButton = nullptr;
    QPushButton *m_releaseButton = nullptr;
    QTableWidget *m_dealingsTable = nullptr;
    QLabel *m_dealingsLabel = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    PipelineBoard *m_board = nullptr;
    ChurnPage *m_churn = nullptr;
    MarketResearchPage *m_research = nullptr;
    domain::CustomerId m_current = 0;
    /// The version of the customer the detail pane shows; actions send it (a stale one is refused).
    std::optional<int> m_shownVersion;
    /// What the detail pane shows, loaded once per selection; the buttons follow its actions.
    std::optional<services::CustomerDetails> m_details;
};

} // namespace bizdesk::ui
