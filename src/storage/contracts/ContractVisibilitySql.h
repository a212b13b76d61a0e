#pragma once

#include "storage/contracts/ContractRepository.h"

#include <QString>

namespace bizdesk::storage {

class SqlQuery;

/// The visibility part of a contract query (contracts aliased `k`): the departments and the
/// owner/drafter of ContractFilter, so every contract report shows exactly what the list shows.
class ContractVisibilitySql
{
public:
    /// A condition to AND into the WHERE clause; empty when the filter is not restricted.
    static QString condition(const ContractFilter &filter);
    /// Binds the placeholders condition() named.
    static void bind(SqlQuery &query, const ContractFilter &filter);
};

} // namespace bizdesk::storage
