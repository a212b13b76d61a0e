#include "ui/customers/CustomerListModel.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/customers/CustomerService.h"
#include "support/Logging.h"
#include "ui/common/BackgroundCounter.h"

#include <QColor>
#include <QLocale>

namespace bizdesk::ui {

using domain::CustomerRules;
using Sort = domain::CustomerQuery::Sort;

CustomerListModel::CustomerListModel(services::Session &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_counter(new BackgroundCounter(this))
{
    connect(m_counter, &BackgroundCounter::counted, this, &CustomerListModel::applyCount);
    connect(m_counter, &BackgroundCounter::failed, this, [this](const QString &message) {
        m_counting = false;
        m_countError = message;
        emit countFailedWith(message);
    });
}

// The counter is a child and joins its thread when destroyed; nothing it reports can arrive later.
CustomerListModel::~CustomerListModel() = default;

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Customer");
    case Class: return tr("Class");
    case Stage: return tr("Stage");
    case Owner: return tr("Owner");
    case Phone: return tr("Phone");
    case Industry: return tr("Industry");
    case LastContact: return tr("Last contact");
    default: return {};
    }
}

const QList<domain::CustomerRow> &CustomerListModel::loadPage(int page) const
{
    auto it = m_pages.find(page);
    if (it != m_pages.end()) {
        m_recent.removeOne(page);
        m_recent.append(page);
        return *it;
    }
    QList<domain::CustomerRow> rows;
    try {
        services::CustomerService service(m_session);
        const auto previous = m_pages.constFind(page - 1);
        if (page > 0 && previous != m_pages.cend() && !previous->isEmpty())
            rows = service.pageAfter(m_query, previous->last(), pageSize); // keyset: no OFFSET scan
        else
            rows = service.page(m_query, page * pageSize, pageSize);
    } catch (const domain::Error &error) {
        BIZDESK_LOG_ERROR("customer list page {} failed: {}", page, error.message().toStdString());
    }
    ++m_pagesFetched;
    if (m_recent.size() >= cachedPages) {
        m_pages.remove(m_recent.takeFirst());
    }
    m_recent.append(page);
    return *m_pages.insert(page, rows);
}

const domain::CustomerRow *CustomerListModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const auto &rows = loadPage(row / pageSize);
    const int offset = row % pageSize;
    return offset < rows.size() ? &rows.at(offset) : nullptr;
}

qint64 CustomerListModel::idAt(int row) const
{
    const auto *found = rowAt(row);
    return found ? found->customer.id : 0;
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount)
        return {};
    if (role != Qt::DisplayRole && role != IdRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole)
        return {};
    const auto *row = rowAt(index.row());
    if (!row)
        return {};
    const domain::Customer &c = row->customer;
    if (role == IdRole)
        return c.id;
    if (role == Qt::ForegroundRole) {
        if (index.column() == Stage && c.stage == domain::Stage::Lost)
            return QColor(0xc0, 0x39, 0x2b);
        if (index.column() == Stage && c.stage == domain::Stage::Won)
            return QColor(0x2e, 0x8b, 0x57);
        return {};
    }
    switch (index.column()) {
    case Name:
        return role == Qt::ToolTipRole && !c.shortName.isEmpty() ? QVariant(c.shortName) : QVariant(c.name);
    case Class: return CustomerRules::label(c.customerClass);
    case Stage: return CustomerRules::label(c.stage);
    case Owner: return row->ownerName.isEmpty() ? tr("(shared pool)") : row->ownerName;
    case Phone: return c.phone;
    case Industry: return c.industry;
    case LastContact:
        return c.lastContactAt.isValid() ? QVariant(c.lastContactAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))) : QVariant(tr("never"));
    default: return {};
    }
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    Sort sort;
    switch (column) {
    case Name: sort = Sort::Name; break;
    case Class: sort = Sort::Class; break;
    case Stage: sort = Sort::Stage; break;
    case Owner: sort = Sort::Owner; break;
    case LastContact: sort = Sort::LastContact; break;
    default: return; // phone and industry are not indexed for sorting
    }
    domain::CustomerQuery query = m_query;
    query.sort = sort;
    query.descending = order == Qt::DescendingOrder;
    if (query.sort == m_query.sort && query.descending == m_query.descending)
        return;
    // Same rows, new order: only the cache is dropped, the count stays.
    emit layoutAboutToBeChanged();
    m_query = query;
    m_pages.clear();
    m_recent.clear();
    emit layoutChanged();
}

void CustomerListModel::setQuery(const domain::CustomerQuery &query)
{
    const Sort sort = m_query.sort;
    const bool descending = m_query.descending;
    m_query = query;
    m_query.sort = sort;
    m_query.descending = descending;
    reload();
}

void CustomerListModel::reload()
{
    beginResetModel();
    m_counter->cancel(); // a count still running for the old filters reports nothing
    m_countError.clear();
    m_pages.clear();
    m_recent.clear();
    m_rows = 0;
    // The first page tells whether counting is needed at all.
    const int firstPage = static_cast<int>(loadPage(0).size());
    m_rows = firstPage;
    m_counting = firstPage == pageSize;
    endResetModel();
    if (m_counting)
        startCount();
    else
        emit counted(m_rows);
}

QString CustomerListModel::countText() const
{
    if (countFailed())
        return tr("Could not count the customers: %1").arg(m_countError);
    if (m_counting)
        return tr("Counting…");
    return tr("%n customer(s)", nullptr, m_rows);
}

void CustomerListModel::applyCount(qint64 total)
{
    m_counting = false;
    const int rows = static_cast<int>(std::min<qint64>(total, std::numeric_limits<int>::max()));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
    emit counted(total);
}

void CustomerListModel::startCount()
{
    const services::CustomerService service(m_session);
    if (!m_countInBackground) {
        applyCount(service.count(m_query));
        return;
    }
    m_counter->start(service.countOnOwnConnection(m_query));
}

} // namespace bizdesk::ui
