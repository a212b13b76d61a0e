#pragma once

#include "services/exchange/ImportTable.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace bizdesk::services {

/// Reads CSV as Excel writes it (GB18030 or UTF-8 with or without BOM, UTF-16 "Unicode text";
/// comma, semicolon or tab; quoted fields across lines) into rows of cells with line numbers.
/// The file is read in 1 MiB pieces and decoded line by line (TextDecoding::LineDecoder), so a
/// hostile file costs at most one capped line and one capped record beyond the table itself.
/// Decoding is strict: a record on a line that does not decode is rejected by line, and so is a
/// record with a field longer than a spreadsheet cell or more fields than a spreadsheet has
/// columns; the rest is read as usual. Structural problems (binary data, a line with no line
/// break, an unclosed quote) throw Error::invalid("FILE") naming the file and the line.
class CsvReader
{
public:
    /// Files larger than this are refused before they are read.
    static constexpr qint64 maxFileBytes = 512ll * 1024 * 1024;
    /// Pieces the file is read in.
    static constexpr qint64 pieceBytes = 1024 * 1024;
    /// Excel's limits on one cell and on columns.
    static constexpr int maxFieldCharacters = 32'767;
    static constexpr int maxFields = 16'384;

    static ImportTable read(const QString &path, const QString &encoding = QStringLiteral("auto"));
    /// `fileName` names the data in messages.
    static ImportTable parse(const QByteArray &bytes, const QString &encoding = QStringLiteral("auto"),
                             const QString &fileName = QStringLiteral("CSV"));
    /// Reads `device` (open, at its start; it is read more than once when the encoding is
    /// detected).
    static ImportTable parse(QIODevice &device, const QString &encoding, const QString &fileName);
};

} // namespace bizdesk::services
