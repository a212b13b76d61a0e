#pragma once

#include "domain/customers/CustomerQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class BackgroundCounter;

/// The customer list as a windowed model: only the rows on screen are fetched (pages of 200,
/// keyset paging when scrolling on, OFFSET when jumping), the count runs on the model's own
/// worker (BackgroundCounter: its own connection, stale counts dropped, errors reported), and
/// sorting and filtering are SQL. Nothing loads the whole table.
class CustomerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Class, Stage, Owner, Phone, Industry, LastContact, ColumnCount };
    static constexpr int pageSize = 200;
    static constexpr int cachedPages = 50;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit CustomerListModel(services::Session &session, QObject *parent = nullptr);
    ~CustomerListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Replaces filters (search text, class, stage, owner, pool); keeps the sort order.
    void setQuery(const domain::CustomerQuery &query);
    const domain::CustomerQuery &query() const { return m_query; }
    /// Counting on a worker thread (default) or inline (tests, tiny databases).
    void setCountInBackground(bool background) { m_countInBackground = background; }
    bool isCounting() const { return m_counting; }
    /// The last count failed (the rows of the first page are still shown).
    bool countFailed() const { return !m_countError.isEmpty(); }
    /// What the count label says: "Counting…", "N customer(s)" or that counting failed and why.
    QString countText() const;
    /// Drops the cache and reloads (after an edit).
    void reload();
    /// The row's customer id, 0 when out of range.
    qint64 idAt(int row) const;
    /// Pages fetched from the database so far (for tests and the status line).
    int pagesFetched() const { return m_pagesFetched; }

signals:
    /// The total is known (emitted after the count thread reports).
    void counted(qint64 total);
    /// The count failed; `message` says why (translated). The model stops "counting".
    void countFailedWith(const QString &message);

private:
    const domain::CustomerRow *rowAt(int row) const;
    const QList<domain::CustomerRow> &loadPage(int page) const;
    void startCount();
    void applyCount(qint64 total);

    services::Session &m_session;
    domain::CustomerQuery m_query;
    int m_rows = 0;
    bool m_counting = false;
    bool m_countInBackground = true;
    QString m_countError;
    BackgroundCounter *m_counter = nullptr; ///< child: one owned worker for every reload
    mutable QHash<int, QList<domain::CustomerRow>> m_pages;
    mutable QList<int> m_recent; ///< least recently used first
    mutable int m_pagesFetched = 0;
};

} // namespace bizdesk::ui
