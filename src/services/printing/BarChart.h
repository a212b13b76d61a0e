#pragma once

#include <QImage>
#include <QList>
#include <QString>

namespace bizdesk::services {

/// A horizontal bar chart drawn with QPainter into an image (no Qt Widgets or Charts, so the
/// CLI renders it without a display): one row per item with a limit bar (e.g. the budget) and a
/// value bar (e.g. what was used) on one scale; a value above its limit is drawn in red.
class BarChart
{
public:
    struct Row
    {
        QString label;
        double limit = 0;
        double value = 0;
        QString caption; ///< printed right of the bars, e.g. "¥1,200.00 / ¥5,000.00"
    };

    QString title;
    QString limitLegend;
    QString valueLegend;
    QList<Row> rows;

    /// The chart `widthPoints` wide (1/72 inch) at `dpi` dots per inch; its height follows the rows.
    QImage render(double widthPoints, double dpi) const;
};

} // namespace bizdesk::services
