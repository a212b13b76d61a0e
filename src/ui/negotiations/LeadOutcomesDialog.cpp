#include "ui/negotiations/LeadOutcomesDialog.h"

#include "domain/negotiations/NegotiationFigures.h"
#include "services/OwnConnection.h"
#include "services/negotiations/NegotiationService.h"
#include "ui/common/BackgroundCounter.h"
#include "ui/common/Formats.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

LeadOutcomesDialog::LeadOutcomesDialog(services::Session &session, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Outcomes by lead"));
    auto *layout = new QVBoxLayout(this);
    auto *explanation = new QLabel(tr("Closed negotiations whose figures you may see (§4.4). Zone captured: "
                                      "(final − our bottom line) ÷ (their estimated limit − our bottom line). "
                                      "Estimate error: our last estimate of their limit minus the final price."),
                                   this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    m_status = new QLabel(tr("Loading…"), this);
    m_status->setObjectName(QStringLiteral("outcomesStatus"));
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Lead"), tr("Closed negotiations"), tr("Zone captured (average)"),
                                        tr("Estimate error (average)")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Lead, QHeaderView::Stretch);
    for (int column = Negotiations; column < ColumnCount; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);

    m_loader = new BackgroundCounter(this);
    connect(m_loader, &BackgroundCounter::failed, this, [this](const QString &message) {
        m_status->setText(message);
        m_loaded = true;
    });
    m_loader->startLoad<QList<services::LeadOutcome>>(
        services::onOwnConnection<QList<services::LeadOutcome>>(
            session, [](services::Session &own) { return services::NegotiationService(own).outcomesByLead(); }),
        [this](QList<services::LeadOutcome> outcomes) { showOutcomes(outcomes); });
}

void LeadOutcomesDialog::showOutcomes(const QList<services::LeadOutcome> &outcomes)
{
    m_loaded = true;
    m_status->setText(outcomes.isEmpty() ? tr("No closed negotiation with figures you may see yet.")
                                         : tr("%n lead(s)", nullptr, static_cast<int>(outcomes.size())));
    m_table->setRowCount(static_cast<int>(outcomes.size()));
    const QString none = QStringLiteral("—");
    for (int row = 0; row < outcomes.size(); ++row) {
        const services::LeadOutcome &outcome = outcomes.at(row);
        const auto cell = [&](int column, const QString &text, Qt::Alignment alignment) {
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(alignment | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        };
        cell(Lead, outcome.leadName, Qt::AlignLeft);
        cell(Negotiations, QString::number(outcome.negotiations), Qt::AlignRight);
        cell(Captured, outcome.averageCapturePermille ? domain::NegotiationFigures::percentText(*outcome.averageCapturePermille) : none,
             Qt::AlignRight);
        cell(EstimateError, outcome.averageEstimateError ? Formats::money(*outcome.averageEstimateError) : none, Qt::AlignRight);
    }
}

} // namespace bizdesk::ui
