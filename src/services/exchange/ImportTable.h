#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace bizdesk::services {

/// A line of an imported file that was not taken, and why (translated, naming the line).
struct ImportRejection
{
    int line = 0;
    QString error;
};

/// A spreadsheet as the readers hand it to an import: header row, data rows, the file line each
/// row starts on, and the lines the reader itself had to reject (e.g. undecodable text).
struct ImportTable
{
    QString encoding; ///< "utf-8", "gb18030", "utf-16" or "xlsx"
    QStringList headers;
    QList<QStringList> rows;
    QList<int> lines; ///< 1-based line (CSV) or row number (xlsx) of each data row
    QList<ImportRejection> rejected; ///< lines left out by the reader, in file order
};

} // namespace bizdesk::services
