#pragma once

#include "services/exchange/TableExport.h"
#include "services/printing/DocumentRenderer.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace bizdesk::services {

/// Writes a report to the file the user named, by its extension: .pdf and .html from the printed
/// document, .xlsx and .csv from the table. Only the form asked for is built.
class ReportFile
{
public:
    /// Throws invalid("out") for any other extension.
    static void write(const QString &path, const std::function<PrintDocument()> &document,
                      const std::function<ExportTable()> &table, const QDateTime &printedAt);
};

} // namespace bizdesk::services
