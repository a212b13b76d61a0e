#include "services/exchange/ZipEntryDevice.h"

#include "domain/Error.h"
#include "services/exchange/ZipReader.h"

#include <QCoreApplication>

#include <minizip/unzip.h>

namespace bizdesk::services {

ZipEntryDevice::ZipEntryDevice(void *zip, QString fileName, QString name, Caps caps)
    : m_zip(zip)
    , m_fileName(std::move(fileName))
    , m_name(std::move(name))
    , m_caps(caps)
{
    m_currentOpen = unzOpenCurrentFile(static_cast<unzFile>(m_zip)) == UNZ_OK;
    m_damaged = !m_currentOpen;
    if (m_currentOpen)
        m_startOffset = static_cast<qint64>(unzGetCurrentFileZStreamPos64(static_cast<unzFile>(m_zip)));
    // Unbuffered: QIODevice would otherwise read ahead into a second buffer of its own.
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

ZipEntryDevice::~ZipEntryDevice()
{
    if (m_currentOpen)
        unzCloseCurrentFile(static_cast<unzFile>(m_zip));
}

qint64 ZipEntryDevice::compressed() const
{
    if (!m_currentOpen)
        return 0;
    return static_cast<qint64>(unzGetCurrentFileZStreamPos64(static_cast<unzFile>(m_zip))) - m_startOffset;
}

qint64 ZipEntryDevice::readData(char *data, qint64 maxSize)
{
    if (m_damaged || capExceeded() || m_finished)
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
    if (m_inflated > m_caps.inflatedBytes) {
        m_capExceeded = true;
        return -1;
    }
    // Measured on what really inflated from what was really read, never on the header's sizes.
    if (m_caps.compressionRatio > 0 && m_inflated > m_caps.ratioAfterBytes
        && m_inflated > m_caps.compressionRatio * std::max<qint64>(compressed(), 1)) {
        m_ratioExceeded = true;
        return -1;
    }
    return read;
}

void ZipEntryDevice::requireIntact()
{
    if (m_capExceeded)
        throw domain::Error::invalid(QStringLiteral("FILE"), ZipReader::tooLargeMessage(m_fileName, m_name, m_caps.inflatedBytes));
    if (m_ratioExceeded)
        throw domain::Error::invalid(QStringLiteral("FILE"),
                                     QCoreApplication::translate("SpreadsheetReader", "FILE: %1: the part %2 unpacks to more than %3 times its packed size, "
                                                                                      "the most BizDesk reads (a zip bomb); the file is not a normal spreadsheet.")
                                         .arg(m_fileName, m_name)
                                         .arg(m_caps.compressionRatio));
    if (m_damaged)
        throw domain::Error::invalid(QStringLiteral("FILE"), ZipReader::damagedMessage(m_fileName));
}

} // namespace bizdesk::services
