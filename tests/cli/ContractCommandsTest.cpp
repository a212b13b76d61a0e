#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

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

const QStringList clauseNames{u"obligations"_s, u"specification"_s, u"price"_s, u"delivery"_s,
                              u"acceptance"_s,  u"payment"_s,       u"breach"_s};

/// The whole contract lifecycle (§5) through bizdeskctl on a fresh SQLite database with the
/// seeded organisation, exactly as cli.md and the state names of the design notes say.
class ContractCommandsTest : public ::testing::Test
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
        const Outcome customer = run(u"manager1"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"华东精密制造有限公司"_s, u"--class"_s, u"key"_s});
        ASSERT_EQ(customer.status, 0) << customer.err.toStdString();
        m_customer = QString::number(customer.json()[u"id"_s].toInteger());
    }

    Outcome run(const QString &login, const QStringList &arguments)
    {
        const bizdesk::testing::CliResult result = m_cli->runAs(login, QStringList{u"--json"_s} + arguments);
        return Outcome{result.exitCode, result.out, result.err};
    }
    QString draft(const QString &amount = u"120000.00"_s)
    {
        const Outcome drafted = run(u"manager1"_s, {u"contract"_s, u"draft"_s, u"--customer"_s, m_customer, u"--title"_s,
                                                    u"ERP 实施服务合同"_s, u"--amount"_s, amount, u"--owner"_s, u"sales1"_s,
                                                    u"--start"_s, u"2026-12-01"_s, u"--end"_s, u"2027-11-30"_s});
        EXPECT_EQ(drafted.status, 0) << drafted.err.toStdString();
        EXPECT_EQ(drafted.json()[u"state"_s].toString(), u"draft"_s);
        return QString::number(drafted.json()[u"id"_s].toInteger());
    }
    void writeClauses(const QString &id)
    {
        for (const QString &clause : clauseNames)
            ASSERT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, id, clause, u"条款内容："_s + clause}).status, 0);
    }
    QString state(const Outcome &outcome) const { return outcome.json()[u"state"_s].toString(); }
    QString effectiveContract()
    {
        const QString id = draft();
        writeClauses(id);
        EXPECT_EQ(state(run(u"manager1"_s, {u"contract"_s, u"submit"_s, id})), u"legal_review"_s);
        EXPECT_EQ(state(run(u"legal"_s, {u"contract"_s, u"approve"_s, id})), u"finance_review"_s);
        EXPECT_EQ(state(run(u"finance"_s, {u"contract"_s, u"approve"_s, id})), u"leadership_approval"_s);
        EXPECT_EQ(state(run(u"director"_s, {u"contract"_s, u"approve"_s, id})), u"approved"_s);
        const Outcome signed_ = run(u"manager1"_s, {u"contract"_s, u"sign"_s, id, u"--date"_s, u"2026-11-02"_s, u"--our-signatory"_s,
                                                    u"director"_s, u"--their-signatory"_s, u"王总"_s});
        EXPECT_EQ(state(signed_), u"effective"_s) << signed_.err.toStdString();
        return id;
    }

    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    std::unique_ptr<bizdesk::testing::CliHarness> m_cli;
    QString m_customer;
};

} // namespace

TEST_F(ContractCommandsTest, numbers_are_sequential_per_year)
{
    const Outcome first = run(u"manager1"_s, {u"contract"_s, u"show"_s, draft()});
    EXPECT_EQ(first.json()[u"number"_s].toString(), u"HT-2026-0001"_s);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"show"_s, draft()}).json()[u"number"_s].toString(), u"HT-2026-0002"_s);
    m_cli->setNow(QDateTime(QDate(2027, 1, 5), QTime(2, 0), QTimeZone::utc()));
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"show"_s, draft()}).json()[u"number"_s].toString(), u"HT-2027-0001"_s);
}

