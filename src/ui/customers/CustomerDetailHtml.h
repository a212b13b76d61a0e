#pragma once

#include "services/customers/CustomerService.h"

#include <QString>

namespace bizdesk::ui {

/// The customer detail pane as rich text: header, archive fields, contact persons, contact log
/// with complaints, events and stage history (§3.2.1–3).
class CustomerDetailHtml
{
public:
    static QString render(const services::CustomerDetails &details);
};

} // namespace bizdesk::ui
