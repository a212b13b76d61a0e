#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

/// Modules announced but not built yet: their tab says what will be there. Each moves to its own
/// src/services/<module>/<Module>Module.cpp when it is built.
ModuleDescriptor negotiationsModule();

} // namespace bizdesk::services
