#include "ui/tasks/MyTasksPage.h"

#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {
MyTasksPage::MyTasksPage(services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    Style::markAsHeading(m_summary);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_summary);
    m_empty = new QLabel(tr("Nothing is waiting for you. Approvals, follow-ups and reminders from every module appear "
                            "here as they come in."),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("taskList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Task"), tr("Details"), tr("Due"), tr("Module")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_list, 1);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { openTask(m_list->indexOfTopLevelItem(item)); });
    // Tasks also arrive from other people's actions (a request submitted to me): look again every minute.
    auto *timer = new QTimer(this);
    timer->setInterval(60 * 1000);
    connect(timer, &QTimer::timeout, this, &MyTasksPage::refresh);
    timer->start();
    refresh();
}

void MyTasksPage::refresh()
{
    const int before = static_cast<int>(m_tasks.size());
    try {
        m_tasks = services::TaskService::tasksFor(m_session);
    } catch (const domain::Error &error) {
        m_tasks.clear();
        m_empty->setText(ErrorPresenter::describe(error));
    }
    m_list->clear();
    int overdue = 0;
    for (const services::TaskItem &task : std::as_const(m_tasks)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, task.overdue ? tr("Overdue: %1").arg(task.title) : task.title);
        item->setText(1, task.detail);
        item->setText(2, task.due.isValid() ? QLocale().toString(m_session.calendar().dateOf(task.due), QStringLiteral("yyyy-MM-dd"))
                                            : QString());
        const auto module = services::ModuleCatalog::moduleOpening(task.record.kind);
        item->setText(3, module ? services::ModuleCatalog::title(*module) : QString());
        item->setToolTip(0, task.title);
        if (task.overdue) {
            ++overdue;
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, Style::colourFor(Style::Meaning::Rejected));
        }
    }
    for (int column = 1; column < 4; ++column)
        m_list->resizeColumnToContents(column);
    const int count = static_cast<int>(m_tasks.size());
    m_summary->setText(overdue > 0 ? tr("%1 task(s) waiting for you, %2 overdue").arg(count).arg(overdue)
                                   : tr("%n task(s) waiting for you", nullptr, count));
    m_empty->setVisible(m_tasks.isEmpty());
    m_list->setVisible(!m_tasks.isEmpty());
    if (before != m_tasks.size())
        emit countChanged(static_cast<int>(m_tasks.size()));
}

bool MyTasksPage::openTask(int row)
{
    if (row < 0 || row >= m_tasks.size())
        return false;
    // A copy: opening the record switches tabs, which refreshes m_tasks under a reference.
    const services::RecordRef record = m_tasks.at(row).record;
    return openRecord(record);
}

} // namespace bizdesk::ui
