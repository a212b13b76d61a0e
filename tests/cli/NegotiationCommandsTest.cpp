// Negotiations (§4) through bizdeskctl: a whole workflow as cli.md writes it, the JSON of
// `negotiation show`, every bad input the issue lists (refused, nothing written), the summary PDF
// for the team and for other readers, and `contract draft --negotiation`.
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int status = 0;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonObject error() const { return QJsonDocument::fromJson(err.toUtf8()).object()[u"error"_s].toObject(); }
};

class NegotiationCommandsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_scratch = std::make_unique<bizdesk::testing::ScratchDatabase>(bizdesk::testing::Backend::Sqlite);
        {
            auto database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::CreateIfMissing);
            storage::Migrator::migrate(*database);
            bizdesk::testing::TestOrganisation organisation(*database);
        }
        m_cli = std::make_unique<bizdesk::testing::CliHarness>(m_scratch->location()); // now: 2026-11-02T09:00Z
        const Outcome customer = run(u"manager1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"华东精密制造有限公司"_s, u"--owner"_s, u"pool"_s});
        ASSERT_EQ(customer.status, 0) << customer.err.toStdString();
        m_customer = QString::number(customer.json()[u"id"_s].toInteger());
    }

    Outcome run(const QString &login, const QStringList &arguments)
    {
        const bizdesk::testing::CliResult result = m_cli->runAs(login, QStringList{u"--json"_s} + arguments);
        return Outcome{result.exitCode, result.out, result.err};
    }
    Outcome ok(const QString &login, const QStringList &arguments)
    {
        const Outcome outcome = run(login, arguments);
        EXPECT_EQ(outcome.status, 0) << arguments.join(u' ').toStdString() << ": " << outcome.err.toStdString();
        return outcome;
    }
    QString open()
    {
        const Outcome opened = ok(u"manager1"_s, {u"negotiation"_s, u"open"_s, u"--customer"_s, m_customer, u"--title"_s, u"2027 年度设备框架协议"_s,
                                                  u"--goal"_s, u"三年框架"_s, u"--bottom-line"_s, u"950000"_s, u"--target"_s, u"1200000"_s,
                                                  u"--anchor"_s, u"1300000"_s, u"--batna"_s, u"转向华南客户"_s, u"--batna-value"_s, u"900000"_s,
                                                  u"--planned-end"_s, u"2026-11-30"_s, u"--importance"_s, u"high"_s});
        EXPECT_EQ(opened.json()[u"stage"_s].toString(), u"preparation"_s);
        return QString::number(opened.json()[u"id"_s].toInteger());
    }
    qint64 rows(const QString &table)
    {
        auto database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
        return storage::SqlQuery(*database, u"SELECT count(*) FROM "_s + table).scalar().toLongLong();
    }
    QString pdfText(const QString &pdf)
    {
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s});
        EXPECT_TRUE(pdftotext.waitForFinished(20000));
        return QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    }
    /// Opened, staffed and moved to bargaining with an estimate and converging offers.
    QString bargaining()
    {
        const QString id = open();
        ok(u"manager1"_s, {u"negotiation"_s, u"member"_s, id, u"sales1"_s, u"--role"_s, u"member"_s, u"--duties"_s, u"技术答疑"_s});
        for (const QString &stage : {u"opening"_s, u"probing"_s})
            ok(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, stage});
        ok(u"sales1"_s, {u"negotiation"_s, u"estimate"_s, id, u"--low"_s, u"900000"_s, u"--high"_s, u"1100000"_s, u"--source"_s, u"采购经理"_s});
        ok(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"quoting"_s});
        ok(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"1300000"_s, u"--date"_s, u"2026-11-03"_s});
        ok(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"theirs"_s, u"--amount"_s, u"850000"_s, u"--date"_s, u"2026-11-04"_s});
        ok(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"1200000"_s, u"--date"_s, u"2026-11-05"_s});
        ok(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"1100000.5"_s, u"--date"_s, u"2026-11-06"_s,
                         u"--got"_s, u"预付 30%"_s});
        ok(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"bargaining"_s});
        ok(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"theirs"_s, u"--amount"_s, u"1080000"_s, u"--date"_s, u"2026-11-07"_s});
        ok(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"1080000"_s, u"--date"_s, u"2026-11-08"_s,
                         u"--got"_s, u"三年框架"_s});
        ok(u"manager1"_s, {u"negotiation"_s, u"term"_s, id, u"price"_s, u"--ours"_s, u"108 万元，含税"_s, u"--status"_s, u"agreed"_s});
        return id;
    }

    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    std::unique_ptr<bizdesk::testing::CliHarness> m_cli;
    QString m_customer;
};

} // namespace

