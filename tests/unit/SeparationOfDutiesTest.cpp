#include "domain/Error.h"
#include "domain/identity/SeparationOfDuties.h"

#include <gtest/gtest.h>

#include <map>

using namespace bizdesk::domain;

namespace {

// sales1(3) → manager1(2) → director(1) → executive(0, top); sales3(5) → manager2(4) → director.
class ReportingLines : public ::testing::Test
{
protected:
    std::map<UserId, UserId> superiors{{1, 0}, {2, 1}, {3, 2}, {4, 1}, {5, 4}};
    SeparationOfDuties::SuperiorLookup lookup = [this](UserId id) -> std::optional<UserId> {
        const auto found = superiors.find(id);
        return found == superiors.end() ? std::nullopt : std::optional<UserId>(found->second);
    };
};

} // namespace

TEST_F(ReportingLines, designated_approver_takes_the_step_when_independent)
{
    EXPECT_EQ(SeparationOfDuties::resolveApprover(2, 3, std::nullopt, lookup), std::optional<UserId>(2));
}

TEST_F(ReportingLines, own_request_goes_one_level_up)
{
    // The manager applies; the step designated for the department head (the manager) climbs to the director.
    EXPECT_EQ(SeparationOfDuties::resolveApprover(2, 2, std::nullopt, lookup), std::optional<UserId>(1));
}

TEST_F(ReportingLines, previous_decider_never_takes_the_next_step)
{
    // manager1 decided step 1; step 2 is designated for manager1 again → director.
    EXPECT_EQ(SeparationOfDuties::resolveApprover(2, 3, UserId(2), lookup), std::optional<UserId>(1));
}

TEST_F(ReportingLines, climbs_past_requester_and_previous_decider_together)
{
    // The requester is the designated approver and their superior took the previous step.
    EXPECT_EQ(SeparationOfDuties::resolveApprover(2, 2, UserId(1), lookup), std::optional<UserId>(0));
}

TEST_F(ReportingLines, nobody_left_at_the_top_of_the_line)
{
    EXPECT_EQ(SeparationOfDuties::resolveApprover(0, 0, std::nullopt, lookup), std::nullopt);
}

TEST_F(ReportingLines, a_looping_lookup_cannot_hang)
{
    superiors[1] = 2; // corrupt data: manager1 → director → manager1, both excluded
    EXPECT_EQ(SeparationOfDuties::resolveApprover(2, 2, UserId(1), lookup), std::nullopt);
}

TEST(SeparationOfDuties, nobody_decides_their_own_request)
{
    try {
        SeparationOfDuties::requireMayDecide(7, 7, std::nullopt);
        ADD_FAILURE() << "own request accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Denied);
        EXPECT_EQ(error.clause(), QStringLiteral("1.3"));
    }
}

TEST(SeparationOfDuties, no_two_consecutive_steps_by_one_person)
{
    EXPECT_THROW(SeparationOfDuties::requireMayDecide(8, 7, UserId(8)), Error);
    EXPECT_NO_THROW(SeparationOfDuties::requireMayDecide(9, 7, UserId(8)));
    EXPECT_NO_THROW(SeparationOfDuties::requireMayDecide(9, 7, std::nullopt));
}

TEST_F(ReportingLines, a_superior_cycle_is_refused_naming_the_field_and_clause)
{
    // Making sales1 the superior of the director would loop director → sales1 → manager1 → director.
    try {
        ReportingLine::requireNoCycle(1, 3, lookup);
        ADD_FAILURE() << "cycle accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Invalid);
        EXPECT_EQ(error.field(), QStringLiteral("superior"));
        EXPECT_EQ(error.clause(), QStringLiteral("2.1"));
    }
    EXPECT_THROW(ReportingLine::requireNoCycle(3, 3, lookup), Error); // own superior
}

TEST_F(ReportingLines, a_new_superior_elsewhere_in_the_tree_is_fine)
{
    EXPECT_NO_THROW(ReportingLine::requireNoCycle(3, 4, lookup)); // sales1 moves under manager2
    EXPECT_NO_THROW(ReportingLine::requireNoCycle(5, 0, lookup));
}
