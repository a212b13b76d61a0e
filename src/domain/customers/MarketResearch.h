#pragma once

#include <QDate>
#include <QString>

namespace bizdesk::domain {

/// §3.1.1 market research: what was found out about the market and the competitors.
struct MarketResearch
{
    qint64 id = 0;
    QString topic;
    QDate date;
    QString findings;
    QString competitors;
};

/// §3.1.2 target segment: the kind of customer worked on purpose, with its strategy.
struct TargetSegment
{
    qint64 id = 0;
    QString name;
    QString traits;
    QString strategy;
    qint64 customers = 0; ///< how many customers the segment holds
};

} // namespace bizdesk::domain
