#include "ui/customers/CustomerListHeader.h"

#include "domain/customers/Customer.h"
#include "support/SettingsKeys.h"
#include "ui/customers/CustomerListModel.h"

#include <QAbstractItemModel>
#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace bizdesk::ui {
namespace {

using domain::CustomerRules;

constexpr support::SettingKey headerState{"customers/listHeader"};

/// Room for the cell margins next to the text.
constexpr int padding = 16;

int widest(const QFontMetrics &metrics, const QStringList &texts)
{
    int width = 0;
    for (const QString &text : texts)
        width = std::max(width, metrics.horizontalAdvance(text));
    return width + padding;
}

template<typename Values>
QStringList labels(const Values &values)
{
    QStringList texts;
    for (auto value : values)
        texts << CustomerRules::label(value);
    return texts;
}

/// The width each column other than the name needs: its header and its longest usual value.
int naturalWidth(const QTableView *view, int column)
{
    // Long English labels ("Demo & negotiation") are capped and elide with a tooltip, so that the
    // name keeps room at 1280 px in every language; Chinese labels fit within the caps.
    const int em = view->fontMetrics().horizontalAdvance(QStringLiteral("客"));
    const QFontMetrics metrics = view->fontMetrics();
    const QFontMetrics headerMetrics = view->horizontalHeader()->fontMetrics();
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    // The header also draws the sort indicator.
    const int header = headerMetrics.horizontalAdvance(title) + padding + 12;
    switch (column) {
    case CustomerListModel::Class: return std::max(header, std::min(5 * em + padding, widest(metrics, labels(CustomerRules::classes()))));
    case CustomerListModel::Stage: return std::max(header, std::min(7 * em + padding, widest(metrics, labels(CustomerRules::stages()))));
    case CustomerListModel::Owner: return std::max(header, widest(metrics, {QStringLiteral("欧阳晓明")}));
    case CustomerListModel::Phone: return std::max(header, widest(metrics, {QStringLiteral("13800138000")}));
    case CustomerListModel::Industry: return std::max(header, widest(metrics, {QStringLiteral("软件信息")}));
    case CustomerListModel::LastContact: return std::max(header, widest(metrics, {QStringLiteral("2026-12-31")}));
    default: return header;
    }
}

} // namespace

const char *CustomerListHeader::settingsKey()
{
    return headerState.name;
}

void CustomerListHeader::install(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(40);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // The name takes whatever the other columns leave, so the columns always fill the width exactly.
    header->setSectionResizeMode(CustomerListModel::Name, QHeaderView::Stretch);
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        if (column != CustomerListModel::Name)
            header->resizeSection(column, naturalWidth(view, column));
    }
    const QByteArray saved = support::readSetting(headerState).toByteArray();
    if (!saved.isEmpty())
        header->restoreState(saved);
    const auto save = [header] { support::writeSetting(headerState, header->saveState()); };
    QObject::connect(header, &QHeaderView::sectionMoved, header, save);
    QObject::connect(header, &QHeaderView::sectionResized, header, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, header, save);
}

} // namespace bizdesk::ui
