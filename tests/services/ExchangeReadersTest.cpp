// The general readers in services/exchange: strict encoding detection with per-line rejections
// (CsvReader, TextDecoding) and the streaming .xlsx reader with its caps (XlsxReader, ZipReader).
#include "domain/Error.h"
#include "services/exchange/CsvReader.h"
#include "services/exchange/SpreadsheetFile.h"
#include "services/exchange/TableExport.h"
#include "services/exchange/TextDecoding.h"
#include "services/exchange/XlsxReader.h"
#include "services/exchange/ZipReader.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <iconv.h>

#include <cstring>
#include <functional>
#include <iostream>
#include <optional>

using namespace bizdesk;
using services::CsvReader;
using services::TextDecoding;
using services::XlsxReader;

namespace {

QByteArray gb18030(const QString &text)
{
    QStringEncoder encoder("GB18030");
    return encoder(text);
}

/// The message of the invalid error `statement` throws; fails when it throws nothing else.
template<typename F>
QString invalidMessage(F &&statement)
{
    try {
        statement();
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid) << error.message().toStdString();
        return error.message();
    }
    ADD_FAILURE() << "expected an invalid error";
    return {};
}

/// Writes an .xlsx by hand with minizip: the sheet is `rows` wrapped around `padding` bytes of
/// XML comments, written in 1 MiB pieces so that neither the test nor the file holds them.
void writeWorkbook(const QString &path, const QByteArray &rows, qint64 padding)
{
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    ASSERT_NE(zip, nullptr);
    const auto add = [&](const char *name, const std::function<void()> &write) {
        ASSERT_EQ(zipOpenNewFileInZip64(zip, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1), ZIP_OK);
        write();
        ASSERT_EQ(zipCloseFileInZip(zip), ZIP_OK);
    };
    const auto put = [&](const QByteArray &bytes) { zipWriteInFileInZip(zip, bytes.constData(), static_cast<unsigned>(bytes.size())); };
    add("xl/workbook.xml", [&] {
        put(R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
            R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)");
    });
    add("xl/_rels/workbook.xml.rels", [&] {
        put(R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
            R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)");
    });
    add("xl/worksheets/sheet1.xml", [&] {
        put(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)");
        put(rows);
        const QByteArray comment = "<!--" + QByteArray(1000, 'x') + "-->";
        QByteArray piece;
        while (piece.size() < (1 << 20))
            piece += comment;
        for (qint64 written = 0; written < padding; written += piece.size())
            put(piece);
        put(R"(<row r="9"><c r="A9" t="inlineStr"><is><t>广州星河贸易</t></is></c></row></sheetData></worksheet>)");
    });
    ASSERT_EQ(zipClose(zip, nullptr), ZIP_OK);
}

const QByteArray twoRows = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>)"
                           R"(<row r="2"><c r="A2" t="inlineStr"><is><t>上海云杉科技</t></is></c></row>)";

/// One member of a hand-made package.
struct Part
{
    QByteArray name;
    QByteArray content;
};

void writePackage(const QString &path, const QList<Part> &parts)
{
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    ASSERT_NE(zip, nullptr);
    for (const Part &part : parts) {
        ASSERT_EQ(zipOpenNewFileInZip64(zip, part.name.constData(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1), ZIP_OK);
        zipWriteInFileInZip(zip, part.content.constData(), static_cast<unsigned>(part.content.size()));
        ASSERT_EQ(zipCloseFileInZip(zip), ZIP_OK);
    }
    ASSERT_EQ(zipClose(zip, nullptr), ZIP_OK);
}

const QByteArray workbookXml = R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                               R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const QByteArray relationshipsXml = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
const QByteArray stylesXml = R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                             R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";

QByteArray sheetXml(const QByteArray &sheetData, const QByteArray &prolog = {})
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>)" + prolog
           + R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" + sheetData + "</sheetData></worksheet>";
}

/// workbook, relationships, styles (two: general and a date) and the sheet, plus `extra` parts.
QString writeSheet(const QTemporaryDir &dir, const QByteArray &sheetData, const QList<Part> &extra = {}, const QByteArray &prolog = {})
{
    const QString path = dir.filePath(QStringLiteral("test.xlsx"));
    QFile::remove(path);
    QList<Part> parts{{"xl/workbook.xml", workbookXml}, {"xl/_rels/workbook.xml.rels", relationshipsXml}, {"xl/styles.xml", stylesXml},
                      {"xl/worksheets/sheet1.xml", sheetXml(sheetData, prolog)}};
    parts << extra;
    writePackage(path, parts);
    return path;
}

const QByteArray headerRow = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="B1" t="inlineStr"><is><t>备注</t></is></c></row>)";

/// The message XlsxReader gives for the file; fails when it reads it.
QString xlsxRefusal(const QString &path, XlsxReader::Limits limits = {})
{
    return invalidMessage([&] { XlsxReader(limits).read(path); });
}

#define EXPECT_CONTAINS(text, part) EXPECT_TRUE((text).contains(part)) << (text).toStdString() << "\n  should contain: " << QString(part).toStdString()

} // namespace

TEST(CsvReader, detects_utf8_and_gb18030_from_clean_text)
{
    const QString text = QStringLiteral("客户名称,电话\n上海云杉科技,13800000001\n");
    const auto utf8 = CsvReader::parse(text.toUtf8());
    EXPECT_EQ(utf8.encoding, QStringLiteral("utf-8"));
    const auto gbk = CsvReader::parse(gb18030(text));
    EXPECT_EQ(gbk.encoding, QStringLiteral("gb18030"));
    ASSERT_EQ(gbk.rows.size(), 1);
    EXPECT_EQ(gbk.headers, utf8.headers);
    EXPECT_EQ(gbk.rows, utf8.rows);
    EXPECT_EQ(gbk.lines, QList<int>{2});
    EXPECT_TRUE(gbk.rejected.isEmpty());
}