TEST_F(NegotiationCommandsTest, show_json_holds_the_zone_concessions_and_amounts_as_two_decimal_strings)
{
    const QString id = bargaining();
    const QJsonObject shown = ok(u"manager1"_s, {u"negotiation"_s, u"show"_s, id}).json();
    EXPECT_EQ(shown[u"stage"_s].toString(), u"bargaining"_s);
    EXPECT_EQ(shown[u"bottom_line"_s].toString(), u"950000.00"_s);
    EXPECT_EQ(shown[u"zopa"_s].toObject()[u"low"_s].toString(), u"950000.00"_s);
    EXPECT_EQ(shown[u"zopa"_s].toObject()[u"high"_s].toString(), u"1100000.00"_s);
    const QJsonArray offers = shown[u"offers"_s].toArray();
    ASSERT_EQ(offers.size(), 6);
    EXPECT_EQ(offers[3].toObject()[u"amount"_s].toString(), u"1100000.50"_s);
    const QJsonArray concessions = shown[u"concessions"_s].toArray();
    ASSERT_EQ(concessions.size(), 3);
    EXPECT_EQ(concessions[0].toObject()[u"amount"_s].toString(), u"100000.00"_s);
    EXPECT_EQ(concessions[0].toObject()[u"flags"_s].toArray(), QJsonArray{u"nothing_in_return"_s});
    EXPECT_EQ(concessions[1].toObject()[u"amount"_s].toString(), u"99999.50"_s);
    EXPECT_EQ(concessions[2].toObject()[u"got"_s].toString(), u"三年框架"_s);
    EXPECT_TRUE(concessions[1].toObject()[u"flags"_s].toArray().isEmpty());
    EXPECT_EQ(shown[u"team"_s].toArray().size(), 2);
    EXPECT_EQ(shown[u"terms"_s].toArray()[0].toObject()[u"status"_s].toString(), u"agreed"_s);
    EXPECT_EQ(shown[u"history"_s].toArray().size(), 4) << "opening, probing, quoting, bargaining";
    EXPECT_FALSE(shown[u"closed"_s].toBool());

    // No zone on the current estimates: zopa is null.
    ok(u"sales1"_s, {u"negotiation"_s, u"estimate"_s, id, u"--low"_s, u"800000"_s, u"--high"_s, u"900000"_s});
    EXPECT_TRUE(ok(u"manager1"_s, {u"negotiation"_s, u"show"_s, id}).json()[u"zopa"_s].isNull());

    // Someone outside the team who may see the customer: the record without the figures.
    const QJsonObject other = ok(u"sales2"_s, {u"negotiation"_s, u"show"_s, id}).json();
    EXPECT_EQ(other[u"offers"_s].toArray().size(), 6);
    for (const QString &key : {u"bottom_line"_s, u"batna"_s, u"estimates"_s, u"zopa"_s, u"gap_to_zone"_s})
        EXPECT_FALSE(other.contains(key)) << key.toStdString();
    const Outcome figures = run(u"sales2"_s, {u"negotiation"_s, u"figures"_s, id});
    EXPECT_EQ(figures.status, 3);
    EXPECT_EQ(ok(u"director"_s, {u"negotiation"_s, u"figures"_s, id}).json()[u"bottom_line"_s].toString(), u"950000.00"_s);

    const QJsonArray listed = QJsonDocument::fromJson(ok(u"sales1"_s, {u"negotiation"_s, u"list"_s, u"--mine"_s, u"--stage"_s, u"bargaining"_s,
                                                                       u"--importance"_s, u"high"_s, u"--customer"_s, m_customer})
                                                          .out.toUtf8())
                                  .array();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject()[u"latest_amount"_s].toString(), u"1080000.00"_s);
    EXPECT_TRUE(QJsonDocument::fromJson(run(u"sales2"_s, {u"negotiation"_s, u"list"_s, u"--mine"_s}).out.toUtf8()).array().isEmpty());
    EXPECT_TRUE(QJsonDocument::fromJson(run(u"sales1"_s, {u"negotiation"_s, u"list"_s, u"--importance"_s, u"low"_s}).out.toUtf8()).array().isEmpty());
}

