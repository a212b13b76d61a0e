#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace bizdesk::services {

/// Reads the members of a zip archive (.xlsx) held in memory: stored and deflated entries,
/// from the central directory. Every structural problem throws Error::invalid("FILE").
class ZipReader
{
public:
    explicit ZipReader(QByteArray archive);
    bool contains(const QString &name) const { return m_entries.contains(name); }
    /// The uncompressed member; throws invalid when it is missing, damaged or truncated.
    QByteArray read(const QString &name) const;

private:
    struct Entry
    {
        quint16 method = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 localHeaderOffset = 0;
    };
    QByteArray m_archive;
    QMap<QString, Entry> m_entries;
};

} // namespace bizdesk::services
