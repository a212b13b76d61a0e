#pragma once

#include <QString>

namespace bizdesk::testing {

/// The text of a PDF as pdftotext -layout reads it, with the CJK radicals Qt's text layer writes
/// for some ideographs folded back, so tests can look for the Chinese a user sees. Empty when
/// pdftotext is missing or fails.
QString pdfText(const QString &path);

} // namespace bizdesk::testing