TEST(CsvReader, one_bad_byte_in_utf8_rejects_only_its_line_instead_of_switching_to_gb18030)
{
    QByteArray bytes = QStringLiteral("客户名称,电话\n上海云杉科技,1\n").toUtf8();
    bytes += "\xE5\x8C\x97\xFF\xE4\xBA\xAC,2\n";
    bytes += QStringLiteral("广州星河贸易,3\n").toUtf8();
    const auto table = CsvReader::parse(bytes);
    EXPECT_EQ(table.encoding, QStringLiteral("utf-8"));
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows.at(0).first(), QStringLiteral("上海云杉科技"));
    EXPECT_EQ(table.rows.at(1).first(), QStringLiteral("广州星河贸易"));
    EXPECT_EQ(table.lines, (QList<int>{2, 4}));
    ASSERT_EQ(table.rejected.size(), 1);
    EXPECT_EQ(table.rejected.first().line, 3);
    EXPECT_TRUE(table.rejected.first().error.contains(QStringLiteral("line 3"))) << table.rejected.first().error.toStdString();
}

TEST(CsvReader, a_gb18030_file_with_a_bad_byte_stays_gb18030_and_a_quoted_record_over_a_bad_line_is_rejected_whole)
{
    QByteArray bytes = gb18030(QStringLiteral("客户名称,备注\n上海云杉科技,\"第一行\n"));
    bytes += "\xFF\xFF\n"; // 0xFF starts no character in GB18030 or UTF-8
    bytes += gb18030(QStringLiteral("第三行\"\n广州星河贸易,好\n深圳海纳,好\n"));
    const auto table = CsvReader::parse(bytes);
    EXPECT_EQ(table.encoding, QStringLiteral("gb18030"));
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows.first().first(), QStringLiteral("广州星河贸易"));
    ASSERT_EQ(table.rejected.size(), 1);
    EXPECT_EQ(table.rejected.first().line, 2); // where the record starts
    EXPECT_TRUE(table.rejected.first().error.contains(QStringLiteral("line 3"))); // where the bad byte is
}

TEST(CsvReader, a_forced_encoding_is_used_and_a_header_that_does_not_decode_is_refused)
{
    const QByteArray gbk = gb18030(QStringLiteral("客户名称\n上海云杉科技\n"));
    EXPECT_EQ(CsvReader::parse(gbk, QStringLiteral("gbk")).rows.first().first(), QStringLiteral("上海云杉科技"));
    const QString message = invalidMessage([&] { CsvReader::parse(gbk, QStringLiteral("utf-8")); });
    EXPECT_TRUE(message.contains(QStringLiteral("line 1"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("gb18030"))) << message.toStdString();
    invalidMessage([&] { CsvReader::parse(gbk, QStringLiteral("latin-1")); });
}

TEST(XlsxReader, streams_a_sheet_that_inflates_to_hundreds_of_megabytes_holding_only_small_chunks)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.xlsx"));
    constexpr qint64 padding = 300ll * 1024 * 1024;
    writeWorkbook(path, twoRows, padding);
    EXPECT_LT(QFileInfo(path).size(), 3 * 1024 * 1024); // a small file …

    XlsxReader::Limits limits;
    limits.compressionRatio = 0; // this test is about streaming; the ratio refusal has its own
    XlsxReader reader(limits);
    const auto table = reader.read(path);
    EXPECT_GT(reader.statistics().sheetInflatedBytes, padding); // … read to its end …
    EXPECT_LE(reader.statistics().largestChunk, services::ZipEntryDevice::chunkBytes); // … a chunk at a time
    EXPECT_EQ(table.headers, QStringList{QStringLiteral("客户名称")});
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows.at(0).first(), QStringLiteral("上海云杉科技"));
    EXPECT_EQ(table.rows.at(1).first(), QStringLiteral("广州星河贸易"));
    EXPECT_EQ(table.lines, (QList<int>{2, 9}));
}

TEST(XlsxReader, a_sheet_past_its_cap_is_refused_naming_the_part_and_the_limit_while_inflating)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.xlsx"));
    writeWorkbook(path, twoRows, 40ll * 1024 * 1024);
    XlsxReader::Limits limits;
    limits.sheetBytes = 16ll * 1024 * 1024;
    limits.compressionRatio = 0; // so that the size cap, not the ratio, is what stops it
    XlsxReader reader(limits);
    const QString message = invalidMessage([&] { reader.read(path); });
    EXPECT_TRUE(message.contains(QStringLiteral("xl/worksheets/sheet1.xml"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("16 MB"))) << message.toStdString();
    // Small parts are capped the same way.
    const services::ZipReader zip(path);
    invalidMessage([&] { zip.read(QStringLiteral("xl/workbook.xml"), 100); });
    EXPECT_FALSE(zip.read(QStringLiteral("xl/workbook.xml"), 64 * 1024).isEmpty());
}

TEST(SpreadsheetFile, picks_the_reader_by_content_and_refuses_a_fake_zip)
{
    QTemporaryDir dir;
    const QString xlsx = dir.filePath(QStringLiteral("small.xlsx"));
    writeWorkbook(xlsx, twoRows, 0);
    EXPECT_EQ(services::SpreadsheetFile::read(xlsx).encoding, QStringLiteral("xlsx"));
    QFile fake(dir.filePath(QStringLiteral("fake.csv")));
    ASSERT_TRUE(fake.open(QIODevice::WriteOnly));
    fake.write("PK\x03\x04 not a zip");
    fake.close();
    invalidMessage([&] { services::SpreadsheetFile::read(fake.fileName()); });
}

