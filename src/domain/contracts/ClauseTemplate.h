#pragma once

#include "domain/contracts/ContractClause.h"
#include "domain/identity/User.h"

#include <QString>

#include <optional>

namespace bizdesk::domain {

/// Standard wording of one clause kept by legal (§5.1.3: lawful, standard format), which a
/// drafter inserts instead of writing the clause from nothing.
struct ClauseTemplate
{
    qint64 id = 0;
    ContractClause clause = ContractClause::Obligations;
    QString name; ///< unique per clause: "标准付款条款（分期）"
    QString body;
    QString updatedAt;
    std::optional<UserId> updatedBy;
};

class ClauseTemplateRules
{
public:
    /// Name and body required and clean (TextRules); throws invalid naming the field.
    static void validate(ClauseTemplate &clauseTemplate);
};

} // namespace bizdesk::domain
