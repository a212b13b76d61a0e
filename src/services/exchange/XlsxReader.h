#pragma once

#include "services/exchange/ImportTable.h"
#include "services/exchange/ZipReader.h"

#include <QString>

namespace bizdesk::services {

/// Reads the first sheet of an .xlsx workbook into rows of cells with their row numbers.
/// The sheet is parsed as a stream (QXmlStreamReader over the zip member, inflated in chunks),
/// so memory follows the cells really present, never the sheet's unpacked size, its declared
/// <dimension> or what the zip header claims; each part is capped while it inflates. Shared
/// strings are held (capped). Anything a spreadsheet program would not write — a DTD or entity
/// declaration, an index or cell reference out of range, a cell over Excel's length — is
/// refused rather than guessed at. Every problem throws Error::invalid("FILE") naming the file
/// and the part, cell or limit.
class XlsxReader
{
public:
    /// Excel's own limits: what no spreadsheet holds is refused.
    static constexpr int maxColumns = 16'384; ///< column XFD
    static constexpr int maxRows = 1'048'576;
    static constexpr int maxCellCharacters = 32'767;

    /// Caps on what a package and its parts may unpack to. The defaults admit BizDesk's own
    /// largest export (1,048,575 rows, ≈12:1 compressed).
    struct Limits : ZipReader::PackageLimits
    {
        qint64 sheetBytes = 2ll * 1024 * 1024 * 1024;
        qint64 sharedStringsBytes = 512ll * 1024 * 1024;
        qint64 partBytes = 64ll * 1024 * 1024; ///< workbook, relationships, styles
        /// Empty cells held to fill the gaps between present cells, beyond 16 per present cell.
        qint64 gapCells = 1024 * 1024;
    };
    /// What reading the sheet took, for tests and diagnostics.
    struct Statistics
    {
        qint64 sheetInflatedBytes = 0;
        qint64 largestChunk = 0; ///< the most sheet bytes held at once
        qint64 cellsHeld = 0;    ///< cells in the table, gaps included
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
