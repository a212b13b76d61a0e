#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

/// The Reports tab: the entertainment expense report today; performance, contract, customer and
/// pipeline reports join it as their modules arrive. Its commands live with the module whose
/// data they report on (`report expenses`).
ModuleDescriptor reportsModule();

} // namespace bizdesk::services
