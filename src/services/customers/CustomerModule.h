#pragma once

#include "services/modules/ModuleDescriptor.h"

namespace bizdesk::services {

inline constexpr RecordKind customerRecord{"customer"};

/// The customers module (§3): My Tasks follow-ups and overdue contacts, demo customers, the
/// `customer`, `event`, `segment` and `research` commands, contact-plan policies, audit labels.
ModuleDescriptor customersModule();

} // namespace bizdesk::services
