#include "ui/shell/ModulePages.h"

#include "ui/shell/MainWindow.h"
#include "ui/shell/PlannedModulePage.h"
#include "ui/customers/CustomersPage.h"
#include "ui/entertainment/EntertainmentPage.h"
#include "ui/entertainment/ExpenseReportPage.h"
#include "ui/tasks/MyTasksPage.h"
#include "ui/team/PeoplePage.h"

namespace bizdesk::ui {

void ModulePages::populate(MainWindow &window)
{
    auto *tasks = new MyTasksPage(window.session(), &window);
    QObject::connect(tasks, &MyTasksPage::openRequested, &window,
                     [&window](const QString &module, const QString &entityKind, qint64 id) {
                         window.openRecord(module, entityKind, id);
                     });
    QObject::connect(tasks, &MyTasksPage::countChanged, &window, &MainWindow::updateStatus);
    window.addModuleTab(QStringLiteral("tasks"), MainWindow::tr("My Tasks"), tasks);
    auto *customers = new CustomersPage(window.session(), &window);
    QObject::connect(customers, &CustomersPage::openRequested, &window,
                     [&window](const QString &module, const QString &entityKind, qint64 id) {
                         window.openRecord(module, entityKind, id);
                     });
    window.addModuleTab(QStringLiteral("customers"), MainWindow::tr("Customers"), customers);
    window.addModuleTab(QStringLiteral("negotiations"), MainWindow::tr("Negotiations"),
                        new PlannedModulePage(MainWindow::tr("Negotiations"),
                                              MainWindow::tr("Negotiation preparation, stages, offers and the summary "
                                                             "report."),
                                              QStringLiteral("§4"), &window));
    window.addModuleTab(QStringLiteral("contracts"), MainWindow::tr("Contracts"),
                        new PlannedModulePage(MainWindow::tr("Contracts"),
                                              MainWindow::tr("Contract drafting, legal and finance review, approval, "
                                                             "signing, execution, changes and archive."),
                                              QStringLiteral("§5"), &window));
    window.addModuleTab(QStringLiteral("entertainment"), MainWindow::tr("Entertainment"),
                        new EntertainmentPage(window.session(), &window));
    window.addModuleTab(QStringLiteral("team"), MainWindow::tr("Team"), new PeoplePage(window.session(), &window));
    // Reports: the entertainment expense report first; performance, contract, customer and
    // pipeline reports join this tab as their modules arrive.
    window.addModuleTab(QStringLiteral("reports"), MainWindow::tr("Reports"), new ExpenseReportPage(window.session(), &window));
}

} // namespace bizdesk::ui
