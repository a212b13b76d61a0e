#pragma once

#include "domain/customers/CustomerQuery.h"

#include <QString>

namespace bizdesk::storage {

class SqlQuery;

using domain::CustomerRow;
using domain::CustomerScope;

/// The customer columns every customer-unit repository selects (customers `c` LEFT JOIN users
/// `u` on the owner), read into a CustomerRow, and the visibility condition of a scope: one
/// definition for the archive, the contact log, churn and research.
class CustomerRowReader
{
public:
    /// The select list; the column after it (index columnCount) is free for a sort key.
    static const QString &columns();
    static constexpr int columnCount = 25;
    static CustomerRow read(SqlQuery &query, bool withSortKey = false);

    /// An SQL condition on `c` limiting rows to what `scope` sees; binds :scope (bindScope).
    static QString scopeCondition(const CustomerScope &scope);
    static void bindScope(SqlQuery &query, const CustomerScope &scope);
};

} // namespace bizdesk::storage