TEST_F(ContractCommandsTest, review_chain_return_and_revision_diff)
{
    const QString id = draft();
    // Submission is refused while clauses are empty, naming them and citing §5.1.2.
    run(u"manager1"_s, {u"contract"_s, u"clause"_s, id, u"obligations"_s, u"双方权利义务"_s});
    const Outcome refused = run(u"manager1"_s, {u"contract"_s, u"submit"_s, id});
    EXPECT_EQ(refused.status, 2);
    EXPECT_EQ(refused.error()[u"clause"_s].toString(), u"5.1.2"_s);
    EXPECT_TRUE(refused.err.contains(u"breach"_s)) << refused.err.toStdString();
    EXPECT_EQ(state(run(u"manager1"_s, {u"contract"_s, u"show"_s, id})), u"draft"_s);

    writeClauses(id);
    EXPECT_EQ(state(run(u"manager1"_s, {u"contract"_s, u"submit"_s, id})), u"legal_review"_s);
    // Only legal decides the legal review; nobody reviews their own contract.
    EXPECT_EQ(run(u"finance"_s, {u"contract"_s, u"approve"_s, id}).status, 3);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"approve"_s, id}).status, 3);
    // A return needs a comment.
    EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"return"_s, id}).status, 2);
    const Outcome returned = run(u"legal"_s, {u"contract"_s, u"return"_s, id, u"--comment"_s, u"付款期限改为 30 天"_s,
                                              u"--clause"_s, u"payment"_s});
    ASSERT_EQ(returned.status, 0) << returned.err.toStdString();
    EXPECT_EQ(state(returned), u"draft"_s);
    const QJsonArray comments = returned.json()[u"review_comments"_s].toArray();
    ASSERT_EQ(comments.size(), 1);
    EXPECT_EQ(comments[0].toObject()[u"clause"_s].toString(), u"payment"_s);

    run(u"manager1"_s, {u"contract"_s, u"clause"_s, id, u"payment"_s, u"验收后 30 天内付清"_s});
    const Outcome resubmitted = run(u"manager1"_s, {u"contract"_s, u"submit"_s, id});
    EXPECT_EQ(state(resubmitted), u"legal_review"_s);
    EXPECT_EQ(resubmitted.json()[u"revision"_s].toInt(), 2);
    const Outcome reviewed = run(u"legal"_s, {u"contract"_s, u"show"_s, id});
    const QJsonArray diff = reviewed.json()[u"changes_since_return"_s].toArray();
    ASSERT_EQ(diff.size(), 1);
    EXPECT_EQ(diff[0].toObject()[u"clause"_s].toString(), u"payment"_s);
    EXPECT_EQ(diff[0].toObject()[u"after"_s].toString(), u"验收后 30 天内付清"_s);
    EXPECT_TRUE(reviewed.json()[u"actions"_s].toArray().contains(u"approve"_s));
}

TEST_F(ContractCommandsTest, large_contracts_need_the_executive)
{
    run(u"director"_s, {u"policy"_s, u"set"_s, u"contract.executive_threshold"_s, u"100000.00"_s});
    const QString id = draft(u"100000.01"_s);
    writeClauses(id);
    run(u"manager1"_s, {u"contract"_s, u"submit"_s, id});
    run(u"legal"_s, {u"contract"_s, u"approve"_s, id});
    run(u"finance"_s, {u"contract"_s, u"approve"_s, id});
    EXPECT_EQ(state(run(u"director"_s, {u"contract"_s, u"approve"_s, id})), u"executive_approval"_s);
    EXPECT_EQ(run(u"director"_s, {u"contract"_s, u"approve"_s, id}).status, 3);
    EXPECT_EQ(state(run(u"executive"_s, {u"contract"_s, u"approve"_s, id})), u"approved"_s);
}

