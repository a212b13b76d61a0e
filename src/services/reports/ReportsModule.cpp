#include "services/reports/ReportsModule.h"

#include <QCoreApplication>

namespace bizdesk::services {

ModuleDescriptor reportsModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Reports;
    module.title = QT_TRANSLATE_NOOP("Modules", "Reports");
    return module;
}

} // namespace bizdesk::services
