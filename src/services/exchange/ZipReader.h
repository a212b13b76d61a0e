#pragma once

#include "services/exchange/ZipEntryDevice.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace bizdesk::services {

/// What a package may hold before it is refused. The defaults admit any workbook Excel,
/// WPS or BizDesk itself writes.
struct ZipPackageLimits
{
    int maxEntries = 10'000;
    int maxNameBytes = 1'024;
    /// Inflated bytes per compressed byte a member may reach (BizDesk's own exports: ≈12).
    qint64 compressionRatio = 100;
    /// The ratio is judged only once this much has inflated, so tiny parts are never refused.
    qint64 ratioAfterBytes = 1024 * 1024;
};

/// Reads members of a zip archive (.xlsx) through libminizip — the same minizip library that
/// libxlsxwriter writes with. (QuaZip is not used: it bundles its own minizip under the same
/// symbol names, and one process cannot load both; see docs/architecture.md.)
/// Opening walks the central directory once and refuses packages no spreadsheet program writes
/// (too many members, unsafe member names). Every structural problem throws
/// Error::invalid("FILE") naming the file.
class ZipReader
{
public:
    using PackageLimits = ZipPackageLimits;

    explicit ZipReader(const QString &path, PackageLimits limits = {});
    ~ZipReader();
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;

    /// The file name (without folders) that messages name.
    const QString &fileName() const { return m_fileName; }
    int entryCount() const { return m_entryCount; }
    bool contains(const QString &name) const;
    /// The member as a stream of at most `cap` inflated bytes; throws invalid when it is missing
    /// (naming it). Keep only one open at a time.
    std::unique_ptr<ZipEntryDevice> open(const QString &name, qint64 cap) const;
    /// The whole member, for small parts: refused (invalid) once it inflates past `cap` or the
    /// compression ratio, and when it is missing, damaged or truncated (CRC). The buffer grows
    /// with what really inflates.
    QByteArray read(const QString &name, qint64 cap) const;

    /// The message for a member that inflates past its cap (names the member and the limit).
    static QString tooLargeMessage(const QString &fileName, const QString &name, qint64 cap);
    /// The message for a damaged, truncated or non-zip file.
    static QString damagedMessage(const QString &fileName);

private:
    void requireSafeEntries();

    QString m_fileName;
    PackageLimits m_limits;
    int m_entryCount = 0;
    void *m_handle = nullptr; ///< unzFile
};

} // namespace bizdesk::services
