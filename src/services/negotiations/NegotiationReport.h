#pragma once

#include "domain/company/CompanyProfile.h"
#include "services/printing/DocumentRenderer.h"

#include <QImage>

namespace bizdesk::services {

struct NegotiationDetail;

/// The §4.4.2 summary report and the §4.2.6 memorandum as printable documents. What the reader
/// may not see (bottom line, BATNA, estimates, zone) is left out by NegotiationDetail itself.
class NegotiationReport
{
public:
    static PrintDocument summary(const NegotiationDetail &detail, const domain::CompanyProfile &company);
    /// The memorandum (letter of intent) of a consensus (§4.2.6): the parties, the agreed amount,
    /// the agreed terms and signature lines for both sides.
    static PrintDocument memorandum(const NegotiationDetail &detail, const domain::CompanyProfile &company);
    /// The converging offers over time with target, bottom line and the zone band (confidential
    /// lines only when the detail carries them).
    static QImage offersChart(const NegotiationDetail &detail, QSize size = QSize(900, 420));
};

} // namespace bizdesk::services