// Issue 17 §1: hostile packages are refused while they are read, naming the file, the part or
// cell, and the limit; nothing is allocated for what is not really there.

TEST(XlsxReader, a_part_that_inflates_past_100_to_1_is_refused_while_inflating_but_tiny_parts_are_not_judged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.xlsx"));
    writeWorkbook(path, twoRows, 64ll * 1024 * 1024); // XML comments of one letter: ≈1000:1
    XlsxReader reader;
    const QString message = invalidMessage([&] { reader.read(path); });
    EXPECT_CONTAINS(message, QStringLiteral("bomb.xlsx"));
    EXPECT_CONTAINS(message, QStringLiteral("xl/worksheets/sheet1.xml"));
    EXPECT_CONTAINS(message, QStringLiteral("100 times"));

    // Under 1 MiB nothing is judged: a small, very repetitive part reads.
    const QByteArray repetitive(600 * 1024, ' ');
    const QString small = writeSheet(dir, headerRow + repetitive + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>上海云杉科技</t></is></c></row>)");
    EXPECT_EQ(XlsxReader().read(small).rows.size(), 1);

    // The ratio is a tunable cap.
    XlsxReader::Limits strict;
    strict.compressionRatio = 2;
    strict.ratioAfterBytes = 1024;
    EXPECT_CONTAINS(xlsxRefusal(small, strict), QStringLiteral("2 times"));
}

TEST(XlsxReader, more_than_10000_parts_are_refused)
{
    QTemporaryDir dir;
    QList<Part> many;
    for (int i = 0; i < 10'000; ++i)
        many.append({"docProps/extra" + QByteArray::number(i) + ".xml", "<a/>"});
    const QString path = writeSheet(dir, headerRow, many); // 10,004 parts
    const QString message = xlsxRefusal(path);
    EXPECT_CONTAINS(message, QStringLiteral("test.xlsx"));
    EXPECT_CONTAINS(message, QStringLiteral("10000 parts"));
    XlsxReader::Limits roomy;
    roomy.maxEntries = 20'000;
    EXPECT_TRUE(XlsxReader(roomy).read(path).rows.isEmpty()); // a header only: read, no rows
}

TEST(XlsxReader, part_names_with_dot_dot_an_absolute_path_or_over_1024_bytes_are_refused)
{
    QTemporaryDir dir;
    for (const QByteArray &name : {QByteArray("../../etc/cron.d/evil"), QByteArray("xl/../../evil.xml"), QByteArray("/etc/passwd"),
                                   QByteArray("\\windows\\evil.dll"), QByteArray("C:\\evil.xml"), QByteArray("xl/") + QByteArray(1100, 'a')}) {
        const QString message = xlsxRefusal(writeSheet(dir, headerRow, {{name, "<a/>"}}));
        EXPECT_CONTAINS(message, QStringLiteral("test.xlsx"));
        if (name.size() > 1024)
            EXPECT_CONTAINS(message, QStringLiteral("1024 bytes"));
        else
            EXPECT_CONTAINS(message, QString::fromUtf8(name));
    }
    // A name that merely holds two dots is fine.
    EXPECT_NO_THROW(XlsxReader().read(writeSheet(dir, headerRow, {{"docProps/a..b.xml", "<a/>"}})));
}

TEST(XlsxReader, a_dtd_or_entity_declaration_in_any_part_is_refused_never_expanded)
{
    QTemporaryDir dir;
    const QByteArray laughs = R"(<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">)"
                              R"(<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>)";
    const QByteArray cell = R"(<row r="2"><c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c></row>)";
    QString message = xlsxRefusal(writeSheet(dir, headerRow + cell, {}, laughs));
    EXPECT_CONTAINS(message, QStringLiteral("xl/worksheets/sheet1.xml"));
    EXPECT_CONTAINS(message, QStringLiteral("DTD"));

    const QByteArray external = R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
                                R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>)";
    message = xlsxRefusal(writeSheet(dir, headerRow, {{"xl/sharedStrings.xml", external}}));
    EXPECT_CONTAINS(message, QStringLiteral("xl/sharedStrings.xml"));
    EXPECT_CONTAINS(message, QStringLiteral("DTD"));

    const QString path = dir.filePath(QStringLiteral("workbook-dtd.xlsx"));
    QByteArray workbook = workbookXml;
    workbook.insert(workbook.indexOf("<workbook"), "<!DOCTYPE workbook SYSTEM \"http://example.com/x.dtd\">");
    writePackage(path, {{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", relationshipsXml},
                        {"xl/worksheets/sheet1.xml", sheetXml(headerRow)}});
    message = xlsxRefusal(path);
    EXPECT_CONTAINS(message, QStringLiteral("xl/workbook.xml"));
    EXPECT_CONTAINS(message, QStringLiteral("DTD"));
}

