#pragma once

#include "services/tasks/TaskBoard.h"
#include "services/tasks/TaskSource.h"
#include "ui/shell/ModulePage.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QModelIndex;
class QStandardItemModel;
class QTreeView;

namespace bizdesk::ui {

/// My Tasks: everything waiting for the logged-in user across modules (TaskService), arranged by
/// TaskBoard — decisions waiting for the user first, then reminders grouped by kind with their
/// count (overdue contacts per customer class, collapsed). Filters by kind and due date; a
/// group's expanded state survives refreshes. The count shows on the tab title; double-click or
/// Enter opens the item's record in the tab of the module that opens its kind.
class MyTasksPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    /// Item data role of a task row: its position in tasks(); of a group row: -1.
    static constexpr int TaskIndexRole = Qt::UserRole + 1;
    /// Item data role of a group row: TaskGroup::key.
    static constexpr int GroupKeyRole = Qt::UserRole + 2;

    explicit MyTasksPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    int badgeCount() const override { return static_cast<int>(m_tasks.size()); }
    QTreeView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    QComboBox *kindFilter() const { return m_kindFilter; }
    QComboBox *dueFilter() const { return m_dueFilter; }
    /// Every task waiting, unfiltered.
    const QList<services::TaskItem> &tasks() const { return m_tasks; }
    /// The groups shown, filtered.
    const QList<services::TaskGroup> &groups() const { return m_groups; }
    /// Opens the record of tasks().at(position); false when no module could show it.
    bool openTask(int position);

signals:
    void countChanged(int count);

private:
    void rebuild();
    void fillKindFilter();
    void activate(const QModelIndex &index);
    services::TaskFilter filter() const;

    services::Session &m_session;
    QList<services::TaskItem> m_tasks;
    QList<services::TaskGroup> m_groups;
    QHash<QString, bool> m_expanded; ///< by group key, as the user left it
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QComboBox *m_kindFilter = nullptr;
    QComboBox *m_dueFilter = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace bizdesk::ui
