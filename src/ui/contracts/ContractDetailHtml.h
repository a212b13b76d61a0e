#pragma once

#include <QString>

namespace bizdesk::services {
struct ContractDetail;
}

namespace bizdesk::ui {

/// The detail pane's text: header, clauses (with what changed since the returned revision),
/// the route with the steps ahead greyed, review comments, milestones, receivables and payments,
/// change agreements and the timeline. Every value is escaped.
class ContractDetailHtml
{
public:
    static QString render(const services::ContractDetail &detail);
};

} // namespace bizdesk::ui