TEST(XlsxReader, shared_string_and_style_indexes_out_of_range_or_negative_are_refused_naming_the_cell)
{
    QTemporaryDir dir;
    const Part strings{"xl/sharedStrings.xml", R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>上海云杉科技</t></si></sst>)"};
    EXPECT_EQ(XlsxReader().read(writeSheet(dir, headerRow + R"(<row r="2"><c r="A2" t="s"><v>0</v></c></row>)", {strings})).rows.first().first(),
              QStringLiteral("上海云杉科技"));
    for (const char *index : {"1", "-1", "99999999999", "x"}) {
        const QString message = xlsxRefusal(writeSheet(dir, headerRow + R"(<row r="7"><c r="B7" t="s"><v>)" + QByteArray(index) + "</v></c></row>", {strings}));
        EXPECT_CONTAINS(message, QStringLiteral("cell B7"));
        EXPECT_CONTAINS(message, QStringLiteral("shared string %1").arg(QLatin1String(index)));
    }
    for (const char *style : {"2", "-1", "x"}) {
        const QString message = xlsxRefusal(writeSheet(dir, headerRow + R"(<row r="3"><c r="A3" s=")" + QByteArray(style) + R"("><v>1</v></c></row>)"));
        EXPECT_CONTAINS(message, QStringLiteral("cell A3"));
        EXPECT_CONTAINS(message, QStringLiteral("style %1").arg(QLatin1String(style)));
    }
    // Style 1 is a date format: the serial number reads as a date.
    EXPECT_EQ(XlsxReader().read(writeSheet(dir, headerRow + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" s="1"><v>45000</v></c></row>)")).rows.first().at(1),
              QStringLiteral("2023-03-15"));
}

TEST(XlsxReader, references_beyond_xfd_or_row_1048576_are_refused)
{
    QTemporaryDir dir;
    for (const QByteArray &row : {QByteArray(R"(<row r="2"><c r="XFE2"><v>1</v></c></row>)"), QByteArray(R"(<row r="2"><c r="AAAA2"><v>1</v></c></row>)"),
                                  QByteArray(R"(<row r="2"><c r="A1048577"><v>1</v></c></row>)"), QByteArray(R"(<row r="2"><c r="A0"><v>1</v></c></row>)"),
                                  QByteArray(R"(<row r="2"><c r="7B"><v>1</v></c></row>)")}) {
        const QString message = xlsxRefusal(writeSheet(dir, headerRow + row));
        EXPECT_CONTAINS(message, QStringLiteral("XFD"));
    }
    for (const QByteArray &row : {QByteArray(R"(<row r="1048577"><c><v>1</v></c></row>)"), QByteArray(R"(<row r="-3"><c><v>1</v></c></row>)")}) {
        const QString message = xlsxRefusal(writeSheet(dir, headerRow + row));
        EXPECT_CONTAINS(message, QStringLiteral("1,048,576"));
    }
    // The last cell of the grid itself is fine.
    const auto table = XlsxReader().read(writeSheet(dir, headerRow + R"(<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>末行</t></is></c></row>)"));
    EXPECT_EQ(table.lines, QList<int>{1048576});
}

TEST(XlsxReader, a_declared_dimension_allocates_nothing_and_gaps_between_cells_are_capped)
{
    QTemporaryDir dir;
    const QByteArray dimension = R"(<dimension ref="A1:XFD1048576"/>)";
    const QString path = dir.filePath(QStringLiteral("dimension.xlsx"));
    QByteArray sheet = sheetXml(headerRow + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>上海云杉科技</t></is></c></row>)");
    sheet.insert(sheet.indexOf("<sheetData>"), dimension);
    writePackage(path, {{"xl/workbook.xml", workbookXml}, {"xl/_rels/workbook.xml.rels", relationshipsXml}, {"xl/worksheets/sheet1.xml", sheet}});
    XlsxReader reader;
    EXPECT_EQ(reader.read(path).rows.size(), 1);
    EXPECT_LE(reader.statistics().cellsHeld, 4);

    // Cells far apart: a header out at XFD and a value at XFD on every row would make each row
    // 16,384 cells. Beyond the allowance of empty cells the sheet is refused.
    QByteArray spread = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="XFD1" t="inlineStr"><is><t>远</t></is></c></row>)";
    for (int row = 2; row < 200; ++row)
        spread += "<row r=\"" + QByteArray::number(row) + "\"><c r=\"XFD" + QByteArray::number(row) + "\"><v>1</v></c></row>";
    XlsxReader::Limits limits;
    limits.gapCells = 100'000;
    const QString message = xlsxRefusal(writeSheet(dir, spread), limits);
    EXPECT_CONTAINS(message, QStringLiteral("100000"));
    EXPECT_CONTAINS(message, QStringLiteral("XFD"));
    // Values right of the last header have no column to go to and are not held.
    XlsxReader narrow;
    const auto table = narrow.read(writeSheet(dir, headerRow + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="XFD2"><v>1</v></c></row>)"));
    EXPECT_EQ(table.rows.first().size(), 1);
    EXPECT_LE(narrow.statistics().cellsHeld, 3);
}

