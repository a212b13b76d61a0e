#pragma once

#include "domain/negotiations/Negotiation.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <optional>

namespace bizdesk::domain {

/// The zone of possible agreement on the current estimate (§4.2.3).
struct Zopa
{
    Money low;
    Money high;
};

/// One of our offers that stepped toward theirs (§4.3.3), not cumulative.
struct Concession
{
    qint64 offerId = 0;
    Money amount; ///< the step from our previous offer, always positive
    QString got;
    QDate offeredOn;
    bool nothingInReturn = false;
    bool largerThanPrevious = false;

    QStringList flags() const;
};

/// What the deadlock hint (§4.2.5) looks at.
struct DeadlockHintInput
{
    QList<Offer> offers;        ///< in the order recorded
    QList<QDate> sessionDates;
    QDate today;
    int sessionLimit = 3;       ///< negotiation.deadlock_sessions
    int dayLimit = 14;          ///< negotiation.deadlock_days
};

/// The numbers that guide the team (§4.1.2, §4.2.2, §4.3.3, §4.4): pure computations over the record.
class NegotiationFigures
{
public:
    /// Below the bottom line when we sell, above it when we buy.
    static bool isPastBottomLine(NegotiationDirection direction, const Money &bottomLine, const Money &amount);
    /// Selling: from our bottom line up to the high end of their estimated range, none when that
    /// high end is below our bottom line. Buying: from the low end of their range up to our bottom
    /// line, none when that low end is above it.
    static std::optional<Zopa> zopa(NegotiationDirection direction, const std::optional<Money> &bottomLine,
                                    const std::optional<Estimate> &latestEstimate);
    /// Our offers' steps toward theirs with the give/get flags.
    static QList<Concession> concessions(NegotiationDirection direction, const QList<Offer> &offers);
    /// The latest offer of either side (the agreed amount at consensus).
    static std::optional<Offer> latestOffer(const QList<Offer> &offers);
    static std::optional<Offer> latestOf(const QList<Offer> &offers, OfferSide side);
    /// The gap between the latest offers of both sides (absolute), none until both offered.
    static std::optional<Money> gap(const QList<Offer> &offers);
    /// Their estimated limit: the high end of the range when we sell, the low end when we buy.
    static Money estimatedLimit(NegotiationDirection direction, const Estimate &estimate);
    /// (final − our bottom line) / (their estimated limit − our bottom line), in percent with one
    /// decimal (basis points / 10 rounded), mirrored when buying; none when the zone is empty or zero-width.
    static std::optional<int> capturePermille(NegotiationDirection direction, const Money &bottomLine,
                                              const Estimate &estimate, const Money &final);
    /// final − their estimated limit: how far the estimate was off (positive: they went further
    /// than estimated when we buy, or paid more than estimated when we sell).
    static Money estimateError(NegotiationDirection direction, const Estimate &estimate, const Money &final);
    /// True when the gap between the latest offers has not narrowed for `sessionLimit` sessions
    /// or `dayLimit` days since it last did (or since both sides first offered).
    static bool suggestsDeadlock(const DeadlockHintInput &input);
    /// "12.5%" from a permille figure.
    static QString percentText(int permille);
};

} // namespace bizdesk::domain
