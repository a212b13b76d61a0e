#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace bizdesk::services {
class Session;
struct LeadOutcome;
}

namespace bizdesk::ui {

class BackgroundCounter;

/// Per lead, over the closed negotiations whose figures the user may see (§4.4): how many, the
/// average share of the zone of agreement captured and the average error of the estimate of the
/// other side's bottom line. Read on a worker thread; the dialog says so while it loads.
class LeadOutcomesDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column { Lead, Negotiations, Captured, EstimateError, ColumnCount };

    explicit LeadOutcomesDialog(services::Session &session, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// True once the figures (or the reason they could not be read) are shown.
    bool isLoaded() const { return m_loaded; }

private:
    void showOutcomes(const QList<services::LeadOutcome> &outcomes);

    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    BackgroundCounter *m_loader = nullptr;
    bool m_loaded = false;
};

} // namespace bizdesk::ui