TEST_F(ContractCommandsTest, signing_copies_receivables_payments_and_completion)
{
    const QString id = effectiveContract();
    const Outcome shown = run(u"sales1"_s, {u"contract"_s, u"show"_s, id});
    ASSERT_EQ(shown.status, 0) << shown.err.toStdString();
    EXPECT_EQ(shown.json()[u"copies"_s].toArray().size(), 3);

    // Copies: legal acknowledges; the contract shows who has.
    EXPECT_EQ(run(u"sales3"_s, {u"contract"_s, u"acknowledge"_s, id}).status, 5); // cannot even see it
    const Outcome acknowledged = run(u"legal"_s, {u"contract"_s, u"acknowledge"_s, id});
    ASSERT_EQ(acknowledged.status, 0) << acknowledged.err.toStdString();
    int done = 0;
    for (const QJsonValue copy : acknowledged.json()[u"copies"_s].toArray())
        done += copy.toObject()[u"acknowledged"_s].toBool() ? 1 : 0;
    EXPECT_EQ(done, 1);

    // Receivable plan: its sum may not exceed the contract amount.
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"receivable"_s, id, u"--due"_s, u"2026-12-31"_s, u"--amount"_s, u"60000"_s}).status, 0);
    const Outcome second = run(u"manager1"_s, {u"contract"_s, u"receivable"_s, id, u"--due"_s, u"2027-03-31"_s, u"--amount"_s, u"60000"_s});
    ASSERT_EQ(second.status, 0);
    const Outcome tooMuch = run(u"manager1"_s, {u"contract"_s, u"receivable"_s, id, u"--due"_s, u"2027-06-30"_s, u"--amount"_s, u"0.01"_s});
    EXPECT_EQ(tooMuch.status, 2);
    EXPECT_EQ(tooMuch.error()[u"clause"_s].toString(), u"5.4"_s);
    const qint64 firstInstallment = second.json()[u"receivables"_s].toArray()[0].toObject()[u"id"_s].toInteger();

    // Payments: finance only.
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"payment"_s, id, u"--date"_s, u"2026-11-02"_s, u"--amount"_s, u"100"_s}).status, 3);
    const Outcome paid = run(u"finance"_s, {u"contract"_s, u"payment"_s, id, u"--date"_s, u"2026-11-02"_s, u"--amount"_s,
                                            u"60000.00"_s, u"--receivable"_s, QString::number(firstInstallment), u"--method"_s, u"银行转账"_s});
    ASSERT_EQ(paid.status, 0) << paid.err.toStdString();
    EXPECT_EQ(paid.json()[u"received"_s].toString(), u"60000.00"_s);
    EXPECT_EQ(paid.json()[u"outstanding"_s].toString(), u"60000.00"_s);
    EXPECT_EQ(paid.json()[u"receivables"_s].toArray()[0].toObject()[u"outstanding"_s].toString(), u"0.00"_s);

    // Completion needs everything done and settled, unless a director decides with a reason.
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"complete"_s, id}).status, 4);
    EXPECT_EQ(run(u"director"_s, {u"contract"_s, u"complete"_s, id}).status, 2);
    run(u"finance"_s, {u"contract"_s, u"payment"_s, id, u"--date"_s, u"2026-11-02"_s, u"--amount"_s, u"60000.00"_s});
    const Outcome completed = run(u"manager1"_s, {u"contract"_s, u"complete"_s, id});
    EXPECT_EQ(state(completed), u"completed"_s) << completed.err.toStdString();

    // Archive starts the retention clock; destruction waits for it (§5.6.3).
    const Outcome archived = run(u"legal"_s, {u"contract"_s, u"archive"_s, id, u"--number"_s, u"DA-2026-017"_s, u"--location"_s, u"档案室 A-3"_s});
    EXPECT_EQ(state(archived), u"archived"_s) << archived.err.toStdString();
    EXPECT_EQ(archived.json()[u"archive"_s].toObject()[u"retention_until"_s].toString(), u"2036-11-02"_s);
    const Outcome early = run(u"director"_s, {u"contract"_s, u"destroy"_s, id});
    EXPECT_EQ(early.status, 4);
    EXPECT_EQ(early.error()[u"clause"_s].toString(), u"5.6.3"_s);
    m_cli->setNow(QDateTime(QDate(2036, 11, 3), QTime(9, 0), QTimeZone::utc()));
    EXPECT_EQ(run(u"legal"_s, {u"contract"_s, u"destroy"_s, id}).status, 3);
    const Outcome destroyed = run(u"director"_s, {u"contract"_s, u"destroy"_s, id});
    EXPECT_EQ(state(destroyed), u"destroyed"_s) << destroyed.err.toStdString();
    EXPECT_EQ(destroyed.json()[u"number"_s].toString(), u"HT-2026-0001"_s); // metadata kept
    EXPECT_GE(destroyed.json()[u"history"_s].toArray().size(), 8);
}

