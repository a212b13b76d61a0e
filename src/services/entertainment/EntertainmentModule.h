#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

/// Entertainment requests and their claims (§6.3, §6.4); the key is expenseEntity's.
inline constexpr RecordKind expenseRecord{"expense"};

/// The entertainment module: approvals, finance reviews and due claims in My Tasks, demo requests
/// in every state, the `expense` and `report expenses` commands, its policies and audit labels.
ModuleDescriptor entertainmentModule();

} // namespace bizdesk::services
