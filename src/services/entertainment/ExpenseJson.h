#pragma once

#include "services/entertainment/ExpenseViews.h"

#include <QJsonObject>

namespace bizdesk::services {

/// The JSON of `expense show` and `expense list` (amounts as "1234.50", flags, route, history).
class ExpenseJson
{
public:
    static QJsonObject toJson(const ExpenseDetail &detail);
    static QJsonObject toJson(const domain::ExpenseListRow &row);
    /// The staff taking part as one line of names, in the UI language ("张三、李四").
    static QString staffNames(const ExpenseDetail &detail);
};

} // namespace bizdesk::services
