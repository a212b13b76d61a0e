#pragma once

#include "services/negotiations/NegotiationService.h"
#include "ui/common/Style.h"

#include <QAbstractTableModel>
#include <QList>

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// The negotiation list: one window of rows at a time from NegotiationService::list (keyset
/// paging by id), the next window fetched when the view scrolls to the end. Nothing is read
/// until reload() is called.
class NegotiationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Customer, Stage, Importance, Lead, PlannedEnd, LatestAmount, ColumnCount };
    static constexpr int windowSize = 200;

    NegotiationListModel(services::Session &session, QObject *parent = nullptr);

    /// Starts again from the newest negotiation with these filters.
    void reload(const services::NegotiationQuery &query);
    const storage::NegotiationRow *rowAt(int row) const;
    int rowOf(qint64 id) const;
    static Style::Meaning meaningOf(domain::NegotiationStage stage);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QList<storage::NegotiationRow> fetchWindow(std::optional<qint64> beforeId) const;

    services::Session &m_session;
    services::NegotiationQuery m_query;
    QList<storage::NegotiationRow> m_rows;
    bool m_exhausted = true;
};

} // namespace bizdesk::ui
