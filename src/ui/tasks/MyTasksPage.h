#pragma once

#include "services/tasks/TaskSource.h"
#include "ui/shell/ModulePage.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace bizdesk::ui {

/// My Tasks: everything waiting for the logged-in user across modules (TaskService), overdue
/// first; the count shows on the tab title; double-click or Enter opens the item's record in the
/// tab of the module that opens its kind (through the shell's record opener).
class MyTasksPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit MyTasksPage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    int badgeCount() const override { return static_cast<int>(m_tasks.size()); }
    QTreeWidget *list() const { return m_list; }
    const QList<services::TaskItem> &tasks() const { return m_tasks; }
    /// Opens the record of the task in `row`; false when no module could show it.
    bool openTask(int row);

signals:
    void countChanged(int count);

private:
    services::Session &m_session;
    QList<services::TaskItem> m_tasks;
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace bizdesk::ui
