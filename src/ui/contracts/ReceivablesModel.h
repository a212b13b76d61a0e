#pragma once

#include "services/contracts/ContractReceivables.h"

#include <QAbstractTableModel>
#include <QList>

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// The receivables view's rows: open installments in due order, one window at a time from
/// ContractReceivables (keyset paging on due date and id, index-backed); the next window comes
/// when the view scrolls to the end, so it stays instant however many contracts there are.
class ReceivablesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Customer, Title, Owner, Due, DaysOverdue, Outstanding, Band, ColumnCount };

    explicit ReceivablesModel(services::Session &session, QObject *parent = nullptr);

    /// Starts again from the earliest due installment.
    void reload();
    const services::ReceivableLine *lineAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    services::Session &m_session;
    QList<services::ReceivableLine> m_lines;
    bool m_exhausted = true;
};

} // namespace bizdesk::ui
