#include "domain/contracts/ReceivableAging.h"

#include "domain/Error.h"

namespace bizdesk::domain {

DueRange ReceivableAging::dueRange(AgingBand band, const QDate &today)
{
    switch (band) {
    case AgingBand::Current: return {today, std::nullopt};
    case AgingBand::Days0To30: return {today.addDays(-30), today.addDays(-1)};
    case AgingBand::Days31To90: return {today.addDays(-90), today.addDays(-31)};
    case AgingBand::Over90: return {std::nullopt, today.addDays(-91)};
    }
    return {};
}

QList<AgingBand> ReceivableAging::bands()
{
    return {AgingBand::Current, AgingBand::Days0To30, AgingBand::Days31To90, AgingBand::Over90};
}

Money ContractCny::of(const Money &part, const Money &contractAmount, const Money &contractAmountCny)
{
    if (part.currency() == Money::defaultCurrency())
        return part;
    if (contractAmount.minorUnits() <= 0 || part.currency() != contractAmount.currency())
        throw Error::internal(QStringLiteral("ContractCny: %1 is not a part of %2").arg(part.currency(), contractAmount.currency()));
    // 128-bit product: a large contract times its CNY amount never overflows in between.
    __extension__ typedef __int128 Wide;
    const Wide product = static_cast<Wide>(part.minorUnits()) * contractAmountCny.minorUnits();
    const Wide divisor = contractAmount.minorUnits();
    const Wide half = divisor / 2;
    const Wide rounded = product >= 0 ? (product + half) / divisor : (product - half) / divisor;
    return Money::fromMinor(static_cast<std::int64_t>(rounded));
}

} // namespace bizdesk::domain
