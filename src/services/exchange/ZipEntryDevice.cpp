#include "services/exchange/ZipEntryDevice.h"

#include "domain/Error.h"
#include "services/exchange/ZipReader.h"

#include <QCoreApplication>

#include <minizip/unzip.h>

namespace bizdesk::services {

ZipEntryDevice::ZipEntryDevice(void *zip, QString name, qint64 cap)
    : m_zip(zip)
    , m_name(std::move(name))
    , m_cap(cap)
{
    m_currentOpen = unzOpenCurrentFile(static_cast<unzFile>(m_zip)) == UNZ_OK;
    m_damaged = !m_currentOpen;
    // Unbuffered: QIODevice would otherwise read ahead into a second buffer of its own.
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

ZipEntryDevice::~ZipEntryDevice()
{
    if (m_currentOpen)
        unzCloseCurrentFile(static_cast<unzFile>(m_zip));
}

qint64 ZipEntryDevice::readData(char *data, qint64 maxSize)
{
    if (m_damaged || m_capExceeded || m_finished)
        return -1;
    const qint64 wanted = std::min(maxSize, chunkBytes);
    const int read = unzReadCurrentFile(static_cast<unzFile>(m_zip), data, static_cast<unsigned>(wanted));
    if (read < 0) {
        m_damaged = true;
        return -1;
    }
    if (read == 0) {
        m_finished = true;
        // unzCloseCurrentFile checks the CRC once the whole member was read.
        m_currentOpen = false;
        if (unzCloseCurrentFile(static_cast<unzFile>(m_zip)) != UNZ_OK)
            m_damaged = true;
        return -1;
    }
    m_inflated += read;
    m_largestChunk = std::max<qint64>(m_largestChunk, read);
    if (m_inflated > m_cap) {
        m_capExceeded = true;
        return -1;
    }
    return read;
}

void ZipEntryDevice::requireIntact()
{
    if (m_capExceeded)
        throw domain::Error::invalid(QStringLiteral("FILE"), ZipReader::tooLargeMessage(m_name, m_cap));
    if (m_damaged)
        throw domain::Error::invalid(QStringLiteral("FILE"),
                                     QCoreApplication::translate("CustomerImport",
                                                                 "FILE: the workbook is damaged or truncated (not a complete .xlsx file)."));
}

} // namespace bizdesk::services
