#pragma once

#include <QIODevice>
#include <QString>

namespace bizdesk::services {

/// One zip member read as a stream: inflated in chunks as the reader asks for them, counted
/// while inflating, and cut off once it passes `cap` bytes (the sizes in the zip headers are
/// never trusted). Made by ZipReader::open; only one is open per ZipReader at a time.
class ZipEntryDevice : public QIODevice
{
public:
    /// Largest piece inflated per read call.
    static constexpr qint64 chunkBytes = 64 * 1024;

    ZipEntryDevice(void *zip, QString name, qint64 cap);
    ~ZipEntryDevice() override;
    ZipEntryDevice(const ZipEntryDevice &) = delete;
    ZipEntryDevice &operator=(const ZipEntryDevice &) = delete;

    bool isSequential() const override { return true; }
    const QString &name() const { return m_name; }
    qint64 cap() const { return m_cap; }
    /// Bytes inflated so far.
    qint64 inflated() const { return m_inflated; }
    /// The largest single piece handed out (at most chunkBytes): what the stream holds at once.
    qint64 largestChunk() const { return m_largestChunk; }
    bool capExceeded() const { return m_capExceeded; }
    /// Throws Error::invalid("FILE") when the member passed its cap, was damaged or failed
    /// its CRC; call once the reader is done with it.
    void requireIntact();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    void *m_zip; ///< unzFile, owned by the ZipReader
    QString m_name;
    qint64 m_cap;
    qint64 m_inflated = 0;
    qint64 m_largestChunk = 0;
    bool m_capExceeded = false;
    bool m_damaged = false;
    bool m_finished = false;
    bool m_currentOpen = false;
};

} // namespace bizdesk::services
