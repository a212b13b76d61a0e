#include "support/PdfText.h"

#include <QProcess>
#include <QStringList>

#include <utility>

namespace bizdesk::testing {

QString pdfText(const QString &path)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(20000))
        return {};
    // CJK fonts share glyphs between ideographs and radicals, and Qt's text layer names such a
    // glyph by its first code point: NFKC folds the Kangxi radicals back, the few supplement
    // radicals of simplified characters are folded here.
    QString content = QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    for (const auto &[radical, ideograph] : {std::pair{u'\u2EA0', u'民'}, std::pair{u'\u2ED4', u'门'}, std::pair{u'\u2EC5', u'见'},
                                             std::pair{u'\u2EE2', u'马'}, std::pair{u'\u2ED3', u'长'},
                                             std::pair{u'\u2EC6', u'角'}, std::pair{u'\u2EEC', u'齐'}})
        content.replace(QChar(radical), QChar(ideograph));
    return content;
}

} // namespace bizdesk::testing
