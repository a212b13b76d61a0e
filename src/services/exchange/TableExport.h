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
};

} // namespace bizdesk::services
