#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

/// Contracts (§5); the key is contractEntity's.
inline constexpr RecordKind contractRecord{"contract"};

/// The contracts module: reviews, copies to acknowledge, overdue milestones, renewals and expired
/// retention in My Tasks, the `contract` commands, its policies and audit labels.
ModuleDescriptor contractsModule();

} // namespace bizdesk::services