TEST(XlsxReader, a_cell_over_32767_characters_is_refused_naming_the_cell)
{
    QTemporaryDir dir;
    const QByteArray exact(32767, 'x');
    EXPECT_EQ(XlsxReader().read(writeSheet(dir, headerRow + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>)" + exact + "</t></is></c></row>")).rows.first().first().size(),
              32767);
    QString message = xlsxRefusal(writeSheet(dir, headerRow + R"(<row r="7"><c r="B7" t="inlineStr"><is><t>)" + exact + "y</t></is></c></row>"));
    EXPECT_CONTAINS(message, QStringLiteral("cell B7"));
    EXPECT_CONTAINS(message, QStringLiteral("32767"));
    // Split over rich-text runs, and in the shared strings.
    message = xlsxRefusal(writeSheet(dir, headerRow + R"(<row r="3"><c r="A3" t="inlineStr"><is><r><t>)" + exact + "</t></r><r><t>z</t></r></is></c></row>"));
    EXPECT_CONTAINS(message, QStringLiteral("cell A3"));
    message = xlsxRefusal(writeSheet(dir, headerRow, {{"xl/sharedStrings.xml", R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si><t>)" + exact + "yy</t></si></sst>"}}));
    EXPECT_CONTAINS(message, QStringLiteral("shared string 1"));
}

TEST(XlsxReader, a_huge_cell_is_refused_as_soon_as_it_passes_the_limit_not_after_inflating_it)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge-cell.xlsx"));
    QByteArray sheet = sheetXml(headerRow + R"(<row r="2"><c r="B2" t="inlineStr"><is><t>)" + QByteArray(64 * 1024 * 1024, 'x') + "</t></is></c></row>");
    writePackage(path, {{"xl/workbook.xml", workbookXml}, {"xl/_rels/workbook.xml.rels", relationshipsXml}, {"xl/worksheets/sheet1.xml", sheet}});
    sheet.clear();
    XlsxReader::Limits limits;
    limits.compressionRatio = 0; // so that the cell's own limit is what stops it
    XlsxReader reader(limits);
    const QString message = invalidMessage([&] { reader.read(path); });
    EXPECT_CONTAINS(message, QStringLiteral("xl/worksheets/sheet1.xml"));
    EXPECT_CONTAINS(message, QStringLiteral("1 MB"));
    // QXmlStreamReader holds a text whole before it hands it over: XmlTokenLimit cut the stream
    // once the text passed 1 MiB, long before the 64 MiB.
    EXPECT_LT(reader.statistics().sheetInflatedBytes, 8 * 1024 * 1024);

    // The same for a comment and a CDATA section full of < and >, and an attribute value full of >.
    QByteArray filler;
    while (filler.size() < 3 * 1024 * 1024)
        filler += "<x>a</x>>";
    for (const QByteArray &token : {"<!--" + filler + "-->", "<![CDATA[" + filler + "]]>", "<row r=\"2\" spans=\"" + QByteArray(filler).replace('<', '-') + "\"/>"}) {
        const QString text = xlsxRefusal(writeSheet(dir, headerRow + token), limits);
        EXPECT_CONTAINS(text, QStringLiteral("1 MB"));
    }
}

TEST(XlsxReader, broken_packages_are_refused_naming_the_file)
{
    QTemporaryDir dir;
    // Truncated: the first half of a good workbook.
    const QString good = writeSheet(dir, headerRow + twoRows);
    QFile file(good);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    file.close();
    const QString truncated = dir.filePath(QStringLiteral("truncated.xlsx"));
    bizdesk::testing::writeFile(truncated, whole.left(whole.size() / 2));
    EXPECT_CONTAINS(xlsxRefusal(truncated), QStringLiteral("truncated.xlsx"));
    // Corrupt: the sheet's compressed bytes flipped (the central directory still reads).
    QByteArray corrupt = whole;
    const qsizetype sheetAt = corrupt.indexOf("xl/worksheets/sheet1.xml");
    for (qsizetype i = sheetAt + 40; i < sheetAt + 80 && i < corrupt.size(); ++i)
        corrupt[i] = static_cast<char>(corrupt.at(i) ^ 0x5A);
    const QString damaged = dir.filePath(QStringLiteral("corrupt.xlsx"));
    bizdesk::testing::writeFile(damaged, corrupt);
    EXPECT_CONTAINS(xlsxRefusal(damaged), QStringLiteral("corrupt.xlsx"));
    // Not a zip at all.
    const QString text = dir.filePath(QStringLiteral("notes.xlsx"));
    bizdesk::testing::writeFile(text, "客户名称\n上海云杉科技\n");
    EXPECT_CONTAINS(invalidMessage([&] { services::SpreadsheetFile::read(text); }), QStringLiteral("notes.xlsx"));
    // Missing workbook, missing sheet.
    const QString noWorkbook = dir.filePath(QStringLiteral("no-workbook.xlsx"));
    writePackage(noWorkbook, {{"xl/worksheets/sheet1.xml", sheetXml(headerRow)}});
    EXPECT_CONTAINS(xlsxRefusal(noWorkbook), QStringLiteral("xl/workbook.xml"));
    const QString noSheet = dir.filePath(QStringLiteral("no-sheet.xlsx"));
    writePackage(noSheet, {{"xl/workbook.xml", workbookXml}, {"xl/_rels/workbook.xml.rels", relationshipsXml}});
    EXPECT_CONTAINS(xlsxRefusal(noSheet), QStringLiteral("xl/worksheets/sheet1.xml"));
    // A sheet that is not well-formed XML names its line.
    EXPECT_CONTAINS(xlsxRefusal(writeSheet(dir, headerRow + "\n<row><c><v>1</c></row>")), QStringLiteral("line 2"));
}

TEST(XlsxReader, bizdesks_own_largest_export_is_admitted_by_the_caps)
{
    // A customer export of 20,000 rows, as CustomerService::exportTable shapes it (14 columns,
    // unique names, phones, e-mails and addresses); its parts' ratios and the sizes they scale
    // to at 1,048,575 rows must stay inside the default caps.
    QTemporaryDir dir;
    services::ExportTable table;
    using Kind = services::ExportTable::ColumnKind;
    for (const char *title : {"客户名称", "简称", "类别", "阶段", "渠道", "行业", "电话", "邮箱", "地址", "负责人", "备注"})
        table.columns.append({QString::fromUtf8(title), Kind::Text});
    table.columns.append({QStringLiteral("最近联系"), Kind::DateTime});
    table.columns.append({QStringLiteral("客户编码"), Kind::Text});
    table.columns.append({QStringLiteral("网站"), Kind::Text});
    constexpr int rows = 20'000;
    for (int i = 0; i < rows; ++i)
        table.rows.append(QList<QVariant>{QStringLiteral("上海云杉科技%1有限公司").arg(i), QStringLiteral("云杉%1").arg(i), QStringLiteral("重点客户"), QStringLiteral("洽谈"),
                           QStringLiteral("展会营销"), QStringLiteral("制造业"), QStringLiteral("1380%1").arg(1000000 + i * 37), QStringLiteral("c%1@example.com").arg(i),
                           QStringLiteral("上海市浦东新区张江路%1号").arg(i % 3000), QStringLiteral("sales%1").arg(i % 7), QVariant(i % 5 == 0 ? QStringLiteral("老客户，年底回访") : QString()),
                           QDateTime(QDate(2026, 1 + i % 12, 1 + i % 28), QTime(9, 30), Qt::UTC), QStringLiteral("KH%1").arg(i, 6, 10, QLatin1Char('0')),
                           QStringLiteral("www.c%1.cn").arg(i)});
    const QString path = dir.filePath(QStringLiteral("export.xlsx"));
    services::TableExport::writeXlsx(table, path);

    const XlsxReader::Limits caps;
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    ASSERT_NE(zip, nullptr);
    const auto sizes = [&](const char *name) {
        EXPECT_EQ(unzLocateFile(zip, name, 1), UNZ_OK) << name;
        unz_file_info64 info{};
        unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0);
        return std::pair<double, double>(static_cast<double>(info.uncompressed_size), static_cast<double>(info.compressed_size));
    };
    const auto [sheetInflated, sheetCompressed] = sizes("xl/worksheets/sheet1.xml");
    const auto [stringsInflated, stringsCompressed] = sizes("xl/sharedStrings.xml");
    unzClose(zip);
    const double sheetRatio = sheetInflated / sheetCompressed;
    const double stringsRatio = stringsInflated / stringsCompressed;
    std::cout << "export sheet ratio " << sheetRatio << ":1, shared strings " << stringsRatio << ":1\n";
    EXPECT_LT(sheetRatio, caps.compressionRatio / 4.0);
    EXPECT_LT(stringsRatio, caps.compressionRatio / 4.0);
    constexpr double largest = 1'048'575.0;
    EXPECT_LT(sheetInflated / rows * largest, static_cast<double>(caps.sheetBytes));
    EXPECT_LT(stringsInflated / rows * largest, static_cast<double>(caps.sharedStringsBytes));
    // And the file reads back under the default caps.
    const auto read = XlsxReader().read(path);
    EXPECT_EQ(read.rows.size(), rows);
    EXPECT_EQ(read.rows.last().first(), QStringLiteral("上海云杉科技%1有限公司").arg(rows - 1));
}

TEST(CsvReader, nul_bytes_are_refused_naming_the_line)
{
    QByteArray bytes = "Name,Notes\nA,1\nB,";
    bytes.append('\0');
    bytes += "\n";
    const QString message = invalidMessage([&] { CsvReader::parse(bytes, QStringLiteral("auto"), QStringLiteral("nul.csv")); });
    EXPECT_CONTAINS(message, QStringLiteral("nul.csv"));
    EXPECT_CONTAINS(message, QStringLiteral("line 3"));
    EXPECT_CONTAINS(message, QStringLiteral("NUL"));
}

TEST(CsvReader, a_field_over_a_cells_length_or_too_many_fields_rejects_only_its_line)
{
    QByteArray bytes = "Name,Notes\nA,short\nB,\"" + QByteArray(40'000, 'x') + "\"\nC," + QByteArray(40'000, 'y') + "\nD,";
    bytes += QByteArray(20'000, ',') + "\nE,ok\n";
    const auto table = CsvReader::parse(bytes);
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows.at(0).first(), QStringLiteral("A"));
    EXPECT_EQ(table.rows.at(1).first(), QStringLiteral("E"));
    EXPECT_EQ(table.lines, (QList<int>{2, 6}));
    ASSERT_EQ(table.rejected.size(), 3);
    EXPECT_EQ(table.rejected.at(0).line, 3);
    EXPECT_CONTAINS(table.rejected.at(0).error, QStringLiteral("column 2"));
    EXPECT_CONTAINS(table.rejected.at(0).error, QStringLiteral("32767"));
    EXPECT_EQ(table.rejected.at(1).line, 4);
    EXPECT_EQ(table.rejected.at(2).line, 5);
    EXPECT_CONTAINS(table.rejected.at(2).error, QStringLiteral("16384"));
}

TEST(CsvReader, a_line_longer_than_1_mib_without_a_line_feed_is_refused_while_reading)
{
    // A device that hands out an endless line and counts what was taken from it.
    class EndlessLine : public QIODevice
    {
    public:
        qint64 handedOut = 0;
        bool isSequential() const override { return false; }
        bool seek(qint64 position) override
        {
            m_offset = position;
            return QIODevice::seek(position);
        }
    protected:
        qint64 readData(char *data, qint64 maxSize) override
        {
            static const QByteArray header = "Name,Notes\n";
            for (qint64 i = 0; i < maxSize; ++i, ++m_offset)
                data[i] = m_offset < header.size() ? header.at(m_offset) : 'x';
            handedOut += maxSize;
            return maxSize;
        }
        qint64 writeData(const char *, qint64) override { return -1; }
    private:
        qint64 m_offset = 0;
    };
    EndlessLine endless;
    endless.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    const QString message = invalidMessage([&] { CsvReader::parse(endless, QStringLiteral("utf-8"), QStringLiteral("endless.csv")); });
    EXPECT_CONTAINS(message, QStringLiteral("endless.csv"));
    EXPECT_CONTAINS(message, QStringLiteral("line 2"));
    EXPECT_CONTAINS(message, QStringLiteral("1 MB"));
    EXPECT_LE(endless.handedOut, 3 * CsvReader::pieceBytes); // stopped within a piece or two of the cap

    // A long line with its line feed is refused too; one just under the cap is read.
    EXPECT_CONTAINS(invalidMessage([&] { CsvReader::parse("Name\n" + QByteArray(2 * 1024 * 1024, 'x') + "\n"); }), QStringLiteral("line 2"));
    const QByteArray underCap = "Name,Notes\nA," + QByteArray(1000 * 1000, ',') + "\n";
    EXPECT_EQ(CsvReader::parse(underCap).rejected.size(), 1); // read, then rejected for its 1,000,001 fields
}

TEST(CsvReader, an_unterminated_quote_reports_the_line_where_it_opened)
{
    QByteArray bytes = "Name,Notes\nA,1\nB,\"opens here\n";
    for (int i = 0; i < 5000; ++i)
        bytes += "C" + QByteArray::number(i) + ",2\n";
    const QString message = invalidMessage([&] { CsvReader::parse(bytes, QStringLiteral("auto"), QStringLiteral("quote.csv")); });
    EXPECT_CONTAINS(message, QStringLiteral("quote.csv"));
    EXPECT_CONTAINS(message, QStringLiteral("line 3"));
    EXPECT_FALSE(message.contains(QStringLiteral("line 5003"))) << message.toStdString();
}

namespace {

/// Random text of the kinds customer lists hold: ASCII, CJK, characters GB18030 writes in four
/// bytes (emoji, CJK extension B), CR/LF line ends, and now and then a damaged byte.
QByteArray randomText(QRandomGenerator &random, const QString &encoding, bool damaged)
{
    static const QList<char32_t> pool{U'a', U'Z', U'0', U',', U'"', U' ', U'\r', U'\n', U'\n', U'客', U'户', U'名', U'称', U'廣', U'州',
                                      U'€', U'·', U'—', U'ü', U'😀', U'𠀀', U'𪚥', U'\u00A5', U'\uFFE5', U'\u3000', U'\uE000', U'\u9FA5'};
    QStringEncoder encoder(encoding == QLatin1String("gb18030") ? "GB18030" : "UTF-8");
    QByteArray bytes;
    const int characters = random.bounded(1, 400);
    for (int i = 0; i < characters; ++i) {
        const char32_t c = pool.at(random.bounded(static_cast<int>(pool.size())));
        bytes += encoder(QString::fromUcs4(&c, 1));
        if (damaged && random.bounded(40) == 0)
            bytes += static_cast<char>(random.bounded(0x80, 0x100)); // a stray lead or trail byte
    }
    return bytes;
}

/// What decode() gives in one piece, rebuilt from LineDecoder fed `bytes` in random pieces.
TextDecoding::Result decodeInPieces(const QByteArray &bytes, const QString &encoding, QRandomGenerator &random)
{
    TextDecoding::LineDecoder decoder(encoding);
    TextDecoding::Result result;
    result.encoding = encoding;
    const auto take = [&](const QList<TextDecoding::Line> &lines) {
        for (const auto &line : lines) {
            result.text += line.text;
            if (line.terminated)
                result.text += QLatin1Char('\n');
            if (line.bad)
                result.badLines << line.number;
        }
    };
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype piece = std::min<qsizetype>(random.bounded(1, 9), bytes.size() - at);
        take(decoder.feed(QByteArrayView(bytes).sliced(at, piece)));
        at += piece;
    }
    take(decoder.finish());
    return result;
}

/// glibc's iconv from `from` to UTF-8; nullopt when it refuses the bytes.
std::optional<QString> iconvDecode(const char *from, const QByteArray &bytes)
{
    iconv_t converter = iconv_open("UTF-8", from);
    if (converter == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    QByteArray out(bytes.size() * 4 + 16, '\0');
    char *in = const_cast<char *>(bytes.constData());
    size_t inLeft = static_cast<size_t>(bytes.size());
    char *outPointer = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    const size_t done = iconv(converter, &in, &inLeft, &outPointer, &outLeft);
    iconv_close(converter);
    if (done == static_cast<size_t>(-1) || inLeft != 0)
        return std::nullopt;
    out.truncate(out.size() - static_cast<qsizetype>(outLeft));
    return QString::fromUtf8(out);
}

/// Where glibc's GB18030 table and ICU's (which Qt uses) are known to differ: the 2005 / 2022
/// revisions moved these between the private use area and their standard code points.
bool knownGlibcIcuDifference(unsigned code)
{
    static const std::vector<std::pair<unsigned, unsigned>> gbCodes{
        {0xA6D9, 0xA6DF}, {0xA6EC, 0xA6ED}, {0xA6F3, 0xA6F3}, {0xFE51, 0xFE53}, {0xFE59, 0xFE59}, {0xFE61, 0xFE61},
        {0xFE66, 0xFE67}, {0xFE6C, 0xFE6D}, {0xFE76, 0xFE76}, {0xFE7E, 0xFE7E}, {0xFE90, 0xFE91}, {0xFEA0, 0xFEA0}};
    return std::any_of(gbCodes.begin(), gbCodes.end(), [code](const auto &range) { return code >= range.first && code <= range.second; });
}

bool knownGlibcIcuDifferenceCodePoint(char32_t c)
{
    return (c >= 0x9FB4 && c <= 0x9FBB) || (c >= 0xFE10 && c <= 0xFE19);
}

} // namespace

TEST(TextDecoding, decoding_in_pieces_equals_decoding_in_one_piece_over_many_random_inputs)
{
    QRandomGenerator random(20261202);
    for (const QString &encoding : {QStringLiteral("utf-8"), QStringLiteral("gb18030")}) {
        for (int round = 0; round < 3000; ++round) {
            const QByteArray bytes = randomText(random, encoding, round % 3 == 0);
            const TextDecoding::Result whole = TextDecoding::decode(bytes, encoding);
            const TextDecoding::Result pieces = decodeInPieces(bytes, encoding, random);
            ASSERT_EQ(pieces.text, whole.text) << encoding.toStdString() << " round " << round << ": " << bytes.toHex().toStdString();
            ASSERT_EQ(pieces.badLines, whole.badLines) << encoding.toStdString() << " round " << round << ": " << bytes.toHex().toStdString();
        }
    }
    // A character split across the pieces the CSV reader reads (1 MiB) reads whole: 客 starts
    // one byte before the first piece ends.
    QByteArray file = "Name\n";
    while (file.size() + 1000 <= CsvReader::pieceBytes - 1)
        file += QByteArray(999, 'a') + "\n";
    file += QByteArray(CsvReader::pieceBytes - 1 - file.size(), 'b');
    ASSERT_EQ(file.size(), CsvReader::pieceBytes - 1);
    file += QStringLiteral("客户\n").toUtf8();
    const auto table = CsvReader::parse(file);
    EXPECT_TRUE(table.rejected.isEmpty());
    EXPECT_EQ(table.encoding, QStringLiteral("utf-8"));
    EXPECT_TRUE(table.rows.last().first().endsWith(QStringLiteral("b客户")));
}

TEST(TextDecoding, valid_gb18030_and_utf8_decode_as_glibc_iconv_does_except_where_glibc_and_icu_are_known_to_differ)
{
    if (!iconvDecode("GB18030", "a"))
        GTEST_SKIP() << "glibc has no GB18030 converter here";
    QStringList differences;
    int knownDifferences = 0;
    // Every two-byte code.
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
        for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
            if (trail == 0x7F)
                continue;
            const char pair[] = {static_cast<char>(lead), static_cast<char>(trail)};
            const QByteArray bytes(pair, 2);
            const auto expected = iconvDecode("GB18030", bytes);
            if (!expected)
                continue; // not a valid code for glibc: not "valid text"
            const TextDecoding::Result ours = TextDecoding::decode(bytes, QStringLiteral("gb18030"));
            const unsigned code = lead << 8 | trail;
            const bool differs = !ours.badLines.isEmpty() || ours.text != *expected;
            knownDifferences += differs && knownGlibcIcuDifference(code) ? 1 : 0;
            if (differs && !knownGlibcIcuDifference(code))
                differences << QStringLiteral("%1: glibc U+%2, BizDesk U+%3").arg(code, 4, 16).arg(expected->isEmpty() ? 0u : expected->toUcs4().first(), 4, 16)
                                   .arg(ours.text.isEmpty() ? 0u : ours.text.toUcs4().first(), 4, 16);
        }
    }
    // Every four-byte code of the BMP, and a sample of the supplementary planes.
    QRandomGenerator random(18030);
    const auto fourBytes = [](unsigned linear) {
        const char bytes[] = {static_cast<char>(0x81 + linear / 12600), static_cast<char>(0x30 + linear / 1260 % 10),
                              static_cast<char>(0x81 + linear / 10 % 126), static_cast<char>(0x30 + linear % 10)};
        return QByteArray(bytes, 4);
    };
    std::vector<unsigned> linears;
    for (unsigned linear = 0; linear < 39420; ++linear)
        linears.push_back(linear);
    for (int i = 0; i < 4000; ++i)
        linears.push_back(189000 + random.bounded(1048576u)); // 0x90308130 onwards: U+10000…
    for (const unsigned linear : linears) {
        // After a letter: glibc drops 84 31 95 33 (U+FEFF) at the very start as a byte order mark.
        const QByteArray bytes = "a" + fourBytes(linear);
        const auto expected = iconvDecode("GB18030", bytes);
        if (!expected)
            continue;
        const TextDecoding::Result ours = TextDecoding::decode(bytes, QStringLiteral("gb18030"));
        const char32_t glibc = expected->size() < 2 ? 0 : expected->toUcs4().last();
        if ((!ours.badLines.isEmpty() || ours.text != *expected) && !knownGlibcIcuDifferenceCodePoint(glibc)
            && !knownGlibcIcuDifferenceCodePoint(ours.text.size() < 2 ? 0 : ours.text.toUcs4().last()))
            differences << QStringLiteral("%1: glibc U+%2, BizDesk %3").arg(QString::fromLatin1(bytes.toHex())).arg(glibc, 4, 16).arg(QString::fromLatin1(ours.text.toUtf8().toHex()));
    }
    // The listed codes are real differences, not a list gone stale.
    std::cout << knownDifferences << " two-byte codes decode differently in glibc and ICU, as listed\n";
    EXPECT_GT(knownDifferences, 0);
    EXPECT_TRUE(differences.isEmpty()) << differences.size() << " differences, first: " << differences.mid(0, 20).join(QStringLiteral("; ")).toStdString();

    // UTF-8: random valid text decodes as glibc decodes it.
    for (int round = 0; round < 2000; ++round) {
        QString text;
        for (int i = random.bounded(1, 60); i > 0; --i) {
            char32_t c = random.bounded(0x110000u);
            if (c >= 0xD800 && c <= 0xDFFF)
                c = U'x';
            text += QString::fromUcs4(&c, 1);
        }
        const QByteArray bytes = text.toUtf8();
        const auto expected = iconvDecode("UTF-8", bytes);
        ASSERT_TRUE(expected.has_value());
        ASSERT_EQ(TextDecoding::decode(bytes, QStringLiteral("utf-8")).text, *expected) << bytes.toHex().toStdString();
    }
}
