#include "ui/shell/ModulePages.h"

#include "ui/shell/MainWindow.h"
#include "ui/shell/PlannedModulePage.h"
#include "ui/entertainment/EntertainmentPage.h"
#include "ui/entertainment/ExpenseReportPage.h"

namespace bizdesk::ui {

void ModulePages::populate(MainWindow &window)
{
    window.addModuleTab(QStringLiteral("tasks"), MainWindow::tr("My Tasks"),
                        new PlannedModulePage(MainWindow::tr("My Tasks"),
                                              MainWindow::tr("Everything waiting for you across modules: approvals, "
                                                             "follow-ups and reminders."),
                                              QStringLiteral("§2.2, §6.3"), &window));
    window.addModuleTab(QStringLiteral("customers"), MainWindow::tr("Customers"),
                        new PlannedModulePage(MainWindow::tr("Customers"),
                                              MainWindow::tr("The customer archive, development pipeline, contact log, "
                                                             "churn warning, import and export."),
                                              QStringLiteral("§3.1, §3.2"), &window));
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
    window.addModuleTab(QStringLiteral("team"), MainWindow::tr("Team"),
                        new PlannedModulePage(MainWindow::tr("Team"),
                                              MainWindow::tr("People and the organisation chart, recruitment, training "
                                                             "and appraisals."),
                                              QStringLiteral("§2"), &window));
    // Reports: the entertainment expense report first; performance, contract, customer and
    // pipeline reports join this tab as their modules arrive.
    window.addModuleTab(QStringLiteral("reports"), MainWindow::tr("Reports"), new ExpenseReportPage(window.session(), &window));
}

} // namespace bizdesk::ui
