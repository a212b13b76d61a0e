#pragma once

#include "services/exchange/ImportTable.h"

#include <QString>

namespace bizdesk::services {

/// Reads the first sheet of an .xlsx workbook into rows of cells with their row numbers.
/// The sheet is parsed as a stream (QXmlStreamReader over the zip member, inflated in chunks),
/// so memory follows the cells really present, never the sheet's unpacked size or what the zip
/// header claims; each part is capped while it inflates. Shared strings are held (capped).
/// Every problem throws Error::invalid("FILE").
class XlsxReader
{
public:
    /// Caps on what a part may unpack to. The defaults admit BizDesk's own largest export.
    struct Limits
    {
        qint64 sheetBytes = 2ll * 1024 * 1024 * 1024;
        qint64 sharedStringsBytes = 512ll * 1024 * 1024;
        qint64 partBytes = 64ll * 1024 * 1024; ///< workbook, relationships, styles
    };
    /// What reading the sheet took, for tests and diagnostics.
    struct Statistics
    {
        qint64 sheetInflatedBytes = 0;
        qint64 largestChunk = 0; ///< the most sheet bytes held at once
    };

    XlsxReader() = default;
    explicit XlsxReader(Limits limits) : m_limits(limits) {}
    ImportTable read(const QString &path);
    const Statistics &statistics() const { return m_statistics; }

private:
    Limits m_limits;
    Statistics m_statistics;
};

} // namespace bizdesk::services
