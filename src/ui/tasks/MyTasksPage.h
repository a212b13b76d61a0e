#pragma once

#include "services/tasks/TaskSource.h"
#include "ui/shell/MainWindow.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace bizdesk::ui {

/// My Tasks: everything waiting for the logged-in user across modules (TaskService), overdue
/// first; the count shows on the tab title; double-click or Enter opens the item in its module.
class MyTasksPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit MyTasksPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    int badgeCount() const override { return static_cast<int>(m_tasks.size()); }
    QTreeWidget *list() const { return m_list; }
    const QList<services::TaskItem> &tasks() const { return m_tasks; }
    /// Emits openRequested for the task in `row`.
    void openTask(int row);

signals:
    /// The user wants to see the record behind a task: switch to tab `module` and show it.
    void openRequested(const QString &module, const QString &entityKind, qint64 id);
    void countChanged(int count);

private:
    services::Session &m_session;
    QList<services::TaskItem> m_tasks;
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace bizdesk::ui
