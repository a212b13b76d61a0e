#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

/// Negotiations (§4); the key is negotiationEntity's.
inline constexpr RecordKind negotiationRecord{"negotiation"};

/// The negotiations module: deadlock hints, summaries to write and to acknowledge and passed
/// planned end dates in My Tasks, the `negotiation` commands, its policies and audit labels.
ModuleDescriptor negotiationsModule();

} // namespace bizdesk::services
