#include "ui/shell/ModulePages.h"

#include "services/ModuleCatalog.h"
#include "ui/contracts/ContractsPage.h"
#include "ui/customers/CustomersPage.h"
#include "ui/entertainment/EntertainmentPage.h"
#include "ui/entertainment/ExpenseReportPage.h"
#include "ui/negotiations/NegotiationsPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PlannedModulePage.h"
#include "ui/tasks/MyTasksPage.h"
#include "ui/team/PeoplePage.h"

namespace bizdesk::ui {

QWidget *ModulePages::create(const services::ModuleDescriptor &module, services::Session &session, QWidget *parent)
{
    using services::ModuleId;
    // Each module's page hangs off its id. No default: a ModuleId without a page does not compile (-Wswitch).
    switch (module.id) {
    case ModuleId::Customers: return new CustomersPage(session, parent);
    case ModuleId::Contracts: return new ContractsPage(session, parent);
    case ModuleId::Negotiations: return new NegotiationsPage(session, parent);
    case ModuleId::Entertainment: return new EntertainmentPage(session, parent);
    case ModuleId::Team: return new PeoplePage(session, parent);
    // The entertainment expense report first; performance, contract, customer and pipeline
    // reports join this tab as their modules arrive.
    case ModuleId::Reports: return new ExpenseReportPage(session, parent);
    }
    return nullptr;
}

void ModulePages::populate(MainWindow &window)
{
    auto *tasks = new MyTasksPage(window.session(), &window);
    QObject::connect(tasks, &MyTasksPage::countChanged, &window, &MainWindow::updateStatus);
    window.addModuleTab(QStringLiteral("tasks"), MainWindow::tr("My Tasks"), tasks);
    for (const services::ModuleDescriptor &module : services::ModuleCatalog::modules())
        window.addModuleTab(services::moduleKey(module.id), services::ModuleCatalog::title(module.id),
                            create(module, window.session(), &window));
}

} // namespace bizdesk::ui
