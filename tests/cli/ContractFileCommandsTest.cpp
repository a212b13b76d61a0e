// `contract template …`, `contract clause … --template`, `contract attach`, `contract attachment`
// and `contract sign … --scan` through bizdeskctl: exit codes of cli.md, nothing written on refusal.
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::CliResult;

namespace {

class ContractFileCommandsTest : public ::testing::Test
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
        m_cli = std::make_unique<bizdesk::testing::CliHarness>(m_scratch->location());
        const CliResult customer = run(u"manager1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"宁波海川物流有限公司"_s});
        ASSERT_EQ(customer.exitCode, 0) << customer.err.toStdString();
        const CliResult drafted = run(u"manager1"_s, {u"contract"_s, u"draft"_s, u"--customer"_s,
                                                      QString::number(customer.json()[u"id"_s].toInteger()), u"--title"_s,
                                                      u"仓储服务合同"_s, u"--amount"_s, u"56000"_s});
        ASSERT_EQ(drafted.exitCode, 0) << drafted.err.toStdString();
        m_contract = QString::number(drafted.json()[u"id"_s].toInteger());
    }

    CliResult run(const QString &login, const QStringList &arguments) const
    {
        return m_cli->runAs(login, QStringList{u"--json"_s} + arguments);
    }
    QString file(const QString &name, const QByteArray &content) const
    {
        QFile out(m_files.filePath(name));
        EXPECT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(content);
        return out.fileName();
    }
    QJsonArray attachments() const
    {
        return run(u"manager1"_s, {u"contract"_s, u"show"_s, m_contract}).json()[u"attachments"_s].toArray();
    }

    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    std::unique_ptr<bizdesk::testing::CliHarness> m_cli;
    QTemporaryDir m_files;
    QString m_contract;
};

} // namespace

TEST_F(ContractFileCommandsTest, legal_keeps_templates_and_a_clause_is_written_from_one)
{
    const CliResult added = run(u"legal"_s, {u"contract"_s, u"template"_s, u"add"_s, u"--clause"_s, u"acceptance"_s, u"--name"_s,
                                             u"验收（标准）"_s, u"--body"_s, u"到货后十个工作日内验收，逾期视为验收合格。"_s});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString tid = QString::number(added.json()[u"id"_s].toInteger());
    EXPECT_EQ(added.json()[u"clause"_s].toString(), u"acceptance"_s);

    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"template"_s, u"add"_s, u"--clause"_s, u"price"_s, u"--name"_s, u"价"_s, u"--body"_s,
                                  u"固定价"_s}).exitCode, 3);
    EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"template"_s, u"add"_s, u"--clause"_s, u"acceptance"_s, u"--name"_s, u"验收（标准）"_s,
                               u"--body"_s, u"重复"_s}).exitCode, 4);
    EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"template"_s, u"add"_s, u"--clause"_s, u"warranty"_s, u"--name"_s, u"保修"_s,
                               u"--body"_s, u"一年"_s}).exitCode, 2);

    const CliResult listed = run(u"manager1"_s, {u"contract"_s, u"template"_s, u"list"_s, u"--clause"_s, u"acceptance"_s});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].toObject()[u"name"_s].toString(), u"验收（标准）"_s);

    const CliResult written = run(u"manager1"_s, {u"contract"_s, u"clause"_s, m_contract, u"acceptance"_s, u"--template"_s, tid});
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    EXPECT_EQ(written.json()[u"clauses"_s].toObject()[u"acceptance"_s].toString(), u"到货后十个工作日内验收，逾期视为验收合格。"_s);
    // Text and template together, a template of another clause, or an unknown one: refused.
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, m_contract, u"acceptance"_s, u"自拟"_s, u"--template"_s, tid}).exitCode, 2);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, m_contract, u"price"_s, u"--template"_s, tid}).exitCode, 2);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, m_contract, u"price"_s, u"--template"_s, u"777"_s}).exitCode, 5);
    EXPECT_TRUE(run(u"manager1"_s, {u"contract"_s, u"show"_s, m_contract}).json()[u"clauses"_s].toObject()[u"price"_s].toString().isEmpty());
    // Several words after NAME are one clause text.
    const CliResult words = run(u"manager1"_s, {u"contract"_s, u"clause"_s, m_contract, u"price"_s, u"总价"_s, u"56000"_s, u"元"_s});
    EXPECT_EQ(words.json()[u"clauses"_s].toObject()[u"price"_s].toString(), u"总价 56000 元"_s);

    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"template"_s, u"remove"_s, tid}).exitCode, 3);
    EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"template"_s, u"remove"_s, tid}).exitCode, 0);
    EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"template"_s, u"remove"_s, tid}).exitCode, 5);
}

