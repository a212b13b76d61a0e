#include "services/exchange/SpreadsheetFile.h"

#include "domain/Error.h"
#include "services/exchange/CsvReader.h"
#include "services/exchange/TableExport.h"
#include "services/exchange/XlsxReader.h"
#include "storage/OpenDatabaseFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace bizdesk::services {

ImportTable SpreadsheetFile::read(const QString &path, const QString &encoding)
{
    storage::OpenDatabaseFiles::refuse(path, QStringLiteral("FILE"));
    QFile file(path);
    if (!file.exists())
        throw domain::Error::notFound(QCoreApplication::translate("CustomerImport", "There is no file %1.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throw domain::Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "FILE: %1")
                                                                 .arg(QCoreApplication::translate("CustomerImport", "%1 cannot be read.").arg(path)));
    const QByteArray head = file.peek(4);
    file.close();
    if (head.startsWith("PK\x03\x04") || QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0)
        return XlsxReader().read(path);
    ImportTable table = CsvReader::read(path, encoding);
    // Cells that BizDesk's CSV export protected against formula injection read back as they were.
    for (QStringList &row : table.rows) {
        for (QString &cell : row)
            cell = TableExport::restoreNeutralised(cell);
    }
    return table;
}

} // namespace bizdesk::services
