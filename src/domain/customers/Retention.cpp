#include "domain/customers/Retention.h"

#include <QCoreApplication>

#include <algorithm>

namespace bizdesk::domain {

ChurnAssessment ChurnScore::assess(const ChurnInput &input)
{
    ChurnAssessment result;
    const int interval = std::max(1, input.intervalDays);
    if (input.daysSinceContact > interval) {
        const double ratio = static_cast<double>(input.daysSinceContact) / interval;
        result.score += std::min(40, static_cast<int>(10 + (ratio - 1) * 10));
        result.reasons << QCoreApplication::translate("Customers", "no contact for %1 days, interval %2").arg(input.daysSinceContact).arg(interval);
    }
    if (input.openComplaints > 0) {
        result.score += std::min(30, 15 * input.openComplaints);
        result.reasons << QCoreApplication::translate("Customers", "%n open complaint(s)", nullptr, input.openComplaints);
    }
    if (input.recentComplaints > input.openComplaints) {
        result.score += std::min(10, 5 * (input.recentComplaints - input.openComplaints));
        result.reasons << QCoreApplication::translate("Customers", "%n complaint(s) in the last 90 days", nullptr, input.recentComplaints);
    }
    if (input.contractValuePrevious12 > 0 && input.contractValueLast12 < input.contractValuePrevious12) {
        const int drop = static_cast<int>(100 - input.contractValueLast12 * 100 / input.contractValuePrevious12);
        if (drop >= 20) {
            result.score += std::min(25, drop / 4);
            result.reasons << QCoreApplication::translate("Customers", "contract value down %1% on the previous 12 months").arg(drop);
        }
    }
    if (input.contractsEndingSoonWithoutRenewal > 0) {
        result.score += 15;
        result.reasons << QCoreApplication::translate("Customers", "%n contract(s) ending soon without renewal", nullptr, input.contractsEndingSoonWithoutRenewal);
    }
    if (input.oldestOverdueReceivableDays > 0) {
        result.score += std::min(20, 10 + input.oldestOverdueReceivableDays / 30 * 5);
        result.reasons << QCoreApplication::translate("Customers", "payment overdue for %n day(s)", nullptr, input.oldestOverdueReceivableDays);
    }
    if (Pipeline::isOpen(input.stage) && input.daysInStage > stalledStageDays) {
        result.score += 10;
        result.reasons << QCoreApplication::translate("Customers", "stalled in stage \"%1\" for %2 days").arg(CustomerRules::label(input.stage)).arg(input.daysInStage);
    }
    result.score = std::min(100, result.score);
    return result;
}

QString WinBackRules::name(WinBackResult value)
{
    switch (value) {
    case WinBackResult::WonBack: return QStringLiteral("won_back");
    case WinBackResult::Lost: return QStringLiteral("lost");
    case WinBackResult::Pending: break;
    }
    return QStringLiteral("pending");
}

QString WinBackRules::label(WinBackResult value)
{
    switch (value) {
    case WinBackResult::WonBack: return QCoreApplication::translate("Customers", "Won back");
    case WinBackResult::Lost: return QCoreApplication::translate("Customers", "Lost");
    case WinBackResult::Pending: break;
    }
    return QCoreApplication::translate("Customers", "Pending");
}

WinBackResult WinBackRules::parse(const QString &name)
{
    if (name == QLatin1String("won_back"))
        return WinBackResult::WonBack;
    if (name == QLatin1String("lost"))
        return WinBackResult::Lost;
    return WinBackResult::Pending;
}

double WinBackRules::successRate(const QList<WinBack> &records)
{
    const auto decided = std::count_if(records.begin(), records.end(), [](const WinBack &w) { return w.result != WinBackResult::Pending; });
    const auto won = std::count_if(records.begin(), records.end(), [](const WinBack &w) { return w.result == WinBackResult::WonBack; });
    return decided == 0 ? -1.0 : static_cast<double>(won) / static_cast<double>(decided);
}

} // namespace bizdesk::domain
