// Fails while any user-visible string lacks a zh_CN or zh_TW translation: it runs lupdate over
// the sources into a copy of each committed .ts file, so strings added without translating
// them are caught too (fix: scripts/update-translations and a glossary entry).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

QString lupdateProgram()
{
    for (const QString &candidate : {QStringLiteral("/usr/lib/qt6/bin/lupdate"), QStringLiteral("lupdate-qt6")}) {
        const QString found = QStandardPaths::findExecutable(candidate);
        if (!found.isEmpty())
            return found;
        if (QFile::exists(candidate))
            return candidate;
    }
    return {};
}

QStringList unfinished(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read ") + tsPath};
    QXmlStreamReader xml(&file);
    QStringList missing;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const bool isUnfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (isUnfinished)
                missing << source;
        }
    }
    return missing;
}

class Translations : public ::testing::TestWithParam<const char *>
{
};

} // namespace

TEST_P(Translations, every_string_in_the_sources_is_translated)
{
    const QString program = lupdateProgram();
    ASSERT_FALSE(program.isEmpty()) << "lupdate (qt6-l10n-tools) is needed";
    const QDir source(QStringLiteral(BIZDESK_SOURCE_DIR));
    QTemporaryDir scratch;
    const QString ts = scratch.filePath(QStringLiteral("bizdesk_%1.ts").arg(QLatin1String(GetParam())));
    ASSERT_TRUE(QFile::copy(source.filePath(QStringLiteral("resources/translations/bizdesk_%1.ts").arg(QLatin1String(GetParam()))), ts));
    QFile::setPermissions(ts, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(source.absolutePath());
    lupdate.start(program, {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                            QStringLiteral("none"), QStringLiteral("-extensions"), QStringLiteral("cpp,h,ui"),
                            QStringLiteral("src"), QStringLiteral("ui"), QStringLiteral("-ts"), ts});
    ASSERT_TRUE(lupdate.waitForFinished(120000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    const QStringList missing = unfinished(ts);
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " untranslated, e.g. \""
                                   << missing.mid(0, 10).join(QStringLiteral("\", \"")).toStdString()
                                   << "\" — run scripts/update-translations and add them to a glossary";
}

INSTANTIATE_TEST_SUITE_P(Languages, Translations, ::testing::Values("zh_CN", "zh_TW"));
