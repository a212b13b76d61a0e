#pragma once

#include <QString>

namespace bizdesk::services {
struct NegotiationDetail;
}

namespace bizdesk::ui {

/// The detail pane's sections as HTML: preparation (with the checklist and, for the team, the
/// confidential figures), team, strategy, sessions, the offers timeline with concession flags,
/// terms, deadlocks, history and the summary. Every user value is escaped.
class NegotiationDetailHtml
{
public:
    static QString render(const services::NegotiationDetail &detail);
};

} // namespace bizdesk::ui
