#pragma once

#include <QByteArray>
#include <QString>

namespace bizdesk::services {

/// Reads members of a zip archive (.xlsx) through libminizip — the same minizip library that
/// libxlsxwriter writes with. (QuaZip is not used: it bundles its own minizip under the same
/// symbol names, and one process cannot load both; see docs/architecture.md.)
/// Every structural problem throws Error::invalid("FILE").
class ZipReader
{
public:
    explicit ZipReader(const QString &path);
    ~ZipReader();
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;

    bool contains(const QString &name) const;
    /// The uncompressed member; throws invalid when it is missing, damaged or truncated (CRC).
    QByteArray read(const QString &name) const;

private:
    void *m_handle = nullptr; ///< unzFile
};

} // namespace bizdesk::services
