#pragma once

#include "domain/contracts/Contract.h"
#include "services/contracts/ContractService.h"
#include "ui/common/Style.h"

#include <QAbstractTableModel>
#include <QList>

namespace bizdesk::services {
class Session;
} // namespace bizdesk::services

namespace bizdesk::ui {

/// The contract list: one window of rows at a time from ContractService::list (keyset paging
/// by id, index-backed), the next window fetched when the view scrolls to the end, so the list
/// stays instant at a million contracts.
class ContractListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Title, Customer, Owner, Amount, State, End, ColumnCount };
    static constexpr int windowSize = 200;

    ContractListModel(services::Session &session, QObject *parent = nullptr);

    /// Starts again from the newest contract with this filter (state: empty = all).
    void reload(std::optional<domain::ContractState> state);
    /// Starts again with every filter of `query` (its window fields are the model's own).
    void reload(const services::ContractQuery &query);
    const domain::ContractListRow *rowAt(int row) const;
    int rowOf(qint64 id) const;
    static Style::Meaning meaningOf(domain::ContractState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QList<domain::ContractListRow> fetchWindow(std::optional<qint64> beforeId) const;

    services::Session &m_session;
    services::ContractQuery m_query;
    QList<domain::ContractListRow> m_rows;
    bool m_exhausted = true;
};

} // namespace bizdesk::ui
