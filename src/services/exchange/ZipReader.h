#pragma once

#include "services/exchange/ZipEntryDevice.h"

#include <QByteArray>
#include <QString>

#include <memory>

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
    /// The member as a stream of at most `cap` inflated bytes; throws invalid when it is missing.
    /// Keep only one open at a time.
    std::unique_ptr<ZipEntryDevice> open(const QString &name, qint64 cap) const;
    /// The whole member, for small parts: refused (invalid) once it inflates past `cap`, and when
    /// it is missing, damaged or truncated (CRC). The buffer grows with what really inflates.
    QByteArray read(const QString &name, qint64 cap) const;

    /// The message for a member that inflates past its cap (names the member and the limit).
    static QString tooLargeMessage(const QString &name, qint64 cap);

private:
    void *m_handle = nullptr; ///< unzFile
};

} // namespace bizdesk::services
