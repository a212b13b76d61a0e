#pragma once

#include "services/contracts/ContractService.h"
#include "ui/shell/ModulePage.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class ContractLedgerView;
class ContractAttachmentsPanel;
class ContractFilterBar;
class ContractListModel;
class ReceivablesView;

/// The Contracts tab (§5): a windowed list filtered by state, and a detail pane with the
/// clauses, the route ahead, execution and versions, and exactly the actions ContractService
/// offers the user now.
class ContractsPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit ContractsPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    int badgeCount() const override;
    bool showRecord(const services::RecordRef &record) override;

    void open(qint64 id);
    /// New contract (Ctrl+N): the editor dialog, then the draft is shown.
    void startNew();
    const services::ContractDetail *currentDetail() const { return m_detail ? &*m_detail : nullptr; }

    // For widget tests and shortcuts.
    QTableView *table() const { return m_table; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    ContractFilterBar *filters() const { return m_filters; }
    ContractAttachmentsPanel *attachments() const { return m_attachments; }
    QPushButton *templatesButton() const { return m_templatesButton; }
    QTextBrowser *detailView() const { return m_detailView; }
    QLineEdit *commentEdit() const { return m_comment; }
    /// Which clause the reviewer's comment is about (first item: the whole contract).
    QComboBox *commentClause() const { return m_commentClause; }
    QPushButton *button(domain::ContractAction action) const { return m_buttons.value(action); }
    QLabel *messageLabel() const { return m_message; }
    /// Runs the action as its button does; dialogs for its inputs are created by `dialogs` so
    /// tests can fill them in.
    void act(domain::ContractAction action);

    /// The receivables view (§5.4) in its own window; double-clicking an installment opens the
    /// contract here.
    ReceivablesView *showReceivables();
    /// The contract ledger (合同台账) in its own window.
    ContractLedgerView *showLedger();
    /// The approval sheet (合同审批单) of the contract shown, in print preview.
    void printApprovalSheet();
    QPushButton *printButton() const { return m_printButton; }

private:
    void buildUi();
    void reloadList();
    void showDetail();
    template <typename Work>
    bool run(Work &&work);

    services::Session &m_session;
    ContractListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_stateFilter = nullptr;
    ContractFilterBar *m_filters = nullptr;
    ContractAttachmentsPanel *m_attachments = nullptr;
    QTextBrowser *m_detailView = nullptr;
    QLineEdit *m_comment = nullptr;
    QComboBox *m_commentClause = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_printButton = nullptr;
    ReceivablesView *m_receivables = nullptr;
    ContractLedgerView *m_ledger = nullptr;
    QPushButton *m_templatesButton = nullptr; ///< legal only (§5.1.3)
    QMap<domain::ContractAction, QPushButton *> m_buttons;
    std::optional<services::ContractDetail> m_detail;
    int m_waiting = -1;
};

} // namespace bizdesk::ui
