#include "domain/contracts/ClauseTemplate.h"

#include "domain/TextRules.h"

namespace bizdesk::domain {

void ClauseTemplateRules::validate(ClauseTemplate &clauseTemplate)
{
    clauseTemplate.name = TextRules::required(QStringLiteral("name"), clauseTemplate.name, TextKind::Title);
    clauseTemplate.body = TextRules::required(QStringLiteral("body"), clauseTemplate.body, TextKind::Notes);
}

} // namespace bizdesk::domain
