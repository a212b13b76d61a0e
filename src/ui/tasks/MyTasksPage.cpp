#include "ui/tasks/MyTasksPage.h"

#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "ui/common/BackgroundCounter.h"
#include "ui/common/Style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace bizdesk::ui {

MyTasksPage::MyTasksPage(services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_loader(new BackgroundCounter(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    Style::markAsHeading(m_summary);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_summary);

    auto *filters = new QHBoxLayout;
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("kindFilter"));
    m_kindFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dueFilter = new QComboBox(this);
    m_dueFilter->setObjectName(QStringLiteral("dueFilter"));
    m_dueFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dueFilter->addItem(tr("Any due date"), static_cast<int>(services::DueFilter::All));
    m_dueFilter->addItem(tr("Due today"), static_cast<int>(services::DueFilter::Today));
    m_dueFilter->addItem(tr("Due this week"), static_cast<int>(services::DueFilter::ThisWeek));
    m_dueFilter->addItem(tr("Overdue"), static_cast<int>(services::DueFilter::Overdue));
    auto *kindLabel = new QLabel(tr("Task &kind:"), this);
    kindLabel->setBuddy(m_kindFilter);
    auto *dueLabel = new QLabel(tr("D&ue date:"), this);
    dueLabel->setBuddy(m_dueFilter);
    filters->addWidget(kindLabel);
    filters->addWidget(m_kindFilter);
    filters->addSpacing(12);
    filters->addWidget(dueLabel);
    filters->addWidget(m_dueFilter);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);

    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({tr("Task"), tr("Details"), tr("Due"), tr("Module")});
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("taskList"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Enter and double-click both go through activate(): a group opens or closes, a task opens.
    m_view->setExpandsOnDoubleClick(false);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTreeView::activated, this, &MyTasksPage::activate);
    const auto remember = [this](bool expanded) {
        return [this, expanded](const QModelIndex &index) {
            const QString key = index.siblingAtColumn(0).data(GroupKeyRole).toString();
            if (!key.isEmpty())
                m_expanded.insert(key, expanded);
        };
    };
    connect(m_view, &QTreeView::expanded, this, remember(true));
    connect(m_view, &QTreeView::collapsed, this, remember(false));
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, &MyTasksPage::rebuild);
    connect(m_dueFilter, &QComboBox::currentIndexChanged, this, &MyTasksPage::rebuild);
    connect(m_loader, &BackgroundCounter::failed, this, [this](const QString &message) {
        m_failure = message;
        showTasks({});
    });
    // Due dates pass with time even when nothing is saved (the shell refreshes on every change).
    auto *timer = new QTimer(this);
    timer->setInterval(5 * 60 * 1000);
    connect(timer, &QTimer::timeout, this, &MyTasksPage::refresh);
    timer->start();
    refresh();
}

services::TaskFilter MyTasksPage::filter() const
{
    services::TaskFilter filter;
    filter.kind = m_kindFilter->currentData().toString();
    filter.due = static_cast<services::DueFilter>(m_dueFilter->currentData().toInt());
    return filter;
}

bool MyTasksPage::isLoading() const
{
    return m_loader->isBusy();
}

void MyTasksPage::refresh()
{
    if (!m_session.isLoggedIn()) {
        m_loader->cancel();
        showTasks({});
        return;
    }
    const bool first = !m_loader->isBusy() && !m_loaded;
    m_loader->startLoad<QList<services::TaskItem>>(services::TaskService::tasksOnOwnConnection(m_session),
                                                   [this](QList<services::TaskItem> tasks) {
                                                       m_failure.clear();
                                                       showTasks(std::move(tasks));
                                                   });
    if (!m_loaded) {
        // Nothing to show yet: say so instead of "nothing is waiting". Later refreshes keep the
        // tasks on screen until the new ones arrive.
        m_summary->setText(tr("Loading tasks…"));
        m_empty->hide();
        m_view->hide();
        if (first)
            emit countChanged(-1);
    }
}

void MyTasksPage::showTasks(QList<services::TaskItem> tasks)
{
    m_tasks = std::move(tasks);
    m_loaded = true;
    fillKindFilter();
    rebuild();
    emit countChanged(static_cast<int>(m_tasks.size()));
}

