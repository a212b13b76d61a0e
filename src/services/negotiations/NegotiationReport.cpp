#include "services/negotiations/NegotiationReport.h"

#include "services/negotiations/NegotiationService.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace bizdesk::services {
namespace {

QString e(const QString &text)
{
    return DocumentRenderer::escape(text);
}

QString yuan(const domain::Money &amount)
{
    return QStringLiteral("¥%1").arg(amount.toGroupedString());
}

/// A bordered table in the shared stylesheet.
QString formTable()
{
    return QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
}

/// The letterhead, the title and a line under it, as every negotiation document starts.
PrintDocument headed(const QString &title, const QString &meta, const domain::CompanyProfile &company)
{
    PrintDocument document;
    document.title = title;
    document.companyName = company.name.trimmed();
    document.bodyHtml = DocumentRenderer::letterhead(company) + QStringLiteral("<h1>%1</h1><p class=\"meta\">%2</p>").arg(e(title), e(meta));
    return document;
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>").arg(e(label), value);
}

} // namespace

QImage NegotiationReport::offersChart(const NegotiationDetail &d, QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(DocumentRenderer::font(9));
    const QRectF plot(70, 20, size.width() - 90, size.height() - 60);
    // Value range over everything the chart shows.
    QList<std::int64_t> values;
    for (const domain::Offer &offer : d.offers)
        values << offer.amount.minorUnits();
    const domain::Negotiation &n = d.negotiation;
    if (n.target)
        values << n.target->minorUnits();
    if (n.bottomLine)
        values << n.bottomLine->minorUnits();
    if (d.zopa)
        values << d.zopa->low.minorUnits() << d.zopa->high.minorUnits();
    painter.setPen(QColor(0x88, 0x88, 0x88));
    painter.drawRect(plot);
    if (values.isEmpty()) {
        painter.drawText(plot, Qt::AlignCenter, QCoreApplication::translate("NegotiationReport", "No offers yet"));
        return image;
    }
    std::int64_t low = *std::min_element(values.begin(), values.end());
    std::int64_t high = *std::max_element(values.begin(), values.end());
    const std::int64_t margin = std::max<std::int64_t>((high - low) / 10, 100);
    low -= margin;
    high += margin;
    const auto y = [&](std::int64_t minor) {
        return plot.bottom() - (static_cast<double>(minor - low) / static_cast<double>(high - low)) * plot.height();
    };
    const int count = std::max<int>(static_cast<int>(d.offers.size()), 1);
    const auto x = [&](int index) { return plot.left() + (index + 0.5) * plot.width() / count; };
    if (d.zopa) {
        const QRectF band(plot.left(), y(d.zopa->high.minorUnits()), plot.width(), y(d.zopa->low.minorUnits()) - y(d.zopa->high.minorUnits()));
        painter.fillRect(band, QColor(0x4c, 0xaf, 0x50, 50));
        painter.setPen(QColor(0x2e, 0x7d, 0x32));
        painter.drawText(QPointF(plot.left() + 4, band.top() + 12), QCoreApplication::translate("NegotiationReport", "Zone of agreement"));
    }
    const auto line = [&](const std::optional<domain::Money> &amount, const QColor &color, const QString &label) {
        if (!amount)
            return;
        painter.setPen(QPen(color, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(plot.left(), y(amount->minorUnits())), QPointF(plot.right(), y(amount->minorUnits())));
        painter.drawText(QPointF(plot.right() - 160, y(amount->minorUnits()) - 4), label);
    };
    line(n.target, QColor(0x15, 0x65, 0xc0), QCoreApplication::translate("NegotiationReport", "Our target"));
    line(n.bottomLine, QColor(0xc6, 0x28, 0x28), QCoreApplication::translate("NegotiationReport", "Bottom line"));
    // Each side's offers as a line of points: the two lines converge when the gap narrows.
    for (const domain::OfferSide side : {domain::OfferSide::Ours, domain::OfferSide::Theirs}) {
        const QColor color = side == domain::OfferSide::Ours ? QColor(0x15, 0x65, 0xc0) : QColor(0xef, 0x6c, 0x00);
        painter.setPen(QPen(color, 2));
        painter.setBrush(color);
        QPainterPath path;
        bool first = true;
        for (int i = 0; i < d.offers.size(); ++i) {
            if (d.offers[i].side != side)
                continue;
            const QPointF point(x(i), y(d.offers[i].amount.minorUnits()));
            if (first)
                path.moveTo(point);
            else
                path.lineTo(point);
            first = false;
            painter.drawEllipse(point, 3.5, 3.5);
        }
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    painter.setPen(Qt::black);
    painter.drawText(QRectF(0, plot.top() - 6, plot.left() - 6, 14), Qt::AlignRight, QString::number(high / 100));
    painter.drawText(QRectF(0, plot.bottom() - 8, plot.left() - 6, 14), Qt::AlignRight, QString::number(low / 100));
    painter.setPen(QColor(0x15, 0x65, 0xc0));
    painter.drawText(QPointF(plot.left(), size.height() - 18), QCoreApplication::translate("NegotiationReport", "● Our offers"));
    painter.setPen(QColor(0xef, 0x6c, 0x00));
    painter.drawText(QPointF(plot.left() + 140, size.height() - 18), QCoreApplication::translate("NegotiationReport", "● Their offers"));
    return image;
}

PrintDocument NegotiationReport::summary(const NegotiationDetail &d, const domain::CompanyProfile &company)
{
    const domain::Negotiation &n = d.negotiation;
    PrintDocument document = headed(QCoreApplication::translate("NegotiationReport", "Negotiation Summary Report"),
                                    QCoreApplication::translate("NegotiationReport", "Negotiation #%1 · %2 · %3")
                                        .arg(n.id)
                                        .arg(n.title, domain::negotiationStages().display(n.stage)),
                                    company);
    QString html = document.bodyHtml;
    html += formTable();
    html += row(QCoreApplication::translate("NegotiationReport", "Customer"), e(n.customerName));
    html += row(QCoreApplication::translate("NegotiationReport", "Team lead"), e(d.leadName));
    html += row(QCoreApplication::translate("NegotiationReport", "Planned end"), e(n.plannedEnd.toString(Qt::ISODate)));
    if (d.agreedAmount)
        html += row(QCoreApplication::translate("NegotiationReport", "Agreed amount (latest offer)"), e(yuan(*d.agreedAmount)));
    if (d.confidential) {
        if (n.bottomLine)
            html += row(QCoreApplication::translate("NegotiationReport", "Our bottom line"), e(yuan(*n.bottomLine)));
        if (d.zopa)
            html += row(QCoreApplication::translate("NegotiationReport", "Zone of agreement"),
                        e(QStringLiteral("%1 – %2").arg(yuan(d.zopa->low), yuan(d.zopa->high))));
        if (d.capturePermille)
            html += row(QCoreApplication::translate("NegotiationReport", "Zone captured"), e(domain::NegotiationFigures::percentText(*d.capturePermille)));
        if (d.estimateError)
            html += row(QCoreApplication::translate("NegotiationReport", "Estimate error"), e(yuan(*d.estimateError)));
    }
    html += QStringLiteral("</table>");
    for (const domain::SummarySection section : domain::summarySections().all())
        html += QStringLiteral("<h2>%1</h2><p>%2</p>")
                    .arg(e(domain::summarySections().display(section)),
                         e(d.summaryDraft.value(section).isEmpty() ? QStringLiteral("—") : d.summaryDraft.value(section)));
    html += QStringLiteral("<h2>%1</h2>").arg(e(QCoreApplication::translate("NegotiationReport", "Offers")));
    html += QStringLiteral("<p><img src=\"offers\" width=\"600\" height=\"280\"></p>");
    document.images.append({QStringLiteral("offers"), offersChart(d)});
    html += QStringLiteral("%5<tr><th>%1</th><th>%2</th><th class=\"amount\">%3</th><th>%4</th></tr>")
                .arg(e(QCoreApplication::translate("NegotiationReport", "Date")), e(QCoreApplication::translate("NegotiationReport", "Side")),
                     e(QCoreApplication::translate("NegotiationReport", "Amount")),
                     e(QCoreApplication::translate("NegotiationReport", "In return")), formTable());
    for (const domain::Offer &offer : d.offers)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"amount\">%3</td><td>%4</td></tr>")
                    .arg(e(offer.offeredOn.toString(Qt::ISODate)), e(domain::offerSides().display(offer.side)), e(yuan(offer.amount)), e(offer.got));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h2>%1</h2>").arg(e(QCoreApplication::translate("NegotiationReport", "Agreed terms"))) + formTable();
    for (const domain::TermPosition &term : d.terms) {
        if (term.agreed)
            html += row(domain::negotiationTerms().display(term.term), e(term.ours.isEmpty() ? term.theirs : term.ours));
    }
    html += QStringLiteral("</table>");
    document.bodyHtml = html;
    return document;
}

PrintDocument NegotiationReport::memorandum(const NegotiationDetail &d, const domain::CompanyProfile &company)
{
    const domain::Negotiation &n = d.negotiation;
    PrintDocument document = headed(QCoreApplication::translate("NegotiationReport", "Memorandum of Understanding"),
                                    QCoreApplication::translate("NegotiationReport", "Negotiation #%1 · %2").arg(n.id).arg(n.title), company);
    QString html = document.bodyHtml;
    html += formTable();
    html += row(QCoreApplication::translate("NegotiationReport", "Party A"), e(company.name.trimmed()));
    html += row(QCoreApplication::translate("NegotiationReport", "Party B"), e(n.customerName));
    if (d.agreedAmount)
        html += row(QCoreApplication::translate("NegotiationReport", "Agreed amount"),
                    e(QStringLiteral("%1（%2）").arg(yuan(*d.agreedAmount), d.agreedAmount->toChineseCapitals())));
    for (const domain::TermPosition &term : d.terms) {
        if (term.agreed)
            html += row(domain::negotiationTerms().display(term.term), e(term.ours.isEmpty() ? term.theirs : term.ours));
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(e(QCoreApplication::translate("NegotiationReport", "Both parties intend to sign a contract on these terms; "
                                                                        "this memorandum is not the contract itself.")));
    html += formTable();
    html += QStringLiteral("<tr><th>%1</th><th>%2</th></tr><tr><td class=\"sign\"></td><td class=\"sign\"></td></tr></table>")
                .arg(e(QCoreApplication::translate("NegotiationReport", "For Party A (signature, date)")),
                     e(QCoreApplication::translate("NegotiationReport", "For Party B (signature, date)")));
    document.bodyHtml = html;
    return document;
}

} // namespace bizdesk::services
