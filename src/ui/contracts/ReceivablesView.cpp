#include "ui/contracts/ReceivablesView.h"

#include "domain/contracts/ReceivableAging.h"
#include "services/Session.h"
#include "ui/common/BackgroundCounter.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Formats.h"
#include "ui/common/StateBadgeDelegate.h"
#include "ui/common/Style.h"
#include "ui/contracts/ReceivablesModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace bizdesk::ui {

using domain::AgingBand;

ReceivablesView::ReceivablesView(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("ReceivablesView"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Receivables: due and overdue installments"), this);
    Style::markAsHeading(title);
    layout->addWidget(title);
    auto *totals = new QHBoxLayout;
    for (const AgingBand band : domain::ReceivableAging::bands()) {
        auto *label = new QLabel(this);
        label->setTextFormat(Qt::RichText);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMargin(6);
        totals->addWidget(label, 1);
        m_totals.insert(band, label);
        auto *counter = new BackgroundCounter(this);
        connect(counter, &BackgroundCounter::counted, label, [label, band](qint64 minor) {
            label->setText(QStringLiteral("%1<br><b>%2</b>").arg(domain::ReceivableRules::agingDisplayName(band).toHtmlEscaped(),
                                                                 Formats::money(domain::Money::fromMinor(minor)).toHtmlEscaped()));
        });
        connect(counter, &BackgroundCounter::failed, label, [label](const QString &message) { label->setText(message.toHtmlEscaped()); });
        m_counters.insert(band, counter);
    }
    layout->addLayout(totals);
    m_message = new QLabel(this);
    Style::markAsError(m_message);
    m_message->hide();
    layout->addWidget(m_message);

    m_model = new ReceivablesModel(m_session, this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setItemDelegateForColumn(ReceivablesModel::Band, new StateBadgeDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(ReceivablesModel::Title, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    connect(m_table, &QTableView::doubleClicked, this, &ReceivablesView::openAt);
    auto *enter = new QShortcut(QKeySequence(Qt::Key_Return), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enter, &QShortcut::activated, this, [this] { openAt(m_table->currentIndex()); });
    layout->addWidget(m_table, 1);
    auto *hint = new QLabel(tr("Double-click an installment to open its contract. Amounts in CNY."), this);
    layout->addWidget(hint);
}

void ReceivablesView::refresh()
{
    m_message->hide();
    try {
        m_model->reload();
        services::ContractReceivables receivables(m_session);
        for (auto counter = m_counters.cbegin(); counter != m_counters.cend(); ++counter) {
            const AgingBand band = counter.key();
            m_totals.value(band)->setText(QStringLiteral("%1<br><i>%2</i>").arg(domain::ReceivableRules::agingDisplayName(band).toHtmlEscaped(),
                                                                               tr("adding up…").toHtmlEscaped()));
            counter.value()->start(receivables.bandTotalOnOwnConnection(band));
        }
    } catch (const domain::Error &error) {
        m_message->setText(ErrorPresenter::describe(error));
        m_message->show();
    }
}

bool ReceivablesView::totalsReady() const
{
    for (const BackgroundCounter *counter : m_counters) {
        if (counter->isBusy())
            return false;
    }
    return true;
}

void ReceivablesView::openAt(const QModelIndex &index)
{
    if (const services::ReceivableLine *line = m_model->lineAt(index.row()))
        emit openContract(line->installment.contractId);
}

} // namespace bizdesk::ui
