#pragma once

#include "services/exchange/ImportTable.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bizdesk::services {

class Session;

struct ImportReport
{
    int total = 0;
    int imported = 0; ///< with dry-run: how many would be imported
    bool dryRun = false;
    QList<ImportRejection> rejected;
};

/// Maps the columns of a customer list (read by the general readers in services/exchange) to
/// customer fields and imports it through the same validation as the add form, in one transaction.
class CustomerImport
{
public:
    /// Field keys a column can map to ("" = ignored).
    static const QStringList &fields();
    static QString fieldLabel(const QString &field);
    /// Recognises zh_CN, zh_TW and English header titles; "" for unknown columns.
    static QString fieldForHeader(const QString &header);
    static QStringList guessMapping(const QStringList &headers);

    /// The file as SpreadsheetFile::read gives it (CSV or .xlsx; `encoding` "auto", "utf-8" or "gb18030").
    static ImportTable read(const QString &path, const QString &encoding = QStringLiteral("auto"));

    /// Return false to cancel: nothing is written then and Error::conflict("cancelled") escapes.
    using Progress = std::function<bool(int done, int total)>;

    explicit CustomerImport(Session &session) : m_session(session) {}
    /// Imports valid rows, reports rejected ones by line (with the lines the reader already
    /// rejected); with `dryRun` nothing is written.
    ImportReport run(const ImportTable &table, const QStringList &mapping, bool dryRun, const Progress &progress = {});

private:
    Session &m_session;
};

} // namespace bizdesk::services
