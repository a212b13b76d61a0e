#pragma once

#include "domain/entertainment/Expense.h"

#include <QTimeZone>

namespace bizdesk::testing {

/// A valid 商務應酬申請表 for a banquet on 2026-11-20 (after the fixtures' clock), for tests and the bench.
inline domain::ExpenseForm sampleExpenseForm(const QString &estimate = QStringLiteral("800"))
{
    domain::ExpenseForm form;
    form.category = QStringLiteral("banquet");
    form.reason = QStringLiteral("客户答谢");
    form.eventAt = QDateTime(QDate(2026, 11, 20), QTime(11, 0), QTimeZone::utc());
    form.place = QStringLiteral("北京饭店");
    form.participants = QStringLiteral("王小明, 客户张总");
    form.headcount = 3;
    form.estimate = estimate;
    return form;
}

} // namespace bizdesk::testing