TEST_F(NegotiationCommandsTest, every_bad_input_is_refused_and_nothing_is_written)
{
    const QString id = bargaining();
    const qint64 offers = rows(u"negotiation_offers"_s);
    const qint64 audit = rows(u"audit_log WHERE entity_kind = 'negotiation'"_s);
    const auto refused = [&](const QString &login, const QStringList &arguments, int status) {
        const Outcome outcome = run(login, arguments);
        EXPECT_EQ(outcome.status, status) << arguments.join(u' ').toStdString() << ": " << outcome.err.toStdString();
        EXPECT_FALSE(outcome.error()[u"message"_s].toString().isEmpty());
        return outcome;
    };
    refused(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"-1"_s}, 2);
    refused(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"1000000.123"_s}, 2);
    refused(u"manager1"_s, {u"negotiation"_s, u"member"_s, id, u"nobody"_s, u"--role"_s, u"member"_s}, 5);
    refused(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"opening"_s}, 4);
    refused(u"sales1"_s, {u"negotiation"_s, u"estimate"_s, id, u"--low"_s, u"2"_s, u"--high"_s, u"1"_s}, 2);
    refused(u"sales2"_s, {u"negotiation"_s, u"figures"_s, id}, 3);
    const Outcome past = refused(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"900000"_s}, 3);
    EXPECT_EQ(past.error()[u"clause"_s].toString(), u"4.3.3"_s);
    refused(u"manager1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"900000"_s}, 3);
    refused(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"consensus"_s, u"--version"_s, u"1"_s}, 4); // stale version
    EXPECT_EQ(rows(u"negotiation_offers"_s), offers);
    EXPECT_EQ(rows(u"audit_log WHERE entity_kind = 'negotiation'"_s), audit);

    // Opening without a lead.
    const QString second = open();
    ok(u"manager1"_s, {u"negotiation"_s, u"member"_s, second, u"manager1"_s, u"--role"_s, u"member"_s});
    const Outcome noLead = refused(u"director"_s, {u"negotiation"_s, u"stage"_s, second, u"opening"_s}, 2);
    EXPECT_EQ(noLead.error()[u"clause"_s].toString(), u"4.1.1"_s);

    // After consensus: offers and stage changes are exit 4; empty summary sections on submit are refused.
    ok(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"consensus"_s});
    refused(u"sales1"_s, {u"negotiation"_s, u"offer"_s, id, u"--side"_s, u"ours"_s, u"--amount"_s, u"1000000"_s}, 4);
    refused(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"no_deal"_s}, 4);
    refused(u"manager1"_s, {u"negotiation"_s, u"summary-submit"_s, id}, 2);
    EXPECT_FALSE(ok(u"manager1"_s, {u"negotiation"_s, u"show"_s, id}).json()[u"closed"_s].toBool());
}

TEST_F(NegotiationCommandsTest, summary_report_contract_draft_and_acknowledgement)
{
    const QString id = bargaining();
    QTemporaryDir folder;
    const QString early = folder.filePath(u"early.pdf"_s);
    EXPECT_EQ(run(u"manager1"_s, {u"negotiation"_s, u"summary"_s, id, u"--out"_s, early}).status, 4);
    ok(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"consensus"_s, u"--note"_s, u"签署意向书"_s});

    const Outcome contract = ok(u"manager1"_s, {u"contract"_s, u"draft"_s, u"--negotiation"_s, id});
    const QJsonObject drafted = ok(u"manager1"_s, {u"contract"_s, u"show"_s, QString::number(contract.json()[u"id"_s].toInteger())}).json();
    EXPECT_EQ(drafted[u"amount"_s].toString(), u"1080000.00"_s);
    EXPECT_EQ(drafted[u"customer_id"_s].toInteger(), m_customer.toLongLong());
    EXPECT_EQ(drafted[u"clauses"_s].toObject()[u"price"_s].toString(), u"108 万元，含税"_s);

    ASSERT_EQ(run(u"admin"_s, {u"company"_s, u"set"_s, u"--name"_s, u"北京示例商贸有限公司"_s}).status, 0);
    const QString pdf = folder.filePath(u"summary.pdf"_s);
    EXPECT_TRUE(ok(u"manager1"_s, {u"negotiation"_s, u"summary"_s, id, u"--out"_s, pdf}).json()[u"confidential"_s].toBool());
    const QString team = pdfText(pdf);
    EXPECT_TRUE(team.contains(u"Negotiation Summary Report"_s)) << team.toStdString();
    EXPECT_TRUE(team.contains(u"北京示例商贸有限公司"_s));
    EXPECT_TRUE(team.contains(u"1,080,000.00"_s)) << "the agreed amount is the latest offer";
    EXPECT_TRUE(team.contains(u"Our bottom line"_s));
    EXPECT_TRUE(team.contains(u"950,000.00"_s));
    EXPECT_TRUE(team.contains(u"page 1 / "_s)) << "page numbers";
    const QString otherPdf = folder.filePath(u"other.pdf"_s);
    EXPECT_FALSE(ok(u"sales2"_s, {u"negotiation"_s, u"summary"_s, id, u"--out"_s, otherPdf}).json()[u"confidential"_s].toBool());
    const QString other = pdfText(otherPdf);
    EXPECT_TRUE(other.contains(u"1,080,000.00"_s));
    EXPECT_FALSE(other.contains(u"Our bottom line"_s)) << other.toStdString();
    EXPECT_FALSE(other.contains(u"950,000.00"_s));

    const QString memorandum = folder.filePath(u"memorandum.pdf"_s);
    ok(u"manager1"_s, {u"negotiation"_s, u"memorandum"_s, id, u"--out"_s, memorandum});
    const QString letter = pdfText(memorandum);
    EXPECT_TRUE(letter.contains(u"Memorandum of Understanding"_s)) << letter.toStdString();
    EXPECT_TRUE(letter.contains(u"华东精密制造有限公司"_s));
    EXPECT_TRUE(letter.contains(u"108 万元"_s)) << "the agreed price term (NFKC folds its full-width comma)";
    EXPECT_TRUE(letter.contains(u"1,080,000.00"_s));

    QStringList sections{u"negotiation"_s, u"summary-edit"_s, id};
    for (const QString &section : {u"background"_s, u"goal-attainment"_s, u"process-review"_s, u"disagreements"_s, u"lessons"_s})
        sections << u"--"_s + section << u"已审阅："_s + section;
    ok(u"manager1"_s, sections);
    const QJsonObject submitted = ok(u"manager1"_s, {u"negotiation"_s, u"summary-submit"_s, id, u"--to"_s, u"财务部"_s}).json();
    EXPECT_TRUE(submitted[u"closed"_s].toBool());
    EXPECT_EQ(submitted[u"recipients"_s].toArray().size(), 2);
    EXPECT_EQ(run(u"manager1"_s, {u"negotiation"_s, u"stage"_s, id, u"no_deal"_s}).status, 4);
    ok(u"finance"_s, {u"negotiation"_s, u"acknowledge"_s, id});
    EXPECT_EQ(run(u"finance"_s, {u"negotiation"_s, u"acknowledge"_s, id}).status, 4);
    const QJsonArray outcomes = QJsonDocument::fromJson(ok(u"director"_s, {u"negotiation"_s, u"outcomes"_s}).out.toUtf8()).array();
    ASSERT_EQ(outcomes.size(), 1);
    EXPECT_EQ(outcomes[0].toObject()[u"capture"_s].toString(), u"86.7%"_s);
}

