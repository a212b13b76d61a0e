#include "services/exchange/ZipReader.h"

#include "domain/Error.h"

#include <QCoreApplication>

#include <zlib.h>

namespace bizdesk::services {
namespace {

using domain::Error;

quint16 u16(const QByteArray &data, qsizetype at)
{
    return static_cast<quint16>(static_cast<uchar>(data[at]) | static_cast<uchar>(data[at + 1]) << 8);
}

quint32 u32(const QByteArray &data, qsizetype at)
{
    return static_cast<quint32>(u16(data, at)) | static_cast<quint32>(u16(data, at + 2)) << 16;
}

[[noreturn]] void damaged()
{
    throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "FILE: the workbook is damaged or truncated (not a complete .xlsx file)."));
}

} // namespace

ZipReader::ZipReader(QByteArray archive) : m_archive(std::move(archive))
{
    // End of central directory: the last "PK\5\6" within the final 64 KiB + 22 bytes.
    const qsizetype size = m_archive.size();
    qsizetype eocd = -1;
    for (qsizetype at = size - 22; at >= 0 && at >= size - 22 - 65535; --at) {
        if (u32(m_archive, at) == 0x06054b50) {
            eocd = at;
            break;
        }
    }
    if (eocd < 0)
        damaged();
    const quint16 count = u16(m_archive, eocd + 10);
    qsizetype at = u32(m_archive, eocd + 16);
    for (int i = 0; i < count; ++i) {
        if (at + 46 > size || u32(m_archive, at) != 0x02014b50)
            damaged();
        Entry entry;
        entry.method = u16(m_archive, at + 10);
        entry.crc = u32(m_archive, at + 16);
        entry.compressedSize = u32(m_archive, at + 20);
        entry.size = u32(m_archive, at + 24);
        const quint16 nameLength = u16(m_archive, at + 28);
        const quint16 extraLength = u16(m_archive, at + 30);
        const quint16 commentLength = u16(m_archive, at + 32);
        entry.localHeaderOffset = u32(m_archive, at + 42);
        if (at + 46 + nameLength > size)
            damaged();
        m_entries.insert(QString::fromUtf8(m_archive.mid(at + 46, nameLength)), entry);
        at += 46 + nameLength + extraLength + commentLength;
    }
}

QByteArray ZipReader::read(const QString &name) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("CustomerImport", "FILE: the workbook has no %1; it is not a complete .xlsx file.").arg(name));
    const Entry &entry = *it;
    const qsizetype local = entry.localHeaderOffset;
    if (local + 30 > m_archive.size() || u32(m_archive, local) != 0x04034b50)
        damaged();
    const qsizetype dataStart = local + 30 + u16(m_archive, local + 26) + u16(m_archive, local + 28);
    if (dataStart + entry.compressedSize > m_archive.size() || entry.size > 512u * 1024 * 1024)
        damaged();
    const QByteArray compressed = m_archive.mid(dataStart, entry.compressedSize);
    QByteArray data;
    if (entry.method == 0) {
        data = compressed;
    } else if (entry.method == 8) {
        data.resize(entry.size);
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            damaged();
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
        stream.avail_in = static_cast<uInt>(compressed.size());
        stream.next_out = reinterpret_cast<Bytef *>(data.data());
        stream.avail_out = static_cast<uInt>(data.size());
        const int result = inflate(&stream, Z_FINISH);
        inflateEnd(&stream);
        if (result != Z_STREAM_END || stream.total_out != entry.size)
            damaged();
    } else {
        damaged();
    }
    if (crc32(0L, reinterpret_cast<const Bytef *>(data.constData()), static_cast<uInt>(data.size())) != entry.crc)
        damaged();
    return data;
}

} // namespace bizdesk::services
