#include "ui/customers/ChurnPage.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"
#include "services/customers/RetentionService.h"
#include "ui/common/Formats.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

ChurnPage::ChurnPage(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    QWidget *page = this;
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Customers at risk of churning, highest score first. The score adds up: overdue contact against the class's contact plan, open and recent complaints, falling contract value, contracts ending without renewal, a stalled pipeline stage (§3.2.4)."), page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *churnBar = new QHBoxLayout;
    m_churnSummary = new QLabel(page);
    churnBar->addWidget(m_churnSummary, 1);
    auto *winBackButton = new QPushButton(tr("Record &win-back…"), page);
    winBackButton->setEnabled(m_session.may(domain::Action::EditCustomer));
    connect(winBackButton, &QPushButton::clicked, this, &ChurnPage::recordWinBack);
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
        emit customerChosen(m_churnTable->item(row, 1)->data(Qt::UserRole).toLongLong());
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
}


void ChurnPage::refresh()
{
    try {
        const auto entries = services::RetentionService(m_session).churn(500);
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
        const double rate = services::RetentionService(m_session).winBackSuccessRate();
        if (rate >= 0)
            summary += QLatin1Char(' ') + tr("Win-back success rate: %1%.").arg(qRound(rate * 100));
        m_churnSummary->setText(summary);
        const auto records = services::RetentionService(m_session).winBacks();
        m_winBackTable->setRowCount(static_cast<int>(records.size()));
        for (int r = 0; r < records.size(); ++r) {
            const domain::WinBack &record = records.at(r);
            auto *customer = new QTableWidgetItem(record.customerName);
            customer->setData(Qt::UserRole, record.id);
            customer->setData(Qt::UserRole + 1, record.version); // sent back with the result
            m_winBackTable->setItem(r, 0, customer);
            m_winBackTable->setItem(r, 1, new QTableWidgetItem(Formats::date(m_session.calendar().dateOf(record.createdAt))));
            m_winBackTable->setItem(r, 2, new QTableWidgetItem(record.cause));
            m_winBackTable->setItem(r, 3, new QTableWidgetItem(record.measures));
            QString resultText = domain::WinBackRules::label(record.result);
            if (!record.resultNote.isEmpty())
                resultText += QStringLiteral(" — ") + record.resultNote;
            auto *resultItem = new QTableWidgetItem(resultText);
            resultItem->setData(Qt::UserRole, domain::WinBackRules::name(record.result));
            m_winBackTable->setItem(r, 4, resultItem);
        }
        m_winBackTable->setColumnWidth(0, 220);
    } catch (const domain::Error &error) {
        m_churnSummary->setText(ErrorPresenter::describe(error));
    }
}

void ChurnPage::recordWinBack()
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
        services::RetentionService(m_session).recordWinBack(id, cause, measures);
        refresh();
    } catch (const domain::Error &error) {
        m_churnSummary->setText(ErrorPresenter::describe(error));
    }
}

void ChurnPage::recordWinBackResult(std::optional<bool> wonBack, const QString &note)
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
        services::RetentionService(m_session).winBackResult(id, *wonBack, resultNote, item->data(Qt::UserRole + 1).toInt());
        refresh();
    } catch (const domain::Error &error) {
        m_churnSummary->setText(ErrorPresenter::describe(error));
    }
}

QString ChurnPage::summary() const
{
    return m_churnSummary->text();
}

} // namespace bizdesk::ui
