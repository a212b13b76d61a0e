#pragma once

#include "services/exchange/ImportTable.h"

#include <QString>

namespace bizdesk::services {

/// Opens a file for import by what it is: an .xlsx workbook (zip signature or extension) or CSV.
class SpreadsheetFile
{
public:
    /// `encoding` ("auto", "utf-8", "gb18030") applies to CSV. Throws not_found for a missing
    /// file, invalid naming the file / line for anything that is not a readable CSV or xlsx.
    static ImportTable read(const QString &path, const QString &encoding = QStringLiteral("auto"));
};

} // namespace bizdesk::services
