#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

inline constexpr RecordKind userRecord{"user"};
inline constexpr RecordKind departmentRecord{"department"};

/// The business team (§2): people, departments, reporting lines, delegations and the policy
/// settings; the `user`, `dept`, `delegate`, `policy`, `audit` and `whoami` commands and audit labels.
ModuleDescriptor teamModule();

} // namespace bizdesk::services
