#pragma once

#include "storage/contracts/ContractRepository.h"

namespace bizdesk::services {

class Session;

/// Which contracts the session's user may see in lists and reports: director, finance, legal and
/// executive all of them; a manager their department's and their own; anybody else the contracts
/// they own or drafted.
class ContractVisibility
{
public:
    static void restrict(const Session &session, storage::ContractFilter &filter);
};

} // namespace bizdesk::services