TEST_F(ContractCommandsTest, change_agreements_make_new_versions_and_termination_records_settlement)
{
    const QString id = effectiveContract();
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"change"_s, id, u"--content"_s, u" "_s, u"--reason"_s, u"客户追加模块"_s,
                                  u"--effective"_s, u"2026-12-01"_s, u"--amount"_s, u"150000"_s}).status, 2);
    const Outcome changed = run(u"manager1"_s, {u"contract"_s, u"change"_s, id, u"--content"_s, u"追加报表模块"_s, u"--reason"_s,
                                                u"客户追加模块"_s, u"--effective"_s, u"2026-12-01"_s, u"--amount"_s, u"150000"_s,
                                                u"--clause"_s, u"price"_s, u"--text"_s, u"合同总价 150,000 元"_s});
    ASSERT_EQ(changed.status, 0) << changed.err.toStdString();
    EXPECT_EQ(changed.json()[u"amount"_s].toString(), u"150000.00"_s);
    EXPECT_EQ(changed.json()[u"contract_version"_s].toInt(), 2);
    const QJsonArray agreements = changed.json()[u"change_agreements"_s].toArray();
    ASSERT_EQ(agreements.size(), 1);
    EXPECT_EQ(agreements[0].toObject()[u"amount_before"_s].toString(), u"120000.00"_s);
    EXPECT_EQ(agreements[0].toObject()[u"clauses"_s].toArray()[0].toObject()[u"before"_s].toString(), u"条款内容：price"_s);
    EXPECT_EQ(changed.json()[u"clauses"_s].toObject()[u"price"_s].toString(), u"合同总价 150,000 元"_s);

    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"terminate"_s, id, u"--reason"_s, u""_s, u"--notice-date"_s, u"2026-12-10"_s}).status, 2);
    const Outcome terminated = run(u"manager1"_s, {u"contract"_s, u"terminate"_s, id, u"--reason"_s, u"客户破产"_s, u"--notice-date"_s,
                                                   u"2026-12-10"_s, u"--settlement"_s, u"归还样机一台，补偿 5,000 元"_s});
    EXPECT_EQ(state(terminated), u"terminated"_s) << terminated.err.toStdString();
    EXPECT_EQ(terminated.json()[u"termination"_s].toObject()[u"settlement"_s].toString(), u"归还样机一台，补偿 5,000 元"_s);
}

TEST_F(ContractCommandsTest, bad_input_is_refused_and_writes_nothing)
{
    const QStringList base{u"contract"_s, u"draft"_s, u"--customer"_s, m_customer, u"--title"_s, u"合同"_s};
    EXPECT_EQ(run(u"manager1"_s, base + QStringList{u"--amount"_s, u"0"_s}).status, 2);
    EXPECT_EQ(run(u"manager1"_s, base + QStringList{u"--amount"_s, u"-1"_s}).status, 2);
    EXPECT_EQ(run(u"manager1"_s, base + QStringList{u"--amount"_s, u"10.001"_s}).status, 2);
    const Outcome backwards = run(u"manager1"_s, base + QStringList{u"--amount"_s, u"10"_s, u"--start"_s, u"2026-12-01"_s, u"--end"_s, u"2026-11-30"_s});
    EXPECT_EQ(backwards.status, 2);
    EXPECT_EQ(backwards.error()[u"field"_s].toString(), u"end"_s);
    const Outcome unknown = run(u"manager1"_s, {u"contract"_s, u"draft"_s, u"--customer"_s, u"9999"_s, u"--title"_s, u"合同"_s, u"--amount"_s, u"10"_s});
    EXPECT_EQ(unknown.status, 5);
    EXPECT_EQ(run(u"sales1"_s, base + QStringList{u"--amount"_s, u"10"_s}).status, 3); // specialists do not draft (§5.1.1)
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"list"_s}).out.trimmed(), u"[]"_s);

    const QString id = draft();
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"sign"_s, id, u"--date"_s, u"2026-11-02"_s, u"--our-signatory"_s, u"director"_s,
                                  u"--their-signatory"_s, u"王总"_s}).status, 4);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, id, u"warranty"_s, u"x"_s}).status, 2);
    // A stale --version is a conflict.
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"clause"_s, id, u"price"_s, u"x"_s, u"--version"_s, u"99"_s}).status, 4);
    EXPECT_EQ(run(u"manager1"_s, {u"contract"_s, u"show"_s, id}).json()[u"clauses"_s].toObject()[u"price"_s].toString(), QString());
}

TEST_F(ContractCommandsTest, visibility_follows_the_organisation)
{
    const QString id = draft();
    EXPECT_EQ(run(u"sales1"_s, {u"contract"_s, u"show"_s, id}).status, 0); // the owner
    EXPECT_EQ(run(u"sales2"_s, {u"contract"_s, u"show"_s, id}).status, 5);
    EXPECT_EQ(run(u"manager2"_s, {u"contract"_s, u"show"_s, id}).status, 5);
    EXPECT_EQ(run(u"finance"_s, {u"contract"_s, u"show"_s, id}).status, 0);
    EXPECT_EQ(run(u"manager2"_s, {u"contract"_s, u"list"_s}).out.trimmed(), u"[]"_s);
    EXPECT_EQ(QJsonDocument::fromJson(run(u"director"_s, {u"contract"_s, u"list"_s}).out.toUtf8()).array().size(), 1);
}
