#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bizdesk::services {

class Session;

/// A spreadsheet read into memory: header row, data rows and the file line each row starts on.
struct ImportTable
{
    QString encoding; ///< "utf-8", "gb18030" or "xlsx"
    QStringList headers;
    QList<QStringList> rows;
    QList<int> lines; ///< 1-based line (CSV) or row number (xlsx) of each data row
};

struct ImportRejection
{
    int line = 0;
    QString error;
};

struct ImportReport
{
    int total = 0;
    int imported = 0; ///< with dry-run: how many would be imported
    bool dryRun = false;
    QList<ImportRejection> rejected;
};

/// Reads customer lists as Excel writes them (CSV in GB18030 or UTF-8 with BOM, .xlsx) and
/// imports them through the same validation as the add form, in one transaction.
class CustomerImport
{
public:
    /// Field keys a column can map to ("" = ignored).
    static const QStringList &fields();
    static QString fieldLabel(const QString &field);
    /// Recognises zh_CN, zh_TW and English header titles; "" for unknown columns.
    static QString fieldForHeader(const QString &header);
    static QStringList guessMapping(const QStringList &headers);

    /// `encoding`: "auto", "utf-8" or "gb18030". Throws invalid naming the file / line for
    /// anything that is not a readable CSV or xlsx.
    static ImportTable read(const QString &path, const QString &encoding = QStringLiteral("auto"));
    static ImportTable parseCsv(const QByteArray &bytes, const QString &encoding = QStringLiteral("auto"));
    static ImportTable readXlsx(const QString &path);

    /// Return false to cancel: nothing is written then and Error::conflict("cancelled") escapes.
    using Progress = std::function<bool(int done, int total)>;

    explicit CustomerImport(Session &session) : m_session(session) {}
    /// Imports valid rows, reports rejected ones by line; with `dryRun` nothing is written.
    ImportReport run(const ImportTable &table, const QStringList &mapping, bool dryRun, const Progress &progress = {});

private:
    Session &m_session;
};

} // namespace bizdesk::services
