#include "services/modules/PlannedModules.h"


#include <QCoreApplication>

namespace bizdesk::services {

ModuleDescriptor negotiationsModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Negotiations;
    module.title = QT_TRANSLATE_NOOP("Modules", "Negotiations");
    module.description = QT_TRANSLATE_NOOP("Modules", "Negotiation preparation, stages, offers and the summary report.");
    module.clauses = QStringLiteral("§4");
    module.planned = true;
    return module;
}

} // namespace bizdesk::services