TEST_F(ContractFileCommandsTest, files_go_in_with_their_hash_and_come_out_checked)
{
    const QByteArray annex = "附件一：设备清单\n" + QByteArray(5000, '#');
    const CliResult attached = run(u"manager1"_s, {u"contract"_s, u"attach"_s, m_contract, file(u"附件一.txt"_s, annex), u"--kind"_s, u"annex"_s});
    ASSERT_EQ(attached.exitCode, 0) << attached.err.toStdString();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(annex, QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(attached.json()[u"sha256"_s].toString(), sha);

    const QJsonArray listed = attachments();
    ASSERT_EQ(listed.size(), 1);
    const QJsonObject entry = listed[0].toObject();
    EXPECT_EQ(entry[u"kind"_s].toString(), u"annex"_s);
    EXPECT_EQ(entry[u"name"_s].toString(), u"附件一.txt"_s);
    EXPECT_EQ(entry[u"size"_s].toInteger(), annex.size());
    EXPECT_EQ(entry[u"sha256"_s].toString(), sha);

    const QString out = m_files.filePath(u"copy.txt"_s);
    const CliResult saved = run(u"legal"_s, {u"contract"_s, u"attachment"_s, QString::number(entry[u"id"_s].toInteger()), u"--out"_s, out});
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    QFile copy(out);
    ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
    EXPECT_EQ(copy.readAll(), annex);
    EXPECT_EQ(run(u"sales3"_s, {u"contract"_s, u"attachment"_s, QString::number(entry[u"id"_s].toInteger()), u"--out"_s, out}).exitCode, 5);
}

TEST_F(ContractFileCommandsTest, bad_files_and_wrong_states_are_refused_and_write_nothing)
{
    const CliResult missing = run(u"manager1"_s, {u"contract"_s, u"attach"_s, m_contract, m_files.filePath(u"没有.pdf"_s)});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.error()[u"kind"_s].toString(), u"invalid"_s);

    ASSERT_EQ(m_cli->runAs(u"director"_s, {u"policy"_s, u"set"_s, u"contract.attachment_max_mb"_s, u"1"_s}).exitCode, 0);
    const CliResult large = run(u"manager1"_s, {u"contract"_s, u"attach"_s, m_contract, file(u"扫描件.pdf"_s, QByteArray(1024 * 1024 + 10, 'z'))});
    EXPECT_EQ(large.exitCode, 2);
    EXPECT_TRUE(large.error()[u"message"_s].toString().contains(u"扫描件.pdf"_s)) << large.err.toStdString();
    EXPECT_TRUE(large.error()[u"message"_s].toString().contains(u"1 MB"_s)) << large.err.toStdString();

    const QString scan = file(u"签署版.pdf"_s, "%PDF-1.4 signed");
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"attach"_s, m_contract, scan, u"--kind"_s, u"signed_scan"_s}).exitCode, 4);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"attach"_s, m_contract, scan, u"--kind"_s, u"photo"_s}).exitCode, 2);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"sign"_s, m_contract, u"--date"_s, u"2026-11-02"_s, u"--our-signatory"_s, u"director"_s,
                                  u"--their-signatory"_s, u"周总"_s, u"--scan"_s, scan}).exitCode, 4);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"attachment"_s, u"404"_s, u"--out"_s, m_files.filePath(u"x"_s)}).exitCode, 5);
    EXPECT_TRUE(attachments().isEmpty());
    EXPECT_FALSE(QFile::exists(m_files.filePath(u"x"_s)));
}

TEST_F(ContractFileCommandsTest, signing_with_the_scan_attaches_it)
{
    for (const QString &clause : {u"obligations"_s, u"specification"_s, u"price"_s, u"delivery"_s, u"acceptance"_s, u"payment"_s, u"breach"_s})
        ASSERT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, m_contract, clause, u"按约定执行"_s}).exitCode, 0);
    ASSERT_EQ(run(u"manager1"_s, {u"contract"_s, u"submit"_s, m_contract}).exitCode, 0);
    for (const QString &reviewer : {u"legal"_s, u"finance"_s, u"director"_s})
        ASSERT_EQ(run(reviewer, {u"contract"_s, u"approve"_s, m_contract}).exitCode, 0);
    const QStringList sign{u"contract"_s, u"sign"_s, m_contract, u"--date"_s, u"2026-11-02"_s, u"--our-signatory"_s, u"director"_s,
                           u"--their-signatory"_s, u"周总"_s, u"--scan"_s};
    // An unreadable scan stops the signing: still approved.
    const CliResult unreadable = run(u"manager1"_s, sign + QStringList{m_files.filePath(u"none.pdf"_s)});
    EXPECT_EQ(unreadable.exitCode, 2);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"show"_s, m_contract}).json()[u"state"_s].toString(), u"approved"_s);

    const CliResult signedWithScan = run(u"manager1"_s, sign + QStringList{file(u"签署版.pdf"_s, "%PDF-1.4 signed")});
    ASSERT_EQ(signedWithScan.exitCode, 0) << signedWithScan.err.toStdString();
    EXPECT_EQ(signedWithScan.json()[u"state"_s].toString(), u"effective"_s);
    const QJsonArray listed = signedWithScan.json()[u"attachments"_s].toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject()[u"kind"_s].toString(), u"signed_scan"_s);
}

TEST_F(ContractFileCommandsTest, the_list_takes_customer_owner_expiring_and_overdue_filters)
{
    const auto listed = [&](const QStringList &filters) {
        const CliResult result = run(u"director"_s, QStringList{u"contract"_s, u"list"_s} + filters);
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return QJsonDocument::fromJson(result.out.toUtf8()).array().size();
    };
    const QString customer = QString::number(run(u"manager1"_s, {u"contract"_s, u"show"_s, m_contract}).json()[u"customer_id"_s].toInteger());
    EXPECT_EQ(listed({u"--owner"_s, u"manager1"_s}), 1);
    EXPECT_EQ(listed({u"--owner"_s, u"sales1"_s}), 0);
    EXPECT_EQ(listed({u"--customer"_s, customer, u"--owner"_s, u"manager1"_s}), 1);
    EXPECT_EQ(listed({u"--expiring"_s}), 0); // a draft is not up for renewal
    EXPECT_EQ(listed({u"--overdue"_s}), 0);
    EXPECT_EQ(run(u"director"_s, {u"contract"_s, u"list"_s, u"--owner"_s, u"nobody"_s}).exitCode, 5);
}
