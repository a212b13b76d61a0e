#pragma once

#include <QWidget>

class QTableWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// The research and segments tab (§3.1.1–2): market research records and target segments; those
/// who keep them (directors, managers) add new ones.
class MarketResearchPage : public QWidget
{
    Q_OBJECT

public:
    explicit MarketResearchPage(services::Session &session, QWidget *parent = nullptr);
    void refresh();
    QTableWidget *researchTable() const { return m_researchTable; }
    QTableWidget *segmentTable() const { return m_segmentTable; }

public slots:
    void addResearch();
    void addSegment();

private:
    services::Session &m_session;
    QTableWidget *m_researchTable = nullptr;
    QTableWidget *m_segmentTable = nullptr;
};

} // namespace bizdesk::ui
