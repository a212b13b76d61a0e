#pragma once

#include "services/exchange/ImportTable.h"

#include <QByteArray>
#include <QString>

namespace bizdesk::services {

/// Reads CSV as Excel writes it (GB18030 or UTF-8 with or without BOM, UTF-16 "Unicode text";
/// comma, semicolon or tab; quoted fields across lines) into rows of cells with line numbers.
/// Decoding is strict (TextDecoding): a record on a line that does not decode is rejected by
/// line, the rest is read as usual. Structural problems throw Error::invalid("FILE").
class CsvReader
{
public:
    /// Files larger than this are refused before they are read.
    static constexpr qint64 maxFileBytes = 512ll * 1024 * 1024;

    static ImportTable read(const QString &path, const QString &encoding = QStringLiteral("auto"));
    static ImportTable parse(const QByteArray &bytes, const QString &encoding = QStringLiteral("auto"));
};

} // namespace bizdesk::services
