#pragma once

#include "domain/company/CompanyProfile.h"

#include <QDateTime>
#include <QFont>
#include <QImage>
#include <QList>
#include <QString>

#include <utility>

class QPagedPaintDevice;
class QTextDocument;

namespace bizdesk::services {

/// A printable document: a title and an HTML body built from escaped user text.
struct PrintDocument
{
    QString title;
    QString bodyHtml;   ///< build with DocumentRenderer::escape() around every user value
    QString companyName; ///< page header, from the company profile; empty: the title alone
    bool landscape = false; ///< wide tables (ledgers) print across the page
    /// Pictures the body shows with <img src="NAME">, e.g. a chart drawn with QPainter.
    QList<std::pair<QString, QImage>> images{};
};

/// Lays out HTML with a small stylesheet in a QTextDocument on A4 pages with a header (company
/// name, title) and a footer ("page x / y", print time) — for PDF files, print preview and paper.
class DocumentRenderer
{
public:
    /// HTML-escapes user text; line breaks become <br>.
    static QString escape(const QString &text);
    /// The shared stylesheet (tables with borders, headings, signature rows).
    static QString styleSheet();
    /// The company's letterhead for the top of a document: its name (and address and phone when
    /// set) from the company profile, or nothing when the profile has no name yet.
    static QString letterhead(const domain::CompanyProfile &company);
    /// The document face at `pointSize`: one CJK family whose Latin letters and digits share the
    /// baseline of the Chinese text.
    static QFont font(double pointSize);
    /// Registers the document's images with `text` (for print, PDF and the GUI's views).
    static void addImages(const PrintDocument &document, QTextDocument &text);

    /// Renders onto any paged device (QPdfWriter, QPrinter).
    static void render(const PrintDocument &document, QPagedPaintDevice &device, const QDateTime &printedAt);
    /// Writes an A4 PDF; throws Error::invalid("out") when the file cannot be written.
    static void writePdf(const PrintDocument &document, const QString &path, const QDateTime &printedAt);
    /// Writes a standalone HTML file (UTF-8) with the same stylesheet.
    static void writeHtml(const PrintDocument &document, const QString &path);
};

} // namespace bizdesk::services
