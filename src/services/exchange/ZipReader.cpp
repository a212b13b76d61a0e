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

QByteArray ZipReader::read(const QString &name) const
{
    auto *zip = static_cast<unzFile>(m_handle);
    if (!contains(name))
        damaged();
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK || unzOpenCurrentFile(zip) != UNZ_OK)
        damaged();
    // A workbook part larger than this is not something a person typed; refuse instead of exhausting memory.
    constexpr ZPOS64_T largestMember = 512ull * 1024 * 1024;
    if (info.uncompressed_size > largestMember) {
        unzCloseCurrentFile(zip);
        damaged();
    }
    QByteArray data(static_cast<qsizetype>(info.uncompressed_size), Qt::Uninitialized);
    qsizetype filled = 0;
    while (filled < data.size()) {
        const int read = unzReadCurrentFile(zip, data.data() + filled, static_cast<unsigned>(std::min<qsizetype>(data.size() - filled, 1 << 20)));
        if (read <= 0)
            break;
        filled += read;
    }
    // unzCloseCurrentFile checks the CRC once the whole member was read.
    const int closed = unzCloseCurrentFile(zip);
    if (filled != data.size() || closed != UNZ_OK)
        damaged();
    return data;
}

} // namespace bizdesk::services
