#include "domain/negotiations/NegotiationFigures.h"

#include <algorithm>
#include <cstdlib>

namespace bizdesk::domain {
namespace {

/// Offers in the order they were made: by date, then as recorded.
QList<Offer> chronological(QList<Offer> offers)
{
    std::stable_sort(offers.begin(), offers.end(), [](const Offer &a, const Offer &b) { return a.offeredOn < b.offeredOn; });
    return offers;
}

} // namespace

QStringList Concession::flags() const
{
    QStringList names;
    if (nothingInReturn)
        names << QStringLiteral("nothing_in_return");
    if (largerThanPrevious)
        names << QStringLiteral("larger_than_previous");
    return names;
}

bool NegotiationFigures::isPastBottomLine(NegotiationDirection direction, const Money &bottomLine, const Money &amount)
{
    return direction == NegotiationDirection::Sell ? amount < bottomLine : amount > bottomLine;
}

std::optional<Zopa> NegotiationFigures::zopa(NegotiationDirection direction, const std::optional<Money> &bottomLine,
                                             const std::optional<Estimate> &latestEstimate)
{
    if (!bottomLine || !latestEstimate)
        return std::nullopt;
    if (direction == NegotiationDirection::Sell) {
        if (latestEstimate->high < *bottomLine)
            return std::nullopt;
        return Zopa{*bottomLine, latestEstimate->high};
    }
    if (latestEstimate->low > *bottomLine)
        return std::nullopt;
    return Zopa{latestEstimate->low, *bottomLine};
}

QList<Concession> NegotiationFigures::concessions(NegotiationDirection direction, const QList<Offer> &offers)
{
    QList<Concession> result;
    std::optional<Money> previousOurs;
    for (const Offer &offer : chronological(offers)) {
        if (offer.side != OfferSide::Ours)
            continue;
        if (previousOurs) {
            // Toward theirs: down when we sell, up when we buy. A step away is no concession.
            const Money step = direction == NegotiationDirection::Sell ? *previousOurs - offer.amount : offer.amount - *previousOurs;
            if (step.minorUnits() > 0) {
                Concession concession;
                concession.offerId = offer.id;
                concession.amount = step;
                concession.got = offer.got;
                concession.offeredOn = offer.offeredOn;
                concession.nothingInReturn = offer.got.trimmed().isEmpty();
                concession.largerThanPrevious = !result.isEmpty() && step > result.last().amount;
                result << concession;
            }
        }
        previousOurs = offer.amount;
    }
    return result;
}

std::optional<Offer> NegotiationFigures::latestOffer(const QList<Offer> &offers)
{
    const QList<Offer> ordered = chronological(offers);
    if (ordered.isEmpty())
        return std::nullopt;
    return ordered.last();
}

std::optional<Offer> NegotiationFigures::latestOf(const QList<Offer> &offers, OfferSide side)
{
    std::optional<Offer> latest;
    for (const Offer &offer : chronological(offers)) {
        if (offer.side == side)
            latest = offer;
    }
    return latest;
}

std::optional<Money> NegotiationFigures::gap(const QList<Offer> &offers)
{
    const auto ours = latestOf(offers, OfferSide::Ours);
    const auto theirs = latestOf(offers, OfferSide::Theirs);
    if (!ours || !theirs)
        return std::nullopt;
    return Money::fromMinor(std::llabs(ours->amount.minorUnits() - theirs->amount.minorUnits()));
}

Money NegotiationFigures::estimatedLimit(NegotiationDirection direction, const Estimate &estimate)
{
    return direction == NegotiationDirection::Sell ? estimate.high : estimate.low;
}

std::optional<int> NegotiationFigures::capturePermille(NegotiationDirection direction, const Money &bottomLine,
                                                       const Estimate &estimate, const Money &final)
{
    const Money limit = estimatedLimit(direction, estimate);
    const bool selling = direction == NegotiationDirection::Sell;
    const std::int64_t zone = selling ? (limit - bottomLine).minorUnits() : (bottomLine - limit).minorUnits();
    if (zone <= 0)
        return std::nullopt;
    const std::int64_t captured = selling ? (final - bottomLine).minorUnits() : (bottomLine - final).minorUnits();
    // Rounded half away from zero to a tenth of a percent.
    const std::int64_t scaled = captured * 1000;
    const std::int64_t rounded = scaled >= 0 ? (scaled + zone / 2) / zone : (scaled - zone / 2) / zone;
    return static_cast<int>(rounded);
}

Money NegotiationFigures::estimateError(NegotiationDirection direction, const Estimate &estimate, const Money &final)
{
    return final - estimatedLimit(direction, estimate);
}

bool NegotiationFigures::suggestsDeadlock(const DeadlockHintInput &input)
{
    std::optional<Money> ours;
    std::optional<Money> theirs;
    std::optional<Money> narrowest;
    QDate lastNarrowed;
    for (const Offer &offer : chronological(input.offers)) {
        (offer.side == OfferSide::Ours ? ours : theirs) = offer.amount;
        if (!ours || !theirs)
            continue;
        const Money gap = Money::fromMinor(std::llabs(ours->minorUnits() - theirs->minorUnits()));
        if (!narrowest || gap < *narrowest) {
            narrowest = gap;
            lastNarrowed = offer.offeredOn;
        }
    }
    if (!lastNarrowed.isValid() || narrowest->isZero())
        return false;
    const auto sessionsSince = std::count_if(input.sessionDates.begin(), input.sessionDates.end(),
                                             [&](const QDate &date) { return date > lastNarrowed; });
    return sessionsSince >= input.sessionLimit || lastNarrowed.daysTo(input.today) >= input.dayLimit;
}

QString NegotiationFigures::percentText(int permille)
{
    const int whole = std::abs(permille) / 10;
    const int tenth = std::abs(permille) % 10;
    return QStringLiteral("%1%2.%3%").arg(permille < 0 ? QStringLiteral("-") : QString()).arg(whole).arg(tenth);
}

} // namespace bizdesk::domain
