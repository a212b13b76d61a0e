#include "ui/shell/ModulePages.h"

#include "ui/shell/MainWindow.h"
#include "ui/shell/PlannedModulePage.h"
#include "ui/customers/CustomersPage.h"
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
    window.addModuleTab(QStringLiteral("customers"), MainWindow::tr("Customers"), new CustomersPage(window.session(), &window));
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
                        new PlannedModulePage(MainWindow::tr("Entertainment"),
                                              MainWindow::tr("Entertainment applications, the approval chain, claims "
                                                             "and finance review."),
                                              QStringLiteral("§6"), &window));
    window.addModuleTab(QStringLiteral("team"), MainWindow::tr("Team"), new PeoplePage(window.session(), &window));
    window.addModuleTab(QStringLiteral("reports"), MainWindow::tr("Reports"),
                        new PlannedModulePage(MainWindow::tr("Reports"),
                                              MainWindow::tr("Performance, expense, contract, customer and pipeline "
                                                             "reports with print preview, PDF and Excel."),
                                              QStringLiteral("§2.4, §6.4"), &window));
}

} // namespace bizdesk::ui
