#include "services/exchange/ZipReader.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QFile>

#include <minizip/unzip.h>

namespace bizdesk::services {
namespace {

using domain::Error;

[[noreturn]] void damaged()
{
    throw Error::invalid(QStringLiteral("FILE"),
                         QCoreApplication::translate("CustomerImport",
                                                     "FILE: the workbook is damaged or truncated (not a complete .xlsx file)."));
}

} // namespace

ZipReader::ZipReader(const QString &path)
    : m_handle(unzOpen64(QFile::encodeName(path).constData()))
{
    if (!m_handle)
        damaged();
}

ZipReader::~ZipReader()
{
    unzClose(static_cast<unzFile>(m_handle));
}

bool ZipReader::contains(const QString &name) const
{
    // Case-sensitive (1): zip member names in .xlsx are exact.
    return unzLocateFile(static_cast<unzFile>(m_handle), name.toUtf8().constData(), 1) == UNZ_OK;
}

QString ZipReader::tooLargeMessage(const QString &name, qint64 cap)
{
    return QCoreApplication::translate("SpreadsheetReader", "FILE: the workbook part %1 unpacks to more than %2 MB, the most BizDesk reads; "
                                                            "the file is not a normal spreadsheet.")
        .arg(name)
        .arg(cap / (1024 * 1024));
}

std::unique_ptr<ZipEntryDevice> ZipReader::open(const QString &name, qint64 cap) const
{
    if (!contains(name))
        damaged();
    return std::make_unique<ZipEntryDevice>(m_handle, name, cap);
}

QByteArray ZipReader::read(const QString &name, qint64 cap) const
{
    const auto entry = open(name, cap);
    QByteArray data;
    char chunk[ZipEntryDevice::chunkBytes];
    for (;;) {
        const qint64 read = entry->read(chunk, sizeof chunk);
        if (read <= 0)
            break;
        data.append(chunk, read);
    }
    entry->requireIntact();
    return data;
}

} // namespace bizdesk::services
