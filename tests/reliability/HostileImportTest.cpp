// Issue 17 §1: hostile files are refused, cleanly and cheaply. The real bizdeskctl imports each
// file that tests/fuzz/make-hostile-corpus.py writes (zip bombs, DTDs, bad references, broken
// packages, hostile CSV): it exits 2 naming the file, line or cell and the limit (or exits 0
// with every bad line rejected), writes nothing, stays under a 1 GiB address space (when not
// built with sanitizers), takes less than 60 s and stays well under 512 MiB resident.
#include "reliability/BizdeskctlProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>

#include <gtest/gtest.h>

#include <iostream>

#include <sys/resource.h>

using bizdesk::testing::BizdeskctlProcess;

namespace {

struct HostileFile
{
    const char *name;
    int exitCode;                  ///< 2: refused; 0: read, every data line rejected
    std::vector<const char *> says; ///< what the message (or the rejection) must name
};

const std::vector<HostileFile> &hostileFiles()
{
    static const std::vector<HostileFile> files{
        {"xlsx/zip-bomb-ratio.xlsx", 2, {"zip-bomb-ratio.xlsx", "xl/worksheets/sheet1.xml", "100 times"}},
        {"xlsx/too-many-entries.xlsx", 2, {"too-many-entries.xlsx", "10000 parts"}},
        {"xlsx/entry-dot-dot.xlsx", 2, {"entry-dot-dot.xlsx", "../../etc/cron.d/evil"}},
        {"xlsx/entry-absolute.xlsx", 2, {"entry-absolute.xlsx", "/etc/passwd"}},
        {"xlsx/entry-name-too-long.xlsx", 2, {"entry-name-too-long.xlsx", "1024 bytes"}},
        {"xlsx/dtd-billion-laughs.xlsx", 2, {"dtd-billion-laughs.xlsx", "xl/worksheets/sheet1.xml", "DTD"}},
        {"xlsx/dtd-external-entity.xlsx", 2, {"dtd-external-entity.xlsx", "xl/sharedStrings.xml", "DTD"}},
        {"xlsx/dtd-workbook.xlsx", 2, {"dtd-workbook.xlsx", "xl/workbook.xml", "DTD"}},
        {"xlsx/shared-string-out-of-range.xlsx", 2, {"shared-string-out-of-range.xlsx", "cell B7", "shared string 5"}},
        {"xlsx/shared-string-negative.xlsx", 2, {"shared-string-negative.xlsx", "cell B7", "shared string -1"}},
        {"xlsx/style-out-of-range.xlsx", 2, {"style-out-of-range.xlsx", "cell A3", "style 9"}},
        {"xlsx/style-negative.xlsx", 2, {"style-negative.xlsx", "cell A3", "style -2"}},
        {"xlsx/column-beyond-xfd.xlsx", 2, {"column-beyond-xfd.xlsx", "XFE2", "XFD"}},
        {"xlsx/row-beyond-limit.xlsx", 2, {"row-beyond-limit.xlsx", "1048577", "1,048,576"}},
        {"xlsx/cells-spread-thin.xlsx", 2, {"cells-spread-thin.xlsx", "XFD", "1048576"}},
        {"xlsx/cell-too-long.xlsx", 2, {"cell-too-long.xlsx", "cell B7", "32767"}},
        {"xlsx/truncated.xlsx", 2, {"truncated.xlsx", "truncated"}},
        {"xlsx/not-a-zip.xlsx", 2, {"not-a-zip.xlsx", "damaged"}},
        {"xlsx/missing-workbook.xlsx", 2, {"missing-workbook.xlsx", "xl/workbook.xml"}},
        {"xlsx/missing-sheet.xlsx", 2, {"missing-sheet.xlsx", "xl/worksheets/sheet1.xml"}},
        {"csv/nul-byte.csv", 2, {"nul-byte.csv", "line 3", "NUL"}},
        {"csv/line-without-newline.csv", 2, {"line-without-newline.csv", "line 2", "1 MB"}},
        {"csv/unterminated-quote.csv", 2, {"unterminated-quote.csv", "line 3"}},
        {"csv/field-too-long.csv", 0, {"line 2", "32767"}},
        {"csv/name-over-its-limit.csv", 0, {"200"}},
        {"csv/too-many-fields.csv", 0, {"line 2", "16384"}},
        {"csv/gb18030-bad-bytes.csv", 0, {"line 2"}},
    };
    return files;
}

class HostileImport : public bizdesk::testing::InitialisedFileTest
{
protected:
    void SetUp() override
    {
        InitialisedFileTest::SetUp();
        QProcess generator;
        generator.start(QStringLiteral("python3"), {QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fuzz/make-hostile-corpus.py"), pathFor(QStringLiteral("hostile"))});
        ASSERT_TRUE(generator.waitForFinished(120'000));
        ASSERT_EQ(generator.exitCode(), 0) << generator.readAllStandardError().toStdString();
#ifndef BIZDESK_SANITIZED
        ctl().limitAddressSpace(1024ll * 1024 * 1024);
#endif
    }
    /// What the database holds that an import could change: the customers and the audit chain.
    std::string databaseState() const
    {
        const auto verify = ctl().run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
        EXPECT_EQ(verify.exitCode, 0) << verify.describe();
        return std::to_string(customerTotal()) + " customers, audit " + verify.out.toStdString();
    }
};

long peakChildResidentKilobytes()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

} // namespace

TEST_F(HostileImport, every_hostile_file_is_refused_cleanly_and_cheaply_and_nothing_is_written)
{
    std::string before = databaseState();
    for (const HostileFile &file : hostileFiles()) {
        SCOPED_TRACE(file.name);
        const QString path = pathFor(QStringLiteral("hostile/") + QLatin1String(file.name));
        ASSERT_TRUE(QFile::exists(path));
        QElapsedTimer took;
        took.start();
        const auto result = ctl().runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("import"), path});
        EXPECT_LT(took.elapsed(), 60'000);
        EXPECT_EQ(result.exitCode, file.exitCode) << result.describe();
        QString said = QString::fromUtf8(result.err + result.out);
        if (file.exitCode == 0) {
            const QJsonObject report = result.json();
            EXPECT_EQ(report.value(QStringLiteral("imported")).toInt(-1), 0) << result.describe();
            const QJsonArray rejected = report.value(QStringLiteral("rejected")).toArray();
            EXPECT_EQ(rejected.size(), report.value(QStringLiteral("total")).toInt(-1)) << result.describe();
            EXPECT_GE(rejected.size(), 1) << result.describe();
        }
        for (const char *expected : file.says)
            EXPECT_TRUE(said.contains(QString::fromUtf8(expected))) << "should name \"" << expected << "\"\n" << result.describe();
        EXPECT_FALSE(said.contains(QStringLiteral("internal"), Qt::CaseInsensitive)) << result.describe();
        if (file.exitCode == 2) {
            EXPECT_EQ(databaseState(), before); // not even an audit entry
        } else {
            // Only the login and the import's own audit entry (imported 0) were written.
            EXPECT_EQ(customerTotal(), 0);
            before = databaseState();
        }
    }
    // Every child so far (the generator and each bizdeskctl) stayed well under 512 MiB.
    std::cout << "peak resident size of a child: " << peakChildResidentKilobytes() / 1024 << " MiB\n";
    EXPECT_LT(peakChildResidentKilobytes(), 384 * 1024);
}

TEST_F(HostileImport, a_declared_dimension_of_the_whole_grid_imports_only_the_rows_present)
{
    const auto result = ctl().runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("import"),
                                                             pathFor(QStringLiteral("hostile/xlsx/dimension-huge.xlsx"))});
    ASSERT_EQ(result.exitCode, 0) << result.describe();
    EXPECT_EQ(result.json().value(QStringLiteral("imported")).toInt(), 1) << result.describe();
    EXPECT_EQ(customerTotal(), 1);
    EXPECT_LT(peakChildResidentKilobytes(), 384 * 1024);
}
