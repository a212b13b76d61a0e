#include "ui/shell/ModulePages.h"

#include "ui/shell/MainWindow.h"
#include "ui/shell/PlannedModulePage.h"
#include "ui/customers/CustomersPage.h"

namespace bizdesk::ui {

void ModulePages::populate(MainWindow &window)
{
    window.addModuleTab(QStringLiteral("tasks"), MainWindow::tr("My Tasks"),
                        new PlannedModulePage(MainWindow::tr("My Tasks"),
                                              MainWindow::tr("Everything waiting for you across modules: approvals, "
                                                             "follow-ups and reminders."),
                                              QStringLiteral("§2.2, §6.3"), &window));
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
    window.addModuleTab(QStringLiteral("team"), MainWindow::tr("Team"),
                        new PlannedModulePage(MainWindow::tr("Team"),
                                              MainWindow::tr("People and the organisation chart, recruitment, training "
                                                             "and appraisals."),
                                              QStringLiteral("§2"), &window));
    window.addModuleTab(QStringLiteral("reports"), MainWindow::tr("Reports"),
                        new PlannedModulePage(MainWindow::tr("Reports"),
                                              MainWindow::tr("Performance, expense, contract, customer and pipeline "
                                                             "reports with print preview, PDF and Excel."),
                                              QStringLiteral("§2.4, §6.4"), &window));
}

} // namespace bizdesk::ui
