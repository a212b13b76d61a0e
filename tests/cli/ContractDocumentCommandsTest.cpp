// `contract form` (合同审批单) and `report contracts` (合同台账) through bizdeskctl: what the
// printed pages say (pdftotext), the three file formats, and bad input.
#include "services/exchange/SpreadsheetFile.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "support/CliHarness.h"
#include "support/PdfText.h"
#include "support/TestDatabase.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
};

class ContractDocumentCommandsTest : public ::testing::Test
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
        const Outcome customer = run(u"manager1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"华东精密制造有限公司"_s});
        ASSERT_EQ(customer.status, 0) << customer.err.toStdString();
        m_customer = QString::number(customer.json()[u"id"_s].toInteger());
        ASSERT_EQ(run(u"admin"_s, {u"company"_s, u"set"_s, u"--name"_s, u"北京示例商贸有限公司"_s}).status, 0);
    }

    Outcome run(const QString &login, const QStringList &arguments)
    {
        const bizdesk::testing::CliResult result = m_cli->runAs(login, QStringList{u"--json"_s} + arguments);
        return Outcome{result.exitCode, result.out, result.err};
    }

    /// Drafted with every clause and submitted; legal has approved with `comment`.
    QString underFinanceReview(const QString &amount)
    {
        const Outcome drafted = run(u"manager1"_s, {u"contract"_s, u"draft"_s, u"--customer"_s, m_customer, u"--title"_s,
                                                    u"ERP 实施服务合同"_s, u"--amount"_s, amount, u"--owner"_s, u"sales1"_s,
                                                    u"--start"_s, u"2026-12-01"_s, u"--end"_s, u"2027-11-30"_s});
        EXPECT_EQ(drafted.status, 0) << drafted.err.toStdString();
        const QString id = QString::number(drafted.json()[u"id"_s].toInteger());
        for (const QString &clause : {u"obligations"_s, u"specification"_s, u"price"_s, u"delivery"_s, u"acceptance"_s, u"payment"_s, u"breach"_s})
            EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, id, clause, u"条款："_s + clause}).status, 0);
        EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"submit"_s, id}).status, 0);
        EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"approve"_s, id, u"--comment"_s, u"条款齐全"_s}).status, 0);
        return id;
    }

    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    std::unique_ptr<bizdesk::testing::CliHarness> m_cli;
    QString m_customer;
    QTemporaryDir m_folder;
};

} // namespace

TEST_F(ContractDocumentCommandsTest, the_approval_sheet_prints_the_contract_the_steps_and_signature_cells)
{
    const QString id = underFinanceReview(u"1234567.8"_s);
    const QString pdf = m_folder.filePath(u"sheet.pdf"_s);
    const Outcome form = run(u"finance"_s, {u"contract"_s, u"form"_s, id, u"--out"_s, pdf});
    ASSERT_EQ(form.status, 0) << form.err.toStdString();
    EXPECT_EQ(form.json()[u"number"_s].toString(), u"HT-2026-0001"_s);
    const QString content = bizdesk::testing::pdfText(pdf);
    EXPECT_TRUE(content.contains(u"北京示例商贸有限公司"_s)) << content.toStdString();
    EXPECT_TRUE(content.contains(u"Contract Approval Sheet"_s));
    EXPECT_TRUE(content.contains(u"HT-2026-0001"_s));
    EXPECT_TRUE(content.contains(u"华东精密制造有限公司"_s));
    EXPECT_TRUE(content.contains(u"ERP 实施服务合同"_s));
    EXPECT_TRUE(content.contains(u"¥1,234,567.80"_s)) << "figures with thousands separators";
    EXPECT_TRUE(content.contains(u"人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整"_s)) << "and in capitals";
    EXPECT_TRUE(content.contains(u"Legal review"_s));
    EXPECT_TRUE(content.contains(u"周律师"_s));
    EXPECT_TRUE(content.contains(u"条款齐全"_s)) << "legal's comment";
    EXPECT_TRUE(content.contains(u"2026-11-02"_s)) << "the date of the decision";
    EXPECT_TRUE(content.contains(u"Waiting"_s)) << "finance's step is open";
    EXPECT_TRUE(content.contains(u"Executive approval"_s)) << "above 500,000 the route goes to the executives";
    EXPECT_TRUE(content.contains(u"Signature and date"_s)) << "the drafter signs too";
    EXPECT_TRUE(content.contains(u"page 1 / 1"_s));

    EXPECT_EQ(run(u"finance"_s, {u"contract"_s, u"form"_s, id, u"--out"_s, m_folder.filePath(u"sheet.txt"_s)}).status, 2);
    EXPECT_EQ(run(u"sales2"_s, {u"contract"_s, u"form"_s, id, u"--out"_s, m_folder.filePath(u"x.pdf"_s)}).status, 5)
        << "a contract the user may not see does not exist for them";
    EXPECT_FALSE(QFileInfo::exists(m_folder.filePath(u"x.pdf"_s)));
}

