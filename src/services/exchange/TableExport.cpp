#include "services/exchange/TableExport.h"

#include "domain/Error.h"
#include "domain/Money.h"
#include "storage/OpenDatabaseFiles.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <xlsxwriter.h>

namespace bizdesk::services {
namespace {

using domain::Error;

bool startsLikeFormula(QStringView text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
    // Full-width forms, which Chinese input methods type and some spreadsheets also accept.
    case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20:
        return true;
    default:
        return false;
    }
}

QString cellText(const ExportTable::Column &column, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (column.kind) {
    case ExportTable::ColumnKind::Money: return domain::Money::fromMinor(value.toLongLong()).toDecimalString();
    case ExportTable::ColumnKind::Date: return value.toDate().toString(Qt::ISODate);
    case ExportTable::ColumnKind::DateTime:
        return value.toDateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ExportTable::ColumnKind::Integer: return QString::number(value.toLongLong());
    case ExportTable::ColumnKind::Text: break;
    }
    return TableExport::neutraliseFormula(value.toString());
}


Error cannotWrite(const QString &path, const QString &why)
{
    return Error::invalid(QStringLiteral("FILE"),
                          QCoreApplication::translate("TableExport", "Cannot write %1: %2").arg(path, why));
}

} // namespace

QString TableExport::neutraliseFormula(const QString &text)
{
    return startsLikeFormula(text) ? QLatin1Char('\'') + text : text;
}

QString TableExport::restoreNeutralised(const QString &text)
{
    if (text.startsWith(QLatin1Char('\'')) && startsLikeFormula(QStringView(text).mid(1)))
        return text.mid(1);
    return text;
}

QString TableExport::csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void TableExport::write(const ExportTable &table, const QString &path)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        writeCsv(table, path);
    else if (suffix == QLatin1String("xlsx"))
        writeXlsx(table, path);
    else
        throw Error::invalid(QStringLiteral("FILE"),
                             QCoreApplication::translate("TableExport", "FILE: \"%1\" must end in .csv or .xlsx.").arg(path));
}

void TableExport::writeCsv(const ExportTable &table, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw cannotWrite(path, file.errorString());
    QString text = QString(QChar(0xFEFF));
    QStringList header;
    for (const auto &column : table.columns)
        header << csvField(column.title);
    text += header.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (const auto &row : table.rows) {
        QStringList fields;
        for (int i = 0; i < table.columns.size(); ++i)
            fields << csvField(cellText(table.columns.at(i), row.value(i)));
        text += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    file.write(text.toUtf8());
    if (!file.commit())
        throw cannotWrite(path, file.errorString());
}

void TableExport::writeXlsx(const ExportTable &table, const QString &path)
{
    const QString temporary = path + QStringLiteral(".part");
    lxw_workbook *workbook = workbook_new(temporary.toUtf8().constData());
    if (!workbook)
        throw cannotWrite(path, QCoreApplication::translate("TableExport", "the folder is not writable"));
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, table.sheetName.left(31).toUtf8().constData());
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *dateTime = workbook_add_format(workbook);
    format_set_num_format(dateTime, "yyyy-mm-dd hh:mm");

    for (int column = 0; column < table.columns.size(); ++column) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), table.columns.at(column).title.toUtf8().constData(), bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column),
                             table.columns.at(column).kind == ExportTable::ColumnKind::Text ? 24 : 14, nullptr);
    }
    lxw_row_t rowIndex = 1;
    for (const auto &row : table.rows) {
        for (int column = 0; column < table.columns.size(); ++column) {
            const QVariant value = row.value(column);
            const auto col = static_cast<lxw_col_t>(column);
            if (!value.isValid() || value.isNull())
                continue;
            switch (table.columns.at(column).kind) {
            case ExportTable::ColumnKind::Money:
                worksheet_write_number(sheet, rowIndex, col, static_cast<double>(value.toLongLong()) / 100.0, money);
                break;
            case ExportTable::ColumnKind::Integer:
                worksheet_write_number(sheet, rowIndex, col, static_cast<double>(value.toLongLong()), nullptr);
                break;
            case ExportTable::ColumnKind::Date: {
                const QDate d = value.toDate();
                lxw_datetime when{d.year(), d.month(), d.day(), 0, 0, 0};
                worksheet_write_datetime(sheet, rowIndex, col, &when, date);
                break;
            }
            case ExportTable::ColumnKind::DateTime: {
                const QDateTime local = value.toDateTime().toLocalTime();
                lxw_datetime when{local.date().year(), local.date().month(), local.date().day(),
                                  local.time().hour(), local.time().minute(), 0};
                worksheet_write_datetime(sheet, rowIndex, col, &when, dateTime);
                break;
            }
            case ExportTable::ColumnKind::Text:
                worksheet_write_string(sheet, rowIndex, col, value.toString().toUtf8().constData(), nullptr);
                break;
            }
        }
        ++rowIndex;
    }
    const lxw_error result = workbook_close(workbook);
    if (result != LXW_NO_ERROR) {
        QFile::remove(temporary);
        throw cannotWrite(path, QString::fromUtf8(lxw_strerror(result)));
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        throw cannotWrite(path, QCoreApplication::translate("TableExport", "could not replace the file"));
}

} // namespace bizdesk::services
