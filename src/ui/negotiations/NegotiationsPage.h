#pragma once

#include "services/negotiations/NegotiationService.h"
#include "ui/shell/ModulePage.h"

#include <QMap>
#include <QUrl>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace bizdesk::ui {

class NegotiationListModel;

/// The Negotiations tab (§4): a windowed list filtered by mine, stage, customer and importance,
/// and a detail pane with every section, the chart of converging offers, the stage moves the
/// user may make and the commands for what the team records.
class NegotiationsPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    /// What the page's command buttons do besides stage moves.
    enum class Command { Open, Member, Strategy, Material, Briefing, Session, Probe, Estimate, Offer, Term, Deadlock, Outcome,
                         WriteSummary, SubmitSummary, Acknowledge, ContractDraft, PreviewSummary, PrintSummary };

    explicit NegotiationsPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    bool showRecord(const services::RecordRef &record) override;

    void open(qint64 id);
    const services::NegotiationDetail *currentDetail() const { return m_detail ? &*m_detail : nullptr; }
    /// Moves the open negotiation to `stage` as its button does; opening with an incomplete
    /// checklist asks for confirmation first.
    void moveTo(domain::NegotiationStage stage);
    void run(Command command);

    // For widget tests.
    QTableView *table() const { return m_table; }
    QCheckBox *mineFilter() const { return m_mine; }
    QComboBox *stageFilter() const { return m_stageFilter; }
    QComboBox *importanceFilter() const { return m_importanceFilter; }
    QLineEdit *customerFilter() const { return m_customerFilter; }
    QTextBrowser *detailView() const { return m_detailView; }
    QLabel *chart() const { return m_chart; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *stageButton(domain::NegotiationStage stage) const { return m_stageButtons.value(stage); }
    QPushButton *button(Command command) const { return m_buttons.value(command); }

signals:
    void contractDrafted(qint64 contractId);

private:
    void buildUi();
    /// Follows a material:ID link of the detail: asks where, then writes the checked file there.
    void saveMaterialFile(const QUrl &link);
    void reloadList();
    void showDetail();
    template <typename Work>
    bool attempt(Work &&work);

    services::Session &m_session;
    NegotiationListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QCheckBox *m_mine = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QComboBox *m_importanceFilter = nullptr;
    QLineEdit *m_customerFilter = nullptr;
    QTextBrowser *m_detailView = nullptr;
    QLabel *m_chart = nullptr;
    QLabel *m_message = nullptr;
    QMap<domain::NegotiationStage, QPushButton *> m_stageButtons;
    QMap<Command, QPushButton *> m_buttons;
    std::optional<services::NegotiationDetail> m_detail;
};

} // namespace bizdesk::ui
