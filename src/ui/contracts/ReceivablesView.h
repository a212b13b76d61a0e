#pragma once

#include "domain/contracts/Receivables.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QTableView;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class BackgroundCounter;
class ReceivablesModel;

/// What is due and overdue across the contracts the user may see (§5.4): the total of each aging
/// band (not yet due, 0–30, 31–90, more than 90 days), each summed on its own worker connection,
/// and the open installments in due order. Double-click or Enter opens the contract.
class ReceivablesView : public QWidget
{
    Q_OBJECT

public:
    explicit ReceivablesView(services::Session &session, QWidget *parent = nullptr);

    /// Reloads the list and starts the band totals again.
    void refresh();

    QTableView *table() const { return m_table; }
    ReceivablesModel *model() const { return m_model; }
    QLabel *totalLabel(domain::AgingBand band) const { return m_totals.value(band); }
    /// False while a band's total is still being summed.
    bool totalsReady() const;

signals:
    void openContract(qint64 contractId);

private:
    void openAt(const QModelIndex &index);

    services::Session &m_session;
    ReceivablesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    QMap<domain::AgingBand, QLabel *> m_totals;
    QMap<domain::AgingBand, BackgroundCounter *> m_counters;
};

} // namespace bizdesk::ui
