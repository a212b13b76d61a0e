#pragma once

#include "services/entertainment/ExpenseViews.h"

#include <QWidget>

class QTreeWidget;

namespace bizdesk::ui {

/// Where a request stands: its route (decided steps, the open one, and the steps ahead greyed
/// with their approvers, as the service computed them) and its timeline of transitions.
class ExpenseProgressView : public QWidget
{
    Q_OBJECT

public:
    explicit ExpenseProgressView(QWidget *parent = nullptr);

    void show(const services::ExpenseDetail &detail);
    void clear();

    QTreeWidget *route() const { return m_route; }
    QTreeWidget *timeline() const { return m_timeline; }

private:
    QTreeWidget *m_route = nullptr;
    QTreeWidget *m_timeline = nullptr;
};

} // namespace bizdesk::ui
