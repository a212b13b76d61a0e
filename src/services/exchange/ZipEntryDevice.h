#pragma once

#include <QIODevice>
#include <QString>

namespace bizdesk::services {

/// One zip member read as a stream: inflated in chunks as the reader asks for them, counted
/// while inflating, and cut off once it passes its inflated-size cap or its compression ratio
/// (the sizes in the zip headers are never trusted: both are measured on what really inflates
/// and what was really read from the file). Made by ZipReader::open; only one is open per
/// ZipReader at a time.
class ZipEntryDevice : public QIODevice
{
public:
    /// Largest piece inflated per read call.
    static constexpr qint64 chunkBytes = 64 * 1024;

    struct Caps
    {
        qint64 inflatedBytes = 0;
        qint64 compressionRatio = 100; ///< inflated : compressed; 0 = not checked
        qint64 ratioAfterBytes = 1024 * 1024;
    };

    ZipEntryDevice(void *zip, QString fileName, QString name, Caps caps);
    ~ZipEntryDevice() override;
    ZipEntryDevice(const ZipEntryDevice &) = delete;
    ZipEntryDevice &operator=(const ZipEntryDevice &) = delete;

    bool isSequential() const override { return true; }
    const QString &name() const { return m_name; }
    qint64 cap() const { return m_caps.inflatedBytes; }
    /// Bytes inflated so far.
    qint64 inflated() const { return m_inflated; }
    /// Compressed bytes read from the file so far (minizip reads ahead in small blocks).
    qint64 compressed() const;
    /// The largest single piece handed out (at most chunkBytes): what the stream holds at once.
    qint64 largestChunk() const { return m_largestChunk; }
    /// True once the member passed a cap: reading stops there.
    bool capExceeded() const { return m_capExceeded || m_ratioExceeded; }
    /// Throws Error::invalid("FILE") when the member passed a cap, was damaged or failed its
    /// CRC; call once the reader is done with it.
    void requireIntact();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    void *m_zip; ///< unzFile, owned by the ZipReader
    QString m_fileName;
    QString m_name;
    Caps m_caps;
    qint64 m_startOffset = 0; ///< where the member's compressed data starts in the file
    qint64 m_inflated = 0;
    qint64 m_largestChunk = 0;
    bool m_capExceeded = false;
    bool m_ratioExceeded = false;
    bool m_damaged = false;
    bool m_finished = false;
    bool m_currentOpen = false;
};

} // namespace bizdesk::services
