#pragma once

#include "services/negotiations/NegotiationService.h"

#include <QDate>

namespace bizdesk::testing {

/// An offer of `side` ("ours"/"theirs") on 2026-11-`day`, with what we got in return.
inline services::OfferInput sampleOffer(const QString &side, const QString &amount, int day, const QString &got = {})
{
    services::OfferInput input;
    input.side = side;
    input.amount = amount;
    input.date = QDate(2026, 11, day);
    input.got = got;
    return input;
}

} // namespace bizdesk::testing
