#include "ui/customers/MarketResearchPage.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"
#include "services/customers/MarketResearchService.h"
#include "ui/common/Formats.h"
#include "ui/customers/CustomerDialogs.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

MarketResearchPage::MarketResearchPage(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    QWidget *page = this;
    auto *layout = new QVBoxLayout(this);
    // A heading with its action (for those who may record, §3.1) and a read-only table under it, twice.
    const bool mayRecord = m_session.may(domain::Action::ManageMarketResearch);
    auto addTable = [this, page, layout, mayRecord](const QString &heading, const QStringList &columns, const QString &action,
                                                     const QString &name, void (MarketResearchPage::*slot)()) {
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
                               tr("Record &market research…"), QStringLiteral("addResearchButton"), &MarketResearchPage::addResearch);
    m_segmentTable = addTable(tr("Target segments (§3.1.2)"), {tr("Segment"), tr("Traits"), tr("Strategy"), tr("Customers")},
                              tr("New target &segment…"), QStringLiteral("addSegmentButton"), &MarketResearchPage::addSegment);
}


void MarketResearchPage::refresh()
{
    services::MarketResearchService service(m_session);
    const auto research = service.research();
    m_researchTable->setRowCount(static_cast<int>(research.size()));
    for (int r = 0; r < research.size(); ++r) {
        const domain::MarketResearch &record = research.at(r);
        int c = 0;
        for (const QString &text : {Formats::date(record.date), record.topic, record.findings, record.competitors})
            m_researchTable->setItem(r, c++, new QTableWidgetItem(text));
    }
    const auto segments = service.segments();
    m_segmentTable->setRowCount(static_cast<int>(segments.size()));
    for (int r = 0; r < segments.size(); ++r) {
        const domain::TargetSegment &segment = segments.at(r);
        int c = 0;
        for (const QString &text : {segment.name, segment.traits, segment.strategy, QString::number(segment.customers)})
            m_segmentTable->setItem(r, c++, new QTableWidgetItem(text));
    }
    m_researchTable->resizeColumnsToContents();
    m_segmentTable->resizeColumnsToContents();
}

void MarketResearchPage::addResearch()
{
    MarketResearchDialog dialog(m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void MarketResearchPage::addSegment()
{
    TargetSegmentDialog dialog(m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

} // namespace bizdesk::ui
