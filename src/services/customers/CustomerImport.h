#pragma once

#include "services/exchange/ImportTable.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>

namespace bizdesk::domain {
class Error;
}

namespace bizdesk::services {

class Session;

struct ImportReport
{
    int total = 0;
    int imported = 0; ///< new customers (with dry-run: how many would be imported)
    int updated = 0;  ///< with update: existing customers matched by code or name and brought in line with the file
    int unchanged = 0; ///< of `updated`, those that already matched the file (nothing written for them)
    bool dryRun = false;
    QList<ImportRejection> rejected;
    QStringList ignoredColumns; ///< headers of columns that are not imported
};

/// A value of an enumerated column (class, channel, stage) that names no known value.
struct UnknownValue
{
    QString field;
    QString value;
    int rows = 0;
    int firstLine = 0;
};

/// What to import and how: the column mapping, values mapped in the preview, and the mode.
struct ImportPlan
{
    QStringList mapping; ///< one field key per column ("" = ignored)
    /// field → value as written in the file → accepted value name; applies to every row with that value.
    std::map<QString, std::map<QString, QString>> values;
    bool dryRun = false;
    /// Customers matched by external code (else exact name) are updated instead of refused as duplicates.
    bool update = false;
};

/// Maps the columns of a customer list (read by the general readers in services/exchange) to
/// customer fields and imports it through the same validation as the add form, in one transaction,
/// inserting through CustomerInsertion. Nothing is silently dropped: columns not imported are
/// listed, and a value in a recognised column that cannot be used rejects its line.
class CustomerImport
{
public:
    /// Field keys a column can map to ("" = ignored).
    static const QStringList &fields();
    static QString fieldLabel(const QString &field);
    /// Recognises zh_CN, zh_TW and English header titles, those of common Chinese CRMs and Excel
    /// templates included; "" for unknown columns.
    static QString fieldForHeader(const QString &header);
    static QStringList guessMapping(const QStringList &headers);
    /// The headers of the columns `mapping` leaves out (empty headers are named by column number).
    static QStringList ignoredColumns(const ImportTable &table, const QStringList &mapping);
    /// Fields whose values must name a known value (class, channel, stage).
    static bool isEnumerated(const QString &field);
    /// The accepted values of an enumerated field: {name, translated label}.
    static QList<std::pair<QString, QString>> choices(const QString &field);
    /// The values of enumerated columns that name nothing known, with how many rows carry them.
    static QList<UnknownValue> unknownValues(const ImportTable &table, const ImportPlan &plan);
    /// The error with the field named by its translated label (客户名称), as import messages say it.
    static QString describe(const domain::Error &error);

    /// The file as SpreadsheetFile::read gives it (CSV or .xlsx; `encoding` "auto", "utf-8" or "gb18030").
    static ImportTable read(const QString &path, const QString &encoding = QStringLiteral("auto"));

    /// Return false to cancel: nothing is written then and Error::conflict("cancelled") escapes.
    using Progress = std::function<bool(int done, int total)>;

    explicit CustomerImport(Session &session) : m_session(session) {}
    /// Imports valid rows, reports rejected ones by line (with the lines the reader already
    /// rejected); with `plan.dryRun` nothing is written.
    ImportReport run(const ImportTable &table, const ImportPlan &plan, const Progress &progress = {});
    ImportReport run(const ImportTable &table, const QStringList &mapping, bool dryRun, const Progress &progress = {});

private:
    Session &m_session;
};

} // namespace bizdesk::services
