#include "services/exchange/ZipReader.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <minizip/unzip.h>

namespace bizdesk::services {
namespace {

using domain::Error;

/// Names that would reach outside the package if anything ever extracted it: absolute paths,
/// drive letters and ".." segments.
bool escapesThePackage(const QString &name)
{
    if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\')))
        return true;
    if (name.size() >= 2 && name.at(1) == QLatin1Char(':') && name.at(0).isLetter())
        return true;
    const QStringList segments = QString(name).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'));
    return segments.contains(QStringLiteral(".."));
}

} // namespace

QString ZipReader::damagedMessage(const QString &fileName)
{
    return QCoreApplication::translate("SpreadsheetReader", "FILE: %1 is damaged or truncated (not a complete .xlsx file).").arg(fileName);
}

ZipReader::ZipReader(const QString &path, PackageLimits limits)
    : m_fileName(QFileInfo(path).fileName())
    , m_limits(limits)
    , m_handle(unzOpen64(QFile::encodeName(path).constData()))
{
    if (!m_handle)
        throw Error::invalid(QStringLiteral("FILE"), damagedMessage(m_fileName));
    try {
        requireSafeEntries();
    } catch (...) {
        unzClose(static_cast<unzFile>(m_handle));
        throw;
    }
}

ZipReader::~ZipReader()
{
    unzClose(static_cast<unzFile>(m_handle));
}

void ZipReader::requireSafeEntries()
{
    // The central directory is walked rather than its entry count trusted.
    const auto zip = static_cast<unzFile>(m_handle);
    int result = unzGoToFirstFile(zip);
    QByteArray name(m_limits.maxNameBytes + 1, Qt::Uninitialized);
    while (result == UNZ_OK) {
        if (++m_entryCount > m_limits.maxEntries)
            throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1 holds more than %2 parts, the most BizDesk reads; "
                                                                                                           "it is not a normal spreadsheet.")
                                                             .arg(m_fileName)
                                                             .arg(m_limits.maxEntries));
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip, &info, name.data(), static_cast<uLong>(name.size()), nullptr, 0, nullptr, 0) != UNZ_OK)
            throw Error::invalid(QStringLiteral("FILE"), damagedMessage(m_fileName));
        if (info.size_filename > static_cast<uLong>(m_limits.maxNameBytes))
            throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1 has a part whose name is longer than %2 bytes; "
                                                                                                           "it is not a normal spreadsheet.")
                                                             .arg(m_fileName)
                                                             .arg(m_limits.maxNameBytes));
        const QString entry = QString::fromUtf8(name.constData(), static_cast<qsizetype>(info.size_filename));
        if (escapesThePackage(entry))
            throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1 has a part named \"%2\", which points outside the package "
                                                                                                           "(an absolute path or ..); it is not a normal spreadsheet.")
                                                             .arg(m_fileName, entry.left(200)));
        result = unzGoToNextFile(zip);
    }
    if (result != UNZ_END_OF_LIST_OF_FILE)
        throw Error::invalid(QStringLiteral("FILE"), damagedMessage(m_fileName));
}

bool ZipReader::contains(const QString &name) const
{
    // Case-sensitive (1): zip member names in .xlsx are exact.
    return unzLocateFile(static_cast<unzFile>(m_handle), name.toUtf8().constData(), 1) == UNZ_OK;
}

QString ZipReader::tooLargeMessage(const QString &fileName, const QString &name, qint64 cap)
{
    return QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the part %2 unpacks to more than %3 MB, the most BizDesk reads; "
                                                            "the file is not a normal spreadsheet.")
        .arg(fileName, name)
        .arg(cap / (1024 * 1024));
}

std::unique_ptr<ZipEntryDevice> ZipReader::open(const QString &name, qint64 cap) const
{
    if (!contains(name))
        throw Error::invalid(QStringLiteral("FILE"), QCoreApplication::translate("SpreadsheetReader", "FILE: %1 has no part %2; it is not a complete .xlsx workbook.")
                                                         .arg(m_fileName, name));
    ZipEntryDevice::Caps caps;
    caps.inflatedBytes = cap;
    caps.compressionRatio = m_limits.compressionRatio;
    caps.ratioAfterBytes = m_limits.ratioAfterBytes;
    return std::make_unique<ZipEntryDevice>(m_handle, m_fileName, name, caps);
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
