#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace bizdesk::services {

/// A rectangular table to hand to spreadsheets: column titles and kinds, rows of values.
struct ExportTable
{
    enum class ColumnKind { Text, Integer, Money, Date, DateTime };
    struct Column
    {
        QString title;
        ColumnKind kind = ColumnKind::Text;
    };

    QString sheetName = QStringLiteral("BizDesk");
    QList<Column> columns;
    /// Text: QString; Integer: qint64; Money: qint64 minor units; Date: QDate; DateTime: QDateTime (UTC).
    QList<QList<QVariant>> rows;
};

/// Writes an ExportTable as CSV (UTF-8 with BOM, CRLF, so Excel on Chinese Windows opens it
/// correctly) or as .xlsx (libxlsxwriter), chosen by the file extension.
class TableExport
{
public:
    /// Throws Error::invalid("FILE") for an unknown extension or an unwritable path.
    static void write(const ExportTable &table, const QString &path);
    static void writeCsv(const ExportTable &table, const QString &path);
    static void writeXlsx(const ExportTable &table, const QString &path);
    /// One CSV field, quoted when it holds a comma, quote, CR or LF.
    static QString csvField(const QString &value);
    /// OWASP "CSV injection": a text cell that a spreadsheet would run as a formula (it begins with
    /// = + - @, tab or CR, or their full-width forms) gets a leading single quote. Numbers,
    /// amounts and dates are written by BizDesk itself and stay numbers (a negative amount is
    /// still -12.50), so only Text columns pass through here.
    static QString neutraliseFormula(const QString &text);
    /// The reverse for imports: drops the quote neutraliseFormula() added, so an exported file
    /// imports back to the same values.
    static QString restoreNeutralised(const QString &text);
};

} // namespace bizdesk::services
