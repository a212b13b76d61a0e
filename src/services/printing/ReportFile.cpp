#include "services/printing/ReportFile.h"

#include "domain/Error.h"

#include <QCoreApplication>

namespace bizdesk::services {

void ReportFile::write(const QString &path, const std::function<PrintDocument()> &document,
                       const std::function<ExportTable()> &table, const QDateTime &printedAt)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".pdf")))
        DocumentRenderer::writePdf(document(), path, printedAt);
    else if (lower.endsWith(QLatin1String(".html")) || lower.endsWith(QLatin1String(".htm")))
        DocumentRenderer::writeHtml(document(), path);
    else if (lower.endsWith(QLatin1String(".xlsx")) || lower.endsWith(QLatin1String(".csv")))
        TableExport::write(table(), path);
    else
        throw domain::Error::invalid(QStringLiteral("out"), QCoreApplication::translate("ExpenseReport",
                                                                                        "out: write the report as .pdf, .html, "
                                                                                        ".xlsx or .csv."));
}

} // namespace bizdesk::services
