#pragma once

#include "domain/entertainment/ExpenseRecords.h"
#include "ui/common/Style.h"

#include <QAbstractTableModel>

namespace bizdesk::ui {

/// The rows the service returned (already filtered and sorted in SQL), for the list view.
class ExpenseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, State, Applicant, Department, Category, When, Estimate, Actual, Flags, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(QList<domain::ExpenseListRow> rows);
    const domain::ExpenseListRow &row(int index) const { return m_rows.at(index); }
    int indexOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static Style::Meaning meaningOf(domain::ExpenseState state);
    static QString flagsText(const domain::ExpenseRequest &request);
    static QString money(const domain::Money &money);

private:
    QList<domain::ExpenseListRow> m_rows;
};

} // namespace bizdesk::ui