TEST_F(ContractDocumentCommandsTest, the_ledger_is_written_as_pdf_xlsx_and_csv_with_its_totals)
{
    const QString id = underFinanceReview(u"120000"_s);
    ASSERT_EQ(run(u"finance"_s, {u"contract"_s, u"approve"_s, id}).status, 0);
    ASSERT_EQ(run(u"director"_s, {u"contract"_s, u"approve"_s, id}).status, 0);
    const Outcome signed_ = run(u"manager1"_s, {u"contract"_s, u"sign"_s, id, u"--date"_s, u"2026-10-30"_s, u"--our-signatory"_s,
                                                u"director"_s, u"--their-signatory"_s, u"王总"_s});
    ASSERT_EQ(signed_.status, 0) << signed_.err.toStdString();
    ASSERT_EQ(run(u"manager1"_s, {u"contract"_s, u"receivable"_s, id, u"--due"_s, u"2026-10-31"_s, u"--amount"_s, u"40000"_s}).status, 0);
    ASSERT_EQ(run(u"finance"_s, {u"contract"_s, u"payment"_s, id, u"--date"_s, u"2026-11-01"_s, u"--amount"_s, u"15000.5"_s}).status, 0);

    for (const QString &ext : {u"pdf"_s, u"xlsx"_s, u"csv"_s}) {
        const QString out = m_folder.filePath(u"ledger."_s + ext);
        const Outcome report = run(u"director"_s, {u"report"_s, u"contracts"_s, u"--period"_s, u"2026-Q4"_s, u"--out"_s, out});
        ASSERT_EQ(report.status, 0) << report.err.toStdString();
        const QJsonObject json = report.json();
        EXPECT_EQ(json[u"contracts"_s].toInt(), 1);
        EXPECT_EQ(json[u"amount"_s].toString(), u"120000.00"_s);
        EXPECT_EQ(json[u"received"_s].toString(), u"15000.50"_s);
        EXPECT_EQ(json[u"outstanding"_s].toString(), u"104999.50"_s);
        EXPECT_EQ(json[u"overdue"_s].toString(), u"40000.00"_s) << "due 10-31, nothing paid against the installment";
        EXPECT_EQ(json[u"lines"_s].toArray().at(0).toObject()[u"number"_s].toString(), u"HT-2026-0001"_s);
        EXPECT_EQ(QFileInfo(json[u"out"_s].toString()), QFileInfo(out));
    }
    const QString pdf = bizdesk::testing::pdfText(m_folder.filePath(u"ledger.pdf"_s));
    EXPECT_TRUE(pdf.contains(u"Contract ledger 2026-Q4"_s)) << pdf.toStdString();
    EXPECT_TRUE(pdf.contains(u"HT-2026-0001"_s));
    EXPECT_TRUE(pdf.contains(u"北京示例商贸有限公司"_s)) << "the company heads the pages";
    EXPECT_TRUE(pdf.contains(u"华东精密"_s)) << "the customer (its name may wrap in the column)";
    EXPECT_TRUE(pdf.contains(u"120,000.00"_s));
    EXPECT_TRUE(pdf.contains(u"104,999.50"_s));
    EXPECT_TRUE(pdf.contains(u"2026-10-30"_s)) << "the signing date";
    EXPECT_TRUE(pdf.contains(u"Total"_s));
    EXPECT_TRUE(pdf.contains(u"page 1 / 1"_s));

    for (const QString &ext : {u"xlsx"_s, u"csv"_s}) {
        const services::ImportTable table = services::SpreadsheetFile::read(m_folder.filePath(u"ledger."_s + ext));
        ASSERT_EQ(table.headers.size(), 12) << ext.toStdString();
        EXPECT_EQ(table.headers.first(), u"Number"_s);
        EXPECT_EQ(table.headers.last(), u"Overdue"_s);
        ASSERT_EQ(table.rows.size(), 2) << "the contract and the totals row";
        EXPECT_EQ(table.rows[0][0], u"HT-2026-0001"_s);
        EXPECT_EQ(table.rows[1][1], u"Total"_s);
        EXPECT_DOUBLE_EQ(table.rows[1][10].toDouble(), 104999.5) << ext.toStdString();
    }

    // Nothing signed in the third quarter; a bad period or format is refused and writes nothing.
    const Outcome empty = run(u"director"_s, {u"report"_s, u"contracts"_s, u"--period"_s, u"2026-Q3"_s, u"--out"_s, m_folder.filePath(u"q3.csv"_s)});
    ASSERT_EQ(empty.status, 0) << empty.err.toStdString();
    EXPECT_EQ(empty.json()[u"contracts"_s].toInt(), 0);
    EXPECT_EQ(run(u"director"_s, {u"report"_s, u"contracts"_s, u"--period"_s, u"2026-Q5"_s, u"--out"_s, m_folder.filePath(u"bad.pdf"_s)}).status, 2);
    EXPECT_EQ(run(u"director"_s, {u"report"_s, u"contracts"_s, u"--period"_s, u"2026"_s, u"--out"_s, m_folder.filePath(u"bad.doc"_s)}).status, 2);
    EXPECT_FALSE(QFileInfo::exists(m_folder.filePath(u"bad.pdf"_s)));
    // Everybody sees only their contracts: a colleague of the owner gets an empty ledger.
    EXPECT_EQ(run(u"sales2"_s, {u"report"_s, u"contracts"_s, u"--period"_s, u"2026"_s, u"--out"_s, m_folder.filePath(u"s2.csv"_s)})
                  .json()[u"contracts"_s].toInt(), 0);
}
