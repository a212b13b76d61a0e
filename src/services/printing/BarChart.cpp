#include "services/printing/BarChart.h"

#include "services/printing/DocumentRenderer.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace bizdesk::services {

QImage BarChart::render(double widthPoints, double dpi) const
{
    const double scale = dpi / 72.0; // pixels per point
    const double rowHeight = 26 * scale;
    const double top = 34 * scale;
    const double legendHeight = 22 * scale;
    const int width = int(widthPoints * scale);
    const int height = int(top + std::max<qsizetype>(1, rows.size()) * rowHeight + legendHeight + 6 * scale);
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    // Point sizes of the fonts below scale with the image's resolution.
    image.setDotsPerMeterX(int(dpi / 0.0254));
    image.setDotsPerMeterY(int(dpi / 0.0254));
    image.fill(Qt::white);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont titleFont = DocumentRenderer::font(10.5);
    titleFont.setBold(true);
    const QFont font = DocumentRenderer::font(8.5);
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(0, 0, width, top * 0.8), Qt::AlignLeft | Qt::AlignVCenter, title);

    painter.setFont(font);
    const QFontMetricsF metrics(font, &image);
    double labelWidth = 0;
    double captionWidth = 0;
    double maximum = 0;
    for (const Row &row : rows) {
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(row.label));
        captionWidth = std::max(captionWidth, metrics.horizontalAdvance(row.caption));
        maximum = std::max({maximum, row.limit, row.value});
    }
    labelWidth = std::min(labelWidth + 8 * scale, width * 0.3);
    captionWidth = std::min(captionWidth + 8 * scale, width * 0.35);
    const double barLeft = labelWidth;
    const double barWidth = std::max(10.0, width - labelWidth - captionWidth);
    const auto length = [&](double amount) { return maximum > 0 ? barWidth * amount / maximum : 0.0; };

    const QColor limitColour(0xc8, 0xd0, 0xdc);
    const QColor valueColour(0x2b, 0x6c, 0xb0);
    const QColor overColour(0xc0, 0x39, 0x2b);
    double y = top;
    for (const Row &row : rows) {
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, y, labelWidth - 6 * scale, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(row.label, Qt::ElideRight, labelWidth - 6 * scale));
        const QRectF limitBar(barLeft, y + rowHeight * 0.15, length(row.limit), rowHeight * 0.32);
        const QRectF valueBar(barLeft, y + rowHeight * 0.5, length(row.value), rowHeight * 0.32);
        painter.fillRect(limitBar, limitColour);
        painter.fillRect(valueBar, row.value > row.limit ? overColour : valueColour);
        painter.setPen(QColor(0x33, 0x33, 0x33));
        painter.drawText(QRectF(barLeft + barWidth + 6 * scale, y, captionWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         row.caption);
        y += rowHeight;
    }
    painter.setPen(QColor(0x88, 0x88, 0x88));
    painter.drawLine(QPointF(barLeft, top), QPointF(barLeft, y));

    // Legend below the bars.
    const double box = 9 * scale;
    double x = barLeft;
    const double legendY = y + (legendHeight - box) / 2;
    for (const auto &[colour, text] : {std::pair{limitColour, limitLegend}, std::pair{valueColour, valueLegend}}) {
        painter.fillRect(QRectF(x, legendY, box, box), colour);
        x += box + 4 * scale;
        painter.setPen(Qt::black);
        const double textWidth = metrics.horizontalAdvance(text) + 2 * scale;
        painter.drawText(QRectF(x, y, textWidth, legendHeight), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += textWidth + 14 * scale;
    }
    painter.end();
    return image;
}

} // namespace bizdesk::services
