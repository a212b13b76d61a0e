#include "services/reports/ReportsModule.h"

#include <QCoreApplication>

namespace bizdesk::services {

ModuleDescriptor reportsModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Reports;
    module.title = QT_TRANSLATE_NOOP("Modules", "Reports");
    module.commandGroups = {QStringLiteral("report")};
    return module;
}

} // namespace bizdesk::services
