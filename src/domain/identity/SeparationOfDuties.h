#pragma once

#include "domain/identity/User.h"

#include <QList>
#include <functional>
#include <optional>

namespace bizdesk::domain {

/// The one place that decides who may take an approval step (§6.3.2, §5.3.1 and the design notes):
/// nobody approves their own request; the same person never takes two consecutive steps of one
/// request; where the designated approver is the requester, the step goes one level up.
class SeparationOfDuties
{
public:
    using SuperiorLookup = std::function<std::optional<UserId>(UserId)>;

    /// The person who should take a step designated for `designated`: that person, or — while the
    /// candidate is the requester or took the previous step — their superior, and so on up the
    /// reporting line. Nothing when the line ends (the caller then routes to a role).
    static std::optional<UserId> resolveApprover(UserId designated, UserId requester,
                                                 std::optional<UserId> previousDecider,
                                                 const SuperiorLookup &superiorOf);

    /// Throws Error::denied when `actor` may not decide a step of a request made by `requester`
    /// whose previous step was decided by `previousDecider`.
    static void requireMayDecide(UserId actor, UserId requester, std::optional<UserId> previousDecider);
};

/// Reporting lines must not loop (§2.1: each employee has one superior).
class ReportingLine
{
public:
    /// Throws Error::invalid("superior") when making `superior` the superior of `employee` would
    /// create a cycle.
    static void requireNoCycle(UserId employee, UserId superior, const SeparationOfDuties::SuperiorLookup &superiorOf);
};

} // namespace bizdesk::domain