void MyTasksPage::fillKindFilter()
{
    const QString current = m_kindFilter->currentData().toString();
    const QSignalBlocker blocker(m_kindFilter);
    m_kindFilter->clear();
    m_kindFilter->addItem(tr("All kinds"), QString());
    QStringList kinds = services::TaskBoard::kindsIn(m_tasks);
    if (!current.isEmpty() && !kinds.contains(current))
        kinds << current; // keep the user's choice while nothing of it waits
    for (const QString &kind : std::as_const(kinds))
        m_kindFilter->addItem(services::TaskBoard::kindTitle(kind), kind);
    m_kindFilter->setCurrentIndex(std::max(0, m_kindFilter->findData(current)));
}

void MyTasksPage::rebuild()
{
    if (!m_loaded)
        return; // the loading note stays until the first result
    const QString currentKey = m_view->currentIndex().siblingAtColumn(0).data(GroupKeyRole).toString();
    m_groups = services::TaskBoard::arrange(m_tasks, filter(), m_session.calendar(), m_session.today());
    m_model->removeRows(0, m_model->rowCount());
    QFont bold = font();
    bold.setBold(true);
    int overdue = 0;
    for (const services::TaskItem &task : std::as_const(m_tasks))
        overdue += task.overdue ? 1 : 0;
    for (const services::TaskGroup &group : std::as_const(m_groups)) {
        auto *heading = new QStandardItem(tr("%1 (%2)").arg(group.title).arg(group.tasks.size()));
        heading->setData(group.key, GroupKeyRole);
        heading->setData(-1, TaskIndexRole);
        heading->setFont(bold);
        QList<QStandardItem *> headingRow{heading};
        for (int column = 1; column < 4; ++column)
            headingRow << new QStandardItem;
        for (int i = 0; i < group.tasks.size(); ++i) {
            const services::TaskItem &task = group.tasks.at(i);
            const int position = group.positions.at(i);
            // Every overdue contact is overdue: its group says so already.
            const bool markOverdue = task.overdue && task.kind != QLatin1String("overdue_contact");
            auto *title = new QStandardItem(markOverdue ? tr("Overdue: %1").arg(task.title) : task.title);
            title->setToolTip(task.title);
            title->setData(position, TaskIndexRole);
            auto *detail = new QStandardItem(task.detail);
            auto *due = new QStandardItem(task.due.isValid() ? QLocale().toString(m_session.calendar().dateOf(task.due),
                                                                                  QStringLiteral("yyyy-MM-dd"))
                                                             : QString());
            const auto module = services::ModuleCatalog::moduleOpening(task.record.kind);
            auto *moduleItem = new QStandardItem(module ? services::ModuleCatalog::title(*module) : QString());
            const QList<QStandardItem *> row{title, detail, due, moduleItem};
            if (task.overdue) {
                for (QStandardItem *cell : row.first(3))
                    cell->setForeground(Style::colourFor(Style::Meaning::Rejected));
            }
            heading->appendRow(row);
        }
        m_model->appendRow(headingRow);
        const QModelIndex index = heading->index();
        m_view->setFirstColumnSpanned(index.row(), QModelIndex(), true);
        m_view->setExpanded(index, m_expanded.value(group.key, !group.collapsed));
        if (group.key == currentKey)
            m_view->setCurrentIndex(index);
    }
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    const int count = static_cast<int>(m_tasks.size());
    m_summary->setText(overdue > 0 ? tr("%1 task(s) waiting for you, %2 overdue").arg(count).arg(overdue)
                                   : tr("%n task(s) waiting for you", nullptr, count));
    m_empty->setText(m_failure.isEmpty() ? tr("Nothing is waiting for you. Approvals, follow-ups and reminders from every "
                                              "module appear here as they come in.")
                                         : m_failure);
    m_empty->setVisible(m_tasks.isEmpty());
    m_view->setVisible(!m_tasks.isEmpty());
}

void MyTasksPage::activate(const QModelIndex &index)
{
    const QModelIndex first = index.siblingAtColumn(0);
    const int position = first.data(TaskIndexRole).toInt();
    if (position < 0) {
        m_view->setExpanded(first, !m_view->isExpanded(first));
        return;
    }
    openTask(position);
}

bool MyTasksPage::openTask(int position)
{
    if (position < 0 || position >= m_tasks.size())
        return false;
    // A copy: opening the record switches tabs, which refreshes m_tasks under a reference.
    const services::RecordRef record = m_tasks.at(position).record;
    return openRecord(record);
}

} // namespace bizdesk::ui
