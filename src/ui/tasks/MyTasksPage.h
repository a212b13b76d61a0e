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

class BackgroundCounter;

/// My Tasks: everything waiting for the logged-in user across modules (TaskService), arranged by
/// TaskBoard — decisions waiting for the user first, then reminders grouped by kind with their
/// count (overdue contacts per customer class, collapsed). Filters by kind and due date; a
/// group's expanded state survives refreshes. The count shows on the tab title; double-click or
/// Enter opens the item's record in the tab of the module that opens its kind.
///
/// The tasks are read on the page's own worker (BackgroundCounter, its own connection), never on
/// the GUI thread: the window shows at once, the page says "Loading tasks…" until the first
/// result, and when refreshes overlap only the latest one's result is shown.
class MyTasksPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    /// Item data role of a task row: its position in tasks(); of a group row: -1.
    static constexpr int TaskIndexRole = Qt::UserRole + 1;
    /// Item data role of a group row: TaskGroup::key.
    static constexpr int GroupKeyRole = Qt::UserRole + 2;

    explicit MyTasksPage(services::Session &session, QWidget *parent = nullptr);

    /// Starts reading the tasks on the worker; the page and the count follow when they arrive.
    void refresh() override;
    /// The number of tasks waiting; -1 until the first result has arrived.
    int badgeCount() const override { return m_loaded ? static_cast<int>(m_tasks.size()) : -1; }
    /// True from refresh() until its result (or failure) is shown.
    bool isLoading() const override;
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
    /// A result was shown or the first load began: the count (-1 while loading) may differ.
    void countChanged(int count);

private:
    void showTasks(QList<services::TaskItem> tasks);
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
    BackgroundCounter *m_loader = nullptr; ///< child: the page's one worker
    bool m_loaded = false;                 ///< a result has been shown since the page was made
    QString m_failure;                     ///< why the latest load failed, else empty
};

} // namespace bizdesk::ui
