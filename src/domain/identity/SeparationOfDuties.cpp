#include "domain/identity/SeparationOfDuties.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QSet>

namespace bizdesk::domain {

std::optional<UserId> SeparationOfDuties::resolveApprover(UserId designated, UserId requester,
                                                          std::optional<UserId> previousDecider,
                                                          const SuperiorLookup &superiorOf)
{
    std::optional<UserId> candidate = designated;
    QSet<UserId> visited;
    while (candidate && (*candidate == requester || (previousDecider && *candidate == *previousDecider))) {
        if (visited.contains(*candidate))
            return std::nullopt;
        visited.insert(*candidate);
        candidate = superiorOf(*candidate);
    }
    return candidate;
}

void SeparationOfDuties::requireMayDecide(UserId actor, UserId requester, std::optional<UserId> previousDecider)
{
    if (actor == requester)
        throw Error::denied(QCoreApplication::translate("SeparationOfDuties",
                                                        "Nobody may approve or review their own request."),
                            QStringLiteral("1.3"));
    if (previousDecider && actor == *previousDecider)
        throw Error::denied(QCoreApplication::translate("SeparationOfDuties",
                                                        "The same person may not take two consecutive approval steps "
                                                        "of one request."),
                            QStringLiteral("1.3"));
}

void ReportingLine::requireNoCycle(UserId employee, UserId superior, const SeparationOfDuties::SuperiorLookup &superiorOf)
{
    std::optional<UserId> current = superior;
    QSet<UserId> visited;
    while (current) {
        if (*current == employee)
            throw Error::invalid(QStringLiteral("superior"),
                                 QCoreApplication::translate("ReportingLine",
                                                             "superior: this would make a reporting line loop back "
                                                             "to the employee (§2.1)."),
                                 QStringLiteral("2.1"));
        if (visited.contains(*current))
            break;
        visited.insert(*current);
        current = superiorOf(*current);
    }
}

} // namespace bizdesk::domain
