#pragma once

#include "services/entertainment/EntertainmentService.h"
#include "ui/shell/MainWindow.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class AuditHistoryView;
class ExpenseFilterBar;
class ExpenseFormWidget;
class ExpenseProgressView;
class ExpenseListModel;

/// The Entertainment tab (§6): filtered list with state badges and counts, and a detail pane with
/// the form, budget, receipts, approval timeline and only the actions the user may take now.
class EntertainmentPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit EntertainmentPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    int badgeCount() const override;
    bool showRecord(const services::RecordRef &record) override;

    /// Starts a new application in the detail pane (Ctrl+N).
    void startNew();
    /// Shows request `id` in the detail pane.
    void open(qint64 id);
    std::optional<qint64> currentId() const { return m_currentId; }
    const services::ExpenseDetail *currentDetail() const { return m_detail ? &*m_detail : nullptr; }

    // Exposed for widget tests and keyboard shortcuts.
    ExpenseFormWidget *formWidget() const { return m_form; }
    QPushButton *button(domain::ExpenseAction action) const;
    QPushButton *saveButton() const { return m_saveButton; }
    QLineEdit *commentEdit() const { return m_comment; }
    QComboBox *viewCombo() const;
    QTableView *table() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    /// "You decide on behalf of …" when the user approves as a delegate.
    QLabel *onBehalfLabel() const { return m_onBehalf; }
    /// The conflict-of-interest note, shown when the approver takes part in the event.
    QLabel *conflictLabel() const { return m_conflict; }
    /// The claim line, with the overrun amount and percentage when over the estimate.
    QLabel *claimLabel() const { return m_claim; }
    /// The route (steps ahead greyed) and the timeline.
    ExpenseProgressView *progressView() const { return m_progress; }
    QPushButton *attachButton() const { return m_attachButton; }
    /// The action buttons, in order: the page shows exactly those the service offers.
    const QList<std::pair<domain::ExpenseAction, QPushButton *>> &actionButtons() const { return m_actionButtons; }
    /// Ctrl+Enter: submit a draft, else approve (or reimburse) when the user may.
    void primaryAction();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void reloadList();
    void showDetail();
    void act(domain::ExpenseAction action);
    void saveDraft();
    void attachReceipt();
    void printPreview();
    void exportPdf();
    void showError(const QString &text);
    void updateExecutiveNote();
    template<typename Work>
    bool run(Work &&work);

    services::Session &m_session;
    ExpenseListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    ExpenseFilterBar *m_filters = nullptr;
    QLabel *m_counts = nullptr;

    QWidget *m_detailPane = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_flags = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_onBehalf = nullptr;
    ExpenseFormWidget *m_form = nullptr;
    QLabel *m_claim = nullptr;
    QListWidget *m_attachments = nullptr;
    QPushButton *m_attachButton = nullptr;
    ExpenseProgressView *m_progress = nullptr;
    QLabel *m_conflict = nullptr;
    AuditHistoryView *m_history = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
    QList<std::pair<domain::ExpenseAction, QPushButton *>> m_actionButtons;

    std::optional<qint64> m_currentId;
    std::optional<services::ExpenseDetail> m_detail;
    bool m_creating = false;
    int m_waiting = -1;
    bool m_loaded = false;
};

} // namespace bizdesk::ui
