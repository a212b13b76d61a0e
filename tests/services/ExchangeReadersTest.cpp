// The general readers in services/exchange: strict encoding detection with per-line rejections
// (CsvReader, TextDecoding) and the streaming .xlsx reader with its caps (XlsxReader, ZipReader).
#include "domain/Error.h"
#include "services/exchange/CsvReader.h"
#include "services/exchange/SpreadsheetFile.h"
#include "services/exchange/XlsxReader.h"
#include "services/exchange/ZipReader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <minizip/zip.h>

#include <functional>

using namespace bizdesk;
using services::CsvReader;
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

    XlsxReader reader;
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
