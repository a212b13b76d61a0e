#include "services/printing/DocumentRenderer.h"

#include "domain/Error.h"
#include "storage/OpenDatabaseFiles.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace bizdesk::services {
namespace {

/// One CJK family first: its own Latin letters and digits sit on the baseline of its
/// ideographs. With a Latin face in front (DejaVu, Arial), a line without Chinese ("2026-11-23
/// 14:00", "¥400.00") was laid out on the Latin face's shorter ascent and sat visibly higher than
/// the Chinese in the cell beside it. Latin faces follow only where no CJK face is installed.
/// No shaping: with HarfBuzz shaping, Qt's PDF text layer lost the CJK face's digits (pdftotext
/// read "Tel.       -" for "Tel. 010-12345678"); Chinese and Latin text need no shaping.
QFont documentFont(double pointSize)
{
    const QStringList available = QFontDatabase::families();
    QStringList families;
    for (const char *name : {"Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei",
                             "Microsoft YaHei", "PingFang SC", "DejaVu Sans", "Noto Sans", "Arial"}) {
        if (available.contains(QString::fromLatin1(name)))
            families << QString::fromLatin1(name);
    }
    QFont font;
    if (!families.isEmpty())
        font.setFamilies(families);
    font.setPointSizeF(pointSize);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

/// <img src="NAME"> of the document's images as data: URLs, for standalone HTML files.
QString withInlineImages(const PrintDocument &document)
{
    QString html = document.bodyHtml;
    for (const auto &[name, image] : document.images) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        html.replace(QStringLiteral("src=\"%1\"").arg(name),
                     QStringLiteral("src=\"data:image/png;base64,%1\"").arg(QString::fromLatin1(png.toBase64())));
    }
    return html;
}

QString fullHtml(const PrintDocument &document)
{
    return QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title><style>%2</style></head><body>%3</body></html>")
        .arg(DocumentRenderer::escape(document.title), DocumentRenderer::styleSheet(), withInlineImages(document));
}

} // namespace

QString DocumentRenderer::escape(const QString &text)
{
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return escaped;
}

QString DocumentRenderer::styleSheet()
{
    return QStringLiteral(
        "body { font-size: 10pt; color: #000; }"
        "h1 { font-size: 17pt; font-weight: bold; text-align: center; margin-bottom: 2pt; }"
        "h2 { font-size: 11.5pt; font-weight: bold; margin-top: 12pt; margin-bottom: 4pt; }"
        "p.company { font-size: 13pt; font-weight: bold; text-align: center; margin-bottom: 0; }"
        "p.meta { font-size: 9pt; color: #444; text-align: center; margin-top: 0; }"
        "table.form { border-collapse: collapse; width: 100%; }"
        "table.form td, table.form th { border: 1px solid #333; padding: 5px; vertical-align: top; }"
        "table.form th { background-color: #eef1f5; font-weight: bold; text-align: left; }"
        "td.label { background-color: #f5f6f8; font-weight: bold; width: 18%; }"
        "td.amount, th.amount { text-align: right; }"
        "span.flag { color: #a4262c; font-weight: bold; }"
        "p.note { font-size: 8.5pt; color: #555; }"
        "td.sign { height: 40px; }");
}

QString DocumentRenderer::letterhead(const domain::CompanyProfile &company)
{
    if (company.name.trimmed().isEmpty())
        return {};
    QStringList contact;
    if (!company.address.trimmed().isEmpty())
        contact << escape(company.address.trimmed());
    if (!company.phone.trimmed().isEmpty())
        contact << escape(QCoreApplication::translate("DocumentRenderer", "Tel. %1").arg(company.phone.trimmed()));
    QString html = QStringLiteral("<p class=\"company\">%1</p>").arg(escape(company.name.trimmed()));
    if (!contact.isEmpty())
        html += QStringLiteral("<p class=\"meta\">%1</p>").arg(contact.join(QStringLiteral(" · ")));
    return html;
}

QFont DocumentRenderer::font(double pointSize)
{
    return documentFont(pointSize);
}

void DocumentRenderer::addImages(const PrintDocument &document, QTextDocument &text)
{
    for (const auto &[name, image] : document.images)
        text.addResource(QTextDocument::ImageResource, QUrl(name), image);
}

void DocumentRenderer::render(const PrintDocument &document, QPagedPaintDevice &device, const QDateTime &printedAt)
{
    QTextDocument text;
    text.documentLayout()->setPaintDevice(&device);
    text.setDefaultFont(documentFont(9.5));
    text.setDefaultStyleSheet(styleSheet());
    text.setHtml(QStringLiteral("<html><body>%1</body></html>").arg(document.bodyHtml));
    addImages(document, text);
    text.markContentsDirty(0, text.characterCount());

    const QRectF area = device.pageLayout().paintRectPixels(device.logicalDpiX());
    const double dpi = device.logicalDpiY();
    const double headerHeight = dpi * 0.45;
    const double footerHeight = dpi * 0.4;
    const double bodyHeight = area.height() - headerHeight - footerHeight;
    text.setPageSize(QSizeF(area.width(), bodyHeight));
    const int pages = text.pageCount();
    const QString &company = document.companyName;

    QPainter painter(&device);
    const QFont small = documentFont(7.5);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        painter.setFont(small);
        painter.setPen(QColor(0x44, 0x44, 0x44));
        const QRectF header(0, 0, area.width(), headerHeight * 0.7);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, company);
        painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, document.title);
        painter.drawLine(QPointF(0, headerHeight * 0.75), QPointF(area.width(), headerHeight * 0.75));

        painter.save();
        painter.translate(0, headerHeight - page * bodyHeight);
        const QRectF clip(0, page * bodyHeight, area.width(), bodyHeight);
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        text.documentLayout()->draw(&painter, context);
        painter.restore();

        painter.setFont(small);
        painter.setPen(QColor(0x44, 0x44, 0x44));
        const double footerTop = headerHeight + bodyHeight;
        painter.drawLine(QPointF(0, footerTop + footerHeight * 0.25), QPointF(area.width(), footerTop + footerHeight * 0.25));
        const QRectF footer(0, footerTop + footerHeight * 0.3, area.width(), footerHeight * 0.7);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                         QCoreApplication::translate("DocumentRenderer", "Printed %1")
                             .arg(printedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                         QCoreApplication::translate("DocumentRenderer", "page %1 / %2").arg(page + 1).arg(pages));
    }
    painter.end();
}

void DocumentRenderer::writePdf(const PrintDocument &document, const QString &path, const QDateTime &printedAt)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("out"));
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            throw domain::Error::invalid(QStringLiteral("out"), QCoreApplication::translate("DocumentRenderer", "out: cannot write %1 (%2).")
                                                                    .arg(path, probe.errorString()));
    }
    QPdfWriter writer(path);
    writer.setResolution(300);
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("BizDesk"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), document.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                     QMarginsF(18, 15, 18, 15),
                                     QPageLayout::Millimeter));
    render(document, writer, printedAt);
}

void DocumentRenderer::writeHtml(const PrintDocument &document, const QString &path)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("out"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw domain::Error::invalid(QStringLiteral("out"), QCoreApplication::translate("DocumentRenderer", "out: cannot write %1 (%2).")
                                                                .arg(path, file.errorString()));
    file.write(fullHtml(document).toUtf8());
}

} // namespace bizdesk::services
