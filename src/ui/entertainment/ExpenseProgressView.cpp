#include "ui/entertainment/ExpenseProgressView.h"

#include "domain/Clock.h"

#include <QGroupBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {
namespace {

QString stepName(const QString &state)
{
    // The step a waiting state stands for, as the printed form names it.
    return domain::expenseStepDisplayName(state);
}

QString decisionName(const QString &decision)
{
    if (decision == QLatin1String("approved"))
        return ExpenseProgressView::tr("Approved");
    if (decision == QLatin1String("returned"))
        return ExpenseProgressView::tr("Returned");
    if (decision == QLatin1String("rejected"))
        return ExpenseProgressView::tr("Rejected");
    return {};
}

QString localTime(const QString &storage)
{
    return domain::fromStorageTimestamp(storage).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

ExpenseProgressView::ExpenseProgressView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *routeBox = new QGroupBox(tr("Route"), this);
    auto *routeLayout = new QVBoxLayout(routeBox);
    m_route = new QTreeWidget(routeBox);
    m_route->setObjectName(QStringLiteral("routeView"));
    m_route->setRootIsDecorated(false);
    m_route->setHeaderLabels({tr("Step"), tr("Approvers"), tr("Status"), tr("Clause")});
    m_route->setMinimumHeight(90);
    routeLayout->addWidget(m_route);
    layout->addWidget(routeBox);

    auto *timelineBox = new QGroupBox(tr("Approval timeline"), this);
    auto *timelineLayout = new QVBoxLayout(timelineBox);
    m_timeline = new QTreeWidget(timelineBox);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setHeaderLabels({tr("When"), tr("Who"), tr("On behalf of"), tr("Step"), tr("Comment"), tr("Policy")});
    m_timeline->setMinimumHeight(120);
    timelineLayout->addWidget(m_timeline);
    layout->addWidget(timelineBox);
}

void ExpenseProgressView::clear()
{
    m_route->clear();
    m_timeline->clear();
}

void ExpenseProgressView::show(const services::ExpenseDetail &detail)
{
    clear();
    using Stage = services::RouteStepView::Stage;
    for (const services::RouteStepView &step : detail.routeSteps) {
        auto *item = new QTreeWidgetItem(m_route);
        item->setText(0, stepName(step.state));
        item->setText(1, step.approvers.join(QStringLiteral(", ")));
        item->setText(2, step.stage == Stage::Done      ? decisionName(step.decision)
                         : step.stage == Stage::Current ? tr("Now")
                                                        : tr("Ahead"));
        item->setText(3, step.clause.isEmpty() ? QString() : QStringLiteral("§") + step.clause);
        if (step.stage == Stage::Ahead) {
            // Steps still to come are greyed: who will decide next, not who decided.
            for (int column = 0; column < m_route->columnCount(); ++column)
                item->setForeground(column, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(0, tr("Still ahead"));
        } else if (step.stage == Stage::Current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
        item->setData(0, Qt::UserRole, int(step.stage));
    }
    for (const services::ExpenseHistoryEntry &record : detail.history) {
        auto *item = new QTreeWidgetItem(m_timeline);
        item->setText(0, localTime(record.at));
        item->setText(1, record.actorName);
        item->setText(2, record.onBehalfOfName);
        item->setText(3, QStringLiteral("%1 → %2").arg(domain::expenseStateDisplayName(record.fromState),
                                                        domain::expenseStateDisplayName(record.toState)));
        item->setText(4, record.comment);
        item->setText(5, QStringLiteral("v%1").arg(record.policyVersion));
    }
    for (QTreeWidget *tree : {m_route, m_timeline}) {
        for (int column = 0; column < tree->columnCount(); ++column)
            tree->resizeColumnToContents(column);
    }
}

} // namespace bizdesk::ui
