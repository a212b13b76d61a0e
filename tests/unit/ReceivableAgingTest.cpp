#include "domain/Error.h"
#include "domain/contracts/ReceivableAging.h"

#include <gtest/gtest.h>

using namespace bizdesk::domain;

TEST(ReceivableAging, every_due_date_in_a_bands_range_ages_into_that_band)
{
    const QDate today(2026, 11, 2);
    for (int daysLate = -40; daysLate <= 400; ++daysLate) {
        const QDate due = today.addDays(-daysLate);
        int containing = 0;
        for (const AgingBand band : ReceivableAging::bands()) {
            if (ReceivableAging::dueRange(band, today).contains(due)) {
                ++containing;
                EXPECT_EQ(ReceivableRules::aging(due, today), band) << daysLate;
            }
        }
        EXPECT_EQ(containing, 1) << "exactly one band holds a debt " << daysLate << " days late";
    }
    // The edges the view names: 30 days late is still 0–30, 31 is 31–90, 91 is >90.
    EXPECT_TRUE(ReceivableAging::dueRange(AgingBand::Days0To30, today).contains(today.addDays(-30)));
    EXPECT_TRUE(ReceivableAging::dueRange(AgingBand::Days31To90, today).contains(today.addDays(-31)));
    EXPECT_TRUE(ReceivableAging::dueRange(AgingBand::Over90, today).contains(today.addDays(-91)));
    EXPECT_TRUE(ReceivableAging::dueRange(AgingBand::Current, today).contains(today));
}

TEST(ContractCny, converts_a_part_at_the_contracts_own_rate_and_rounds_to_the_fen)
{
    const Money amount = Money::fromMinor(1000000, QStringLiteral("USD"));   // 10,000.00 USD
    const Money amountCny = Money::fromMinor(7123456);                      // 71,234.56 CNY
    EXPECT_EQ(ContractCny::of(Money::fromMinor(333333, QStringLiteral("USD")), amount, amountCny).minorUnits(), 2374483)
        << "3,333.33 × 7.123456 = 23,744.8296 → 23,744.83";
    EXPECT_EQ(ContractCny::of(amount, amount, amountCny), amountCny) << "the whole amount is exactly the CNY amount";
    EXPECT_EQ(ContractCny::of(Money::fromMinor(500), Money::fromMinor(1000), Money::fromMinor(1000)).minorUnits(), 500)
        << "CNY stays as it is";
    // A large contract does not overflow in between: 9·10^13 fen × 7 / 10^13.
    const Money big = Money::fromMinor(10000000000000LL, QStringLiteral("USD"));
    EXPECT_EQ(ContractCny::of(Money::fromMinor(9000000000000LL, QStringLiteral("USD")), big, Money::fromMinor(70000000000000LL)).minorUnits(),
              63000000000000LL);
    EXPECT_THROW(ContractCny::of(Money::fromMinor(1, QStringLiteral("EUR")), amount, amountCny), Error);
}
