#include "services/modules/PlannedModules.h"

#include "domain/policy/PolicyCatalog.h"

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

ModuleDescriptor contractsModule()
{
    ModuleDescriptor module;
    module.id = ModuleId::Contracts;
    module.title = QT_TRANSLATE_NOOP("Modules", "Contracts");
    module.description = QT_TRANSLATE_NOOP("Modules", "Contract drafting, legal and finance review, approval, signing, "
                                                      "execution, changes and archive.");
    module.clauses = QStringLiteral("§5");
    module.planned = true;
    module.policyKeys = {domain::policy::contractExecutiveThreshold, domain::policy::contractRetentionYears};
    return module;
}

} // namespace bizdesk::services