TEST_F(NegotiationCommandsTest, a_material_file_goes_in_with_its_hash_and_comes_back_checked)
{
    const QString id = open();
    QTemporaryDir files;
    const QString in = files.filePath(u"行业趋势.txt"_s);
    const QByteArray content = "2027 年工业设备需求预计增长 8%。"_ba;
    {
        QFile file(in);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QJsonObject shown = ok(u"manager1"_s, {u"negotiation"_s, u"material"_s, id, u"--kind"_s, u"industry"_s, u"--file"_s, in}).json();
    const QJsonObject material = shown[u"materials"_s].toArray().first().toObject();
    EXPECT_EQ(material[u"note"_s].toString(), u"行业趋势.txt"_s);
    EXPECT_EQ(material[u"file"_s].toObject()[u"size"_s].toInteger(), content.size());
    const QString out = files.filePath(u"copy.txt"_s);
    const QJsonObject saved = ok(u"sales2"_s, {u"negotiation"_s, u"material-file"_s, QString::number(material[u"id"_s].toInteger()), u"--out"_s, out}).json();
    EXPECT_EQ(saved[u"sha256"_s].toString(), material[u"file"_s].toObject()[u"sha256"_s].toString());
    QFile copy(out);
    ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
    EXPECT_EQ(copy.readAll(), content);

    // A material with neither a note nor a file, or a file that is not there: exit 2, nothing written.
    EXPECT_EQ(run(u"manager1"_s, {u"negotiation"_s, u"material"_s, id, u"--kind"_s, u"industry"_s}).status, 2);
    const Outcome missing = run(u"manager1"_s, {u"negotiation"_s, u"material"_s, id, u"--kind"_s, u"laws"_s, u"--file"_s, files.filePath(u"none.pdf"_s)});
    EXPECT_EQ(missing.status, 2);
    EXPECT_EQ(missing.error()[u"field"_s].toString(), u"FILE"_s) << missing.err.toStdString();
    EXPECT_EQ(rows(u"negotiation_materials"_s), 1);
    // Finance does not see the negotiation, so the file does not exist for it (exit 5).
    EXPECT_EQ(run(u"finance"_s, {u"negotiation"_s, u"material-file"_s, QString::number(material[u"id"_s].toInteger()), u"--out"_s, out}).status, 5);
}
