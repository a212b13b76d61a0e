#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/PdfText.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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
};

/// A fresh SQLite database with the seeded organisation, driven through bizdeskctl's CommandLine
/// on the harness's fixed clock.
class ExpenseCommandsTest : public ::testing::Test
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
    }
    void TearDown() override { qunsetenv("BIZDESK_PASSWORD"); }

    Outcome run(const QString &login, const QStringList &arguments)
    {
        const bizdesk::testing::CliResult result = m_cli->runAs(login, QStringList{u"--json"_s} + arguments);
        return Outcome{result.exitCode, result.out, result.err};
    }
    qint64 apply(const QString &login = u"sales1"_s, const QString &estimate = u"800"_s)
    {
        const Outcome outcome = run(login, {u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s, u"客户答谢"_s,
                                            u"--at"_s, u"2026-11-20T18:30"_s, u"--place"_s, u"北京饭店"_s, u"--participants"_s,
                                            u"王小明, 客户张总"_s, u"--headcount"_s, u"3"_s, u"--estimate"_s, estimate});
        EXPECT_EQ(outcome.status, 0) << outcome.err.toStdString();
        EXPECT_EQ(outcome.json()[u"state"_s].toString(), u"draft"_s);
        return outcome.json()[u"id"_s].toInteger();
    }
    QString sqlite(const QString &sql)
    {
        auto database = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
        return storage::SqlQuery(*database, sql).scalar().toString();
    }

    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    std::unique_ptr<bizdesk::testing::CliHarness> m_cli;
};

} // namespace

TEST_F(ExpenseCommandsTest, full_workflow_through_the_cli)
{
    const QString id = QString::number(apply());
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"submit"_s, id}).json()[u"state"_s].toString(), u"pending_dept_review"_s);

    const Outcome pending = run(u"manager1"_s, {u"expense"_s, u"list"_s, u"--pending-for-me"_s});
    ASSERT_EQ(pending.json()[u"requests"_s].toArray().size(), 1);
    EXPECT_EQ(run(u"director"_s, {u"expense"_s, u"list"_s, u"--pending-for-me"_s}).json()[u"requests"_s].toArray().size(), 0);

    EXPECT_EQ(run(u"manager1"_s, {u"expense"_s, u"approve"_s, id, u"--comment"_s, u"同意"_s}).json()[u"state"_s].toString(),
              u"pending_superior_approval"_s);
    EXPECT_EQ(run(u"director"_s, {u"expense"_s, u"approve"_s, id}).json()[u"state"_s].toString(), u"approved"_s);

    m_cli->setNow(QDateTime(QDate(2026, 12, 25), QTime(9, 0), QTimeZone::utc())); // more than 30 days after the event: late
    const Outcome claimed = run(u"sales1"_s, {u"expense"_s, u"claim"_s, id, u"--actual"_s, u"1000"_s, u"--receipts"_s, u"2"_s,
                                              u"--explanation"_s, u"多来两位客户"_s});
    ASSERT_EQ(claimed.status, 0) << claimed.err.toStdString();
    EXPECT_EQ(claimed.json()[u"state"_s].toString(), u"pending_overrun_approval"_s);
    EXPECT_EQ(run(u"manager1"_s, {u"expense"_s, u"approve"_s, id}).json()[u"state"_s].toString(), u"pending_finance_review"_s);
    EXPECT_EQ(run(u"finance"_s, {u"expense"_s, u"approve"_s, id}).json()[u"state"_s].toString(), u"reimbursed"_s);

    const QJsonObject show = run(u"sales1"_s, {u"expense"_s, u"show"_s, id}).json();
    EXPECT_EQ(show[u"estimate"_s].toString(), u"800.00"_s);
    EXPECT_EQ(show[u"actual"_s].toString(), u"1000.00"_s);
    EXPECT_TRUE(show[u"flags"_s][u"late"_s].toBool());
    EXPECT_TRUE(show[u"flags"_s][u"overrun"_s].toBool());
    EXPECT_FALSE(show[u"flags"_s][u"over_budget"_s].toBool());
    const QJsonArray history = show[u"history"_s].toArray();
    ASSERT_EQ(history.size(), 6);
    for (const QString &key : {u"from"_s, u"to"_s, u"by"_s, u"at"_s, u"comment"_s})
        EXPECT_TRUE(history[0].toObject().contains(key)) << key.toStdString();
    EXPECT_EQ(history[1].toObject()[u"by"_s].toString(), u"manager1"_s);
    EXPECT_EQ(history[1].toObject()[u"comment"_s].toString(), u"同意"_s);
    EXPECT_EQ(history[5].toObject()[u"to"_s].toString(), u"reimbursed"_s);
}

TEST_F(ExpenseCommandsTest, exit_codes_for_refusals)
{
    const QString id = QString::number(apply());
    // wrong state → 4
    const Outcome early = run(u"manager1"_s, {u"expense"_s, u"approve"_s, id});
    EXPECT_EQ(early.status, 4);
    EXPECT_EQ(QJsonDocument::fromJson(early.err.toUtf8()).object()[u"error"_s][u"kind"_s].toString(), u"conflict"_s);
    run(u"sales1"_s, {u"expense"_s, u"submit"_s, id});
    // wrong person → 3
    EXPECT_EQ(run(u"manager2"_s, {u"expense"_s, u"approve"_s, id}).status, 3);
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"approve"_s, id}).status, 3);
    EXPECT_EQ(run(u"sales2"_s, {u"expense"_s, u"withdraw"_s, id}).status, 3);
    // missing comment → 2
    EXPECT_EQ(run(u"manager1"_s, {u"expense"_s, u"return"_s, id}).status, 2);
    // unknown id → 5
    EXPECT_EQ(run(u"manager1"_s, {u"expense"_s, u"show"_s, u"999"_s}).status, 5);
    EXPECT_EQ(run(u"manager1"_s, {u"expense"_s, u"return"_s, id, u"--comment"_s, u"补充说明"_s}).json()[u"state"_s].toString(),
              u"draft"_s);
}

TEST_F(ExpenseCommandsTest, bad_input_names_the_field_and_writes_nothing)
{
    const QString before = sqlite(u"SELECT count(*) FROM entertainment_requests"_s);
    const QStringList base{u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s, u"r"_s, u"--at"_s,
                           u"2026-11-20T18:30"_s, u"--place"_s, u"p"_s, u"--participants"_s, u"x"_s, u"--headcount"_s, u"2"_s};
    struct Case
    {
        QStringList arguments;
        QString field;
    };
    const QList<Case> cases{
        {base + QStringList{u"--estimate"_s, u"-5"_s}, u"estimate"_s},
        {base + QStringList{u"--estimate"_s, u"0"_s}, u"estimate"_s},
        {base + QStringList{u"--estimate"_s, u"1.234"_s}, u"estimate"_s},
    };
    for (const Case &item : cases) {
        const Outcome outcome = run(u"sales1"_s, item.arguments);
        EXPECT_EQ(outcome.status, 2) << outcome.err.toStdString();
        EXPECT_TRUE(outcome.err.contains(item.field)) << outcome.err.toStdString();
    }
    QStringList badCategory = base + QStringList{u"--estimate"_s, u"10"_s};
    badCategory[3] = u"party"_s;
    EXPECT_EQ(run(u"sales1"_s, badCategory).status, 2);
    QStringList badDate = base + QStringList{u"--estimate"_s, u"10"_s};
    badDate[7] = u"2026-13-45T99:00"_s;
    EXPECT_EQ(run(u"sales1"_s, badDate).status, 2);
    QStringList badHeadcount = base + QStringList{u"--estimate"_s, u"10"_s};
    badHeadcount[13] = u"0"_s;
    EXPECT_EQ(run(u"sales1"_s, badHeadcount).status, 2);
    QStringList emptyReason = base + QStringList{u"--estimate"_s, u"10"_s};
    emptyReason[5] = u"  "_s;
    EXPECT_EQ(run(u"sales1"_s, emptyReason).status, 2);
    EXPECT_EQ(sqlite(u"SELECT count(*) FROM entertainment_requests"_s), before);
}

TEST_F(ExpenseCommandsTest, attach_form_and_report)
{
    const QString id = QString::number(apply());
    run(u"sales1"_s, {u"expense"_s, u"submit"_s, id});
    run(u"manager1"_s, {u"expense"_s, u"approve"_s, id, u"--comment"_s, u"<b>同意</b>"_s});
    run(u"director"_s, {u"expense"_s, u"approve"_s, id});
    QTemporaryDir folder;
    const QString receipt = folder.filePath(u"receipt.png"_s);
    QFile file(receipt);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x89PNG\r\n\x1A\n") + QByteArray(64, '\0'));
    file.close();
    const Outcome attached = run(u"sales1"_s, {u"expense"_s, u"attach"_s, id, receipt});
    ASSERT_EQ(attached.status, 0) << attached.err.toStdString();
    EXPECT_EQ(attached.json()[u"type"_s].toString(), u"image/png"_s);
    const QString text = folder.filePath(u"notes.txt"_s);
    QFile notes(text);
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("just text");
    notes.close();
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"attach"_s, id, text}).status, 2);

    ASSERT_EQ(run(u"admin"_s, {u"company"_s, u"set"_s, u"--name"_s, u"北京示例商贸有限公司"_s, u"--phone"_s, u"010-12345678"_s}).status, 0);
    const QString pdf = folder.filePath(u"form.pdf"_s);
    const Outcome form = run(u"sales1"_s, {u"expense"_s, u"form"_s, id, u"--out"_s, pdf});
    ASSERT_EQ(form.status, 0) << form.err.toStdString();
    const QString content = bizdesk::testing::pdfText(pdf);
    EXPECT_TRUE(content.contains(u"Business Entertainment Application Form"_s)) << content.toStdString();
    EXPECT_TRUE(content.contains(u"答谢"_s)) << content.toStdString();
    EXPECT_TRUE(content.contains(u"北京饭店"_s));
    EXPECT_TRUE(content.contains(u"<b>同意</b>"_s)) << "comment printed verbatim, not as markup";
    EXPECT_TRUE(content.contains(u"李经理"_s));
    EXPECT_TRUE(content.contains(u"张建华"_s));
    EXPECT_TRUE(content.contains(u"2026-11-20"_s));
    EXPECT_TRUE(content.contains(u"page 1 / 1"_s));
    EXPECT_TRUE(content.contains(u"北京示例商贸有限公司"_s)) << "the company profile heads the form";
    EXPECT_TRUE(content.contains(u"010-12345678"_s));
    EXPECT_TRUE(content.contains(u"¥800.00"_s)) << content.toStdString();
    EXPECT_TRUE(content.contains(u"人民币捌佰元整"_s)) << "the estimate in capitals";
    EXPECT_TRUE(content.contains(u"Department review"_s)) << "the step, not the waiting state";
    EXPECT_FALSE(content.contains(u"Pending department review"_s));
    EXPECT_TRUE(content.contains(u"Approved"_s)) << "the decision";
    EXPECT_TRUE(content.contains(u"Signature and date"_s)) << "the applicant signs too";

    for (const QString &ext : {u"pdf"_s, u"xlsx"_s, u"html"_s}) {
        const QString out = folder.filePath(u"report."_s + ext);
        const Outcome report = run(u"director"_s, {u"report"_s, u"expenses"_s, u"--period"_s, u"2026-Q4"_s, u"--out"_s, out});
        ASSERT_EQ(report.status, 0) << report.err.toStdString();
        EXPECT_EQ(report.json()[u"requests"_s].toInt(), 1);
        EXPECT_EQ(report.json()[u"estimated"_s].toString(), u"800.00"_s);
        EXPECT_GT(QFileInfo(out).size(), 100);
    }
    EXPECT_EQ(run(u"director"_s, {u"report"_s, u"expenses"_s, u"--period"_s, u"2026-Q5"_s, u"--out"_s, folder.filePath(u"x.pdf"_s)}).status, 2);
    EXPECT_EQ(run(u"sales1"_s, {u"report"_s, u"expenses"_s, u"--period"_s, u"2026"_s, u"--out"_s, folder.filePath(u"x.pdf"_s)}).status, 3);
}

TEST_F(ExpenseCommandsTest, apply_with_staff_logins_and_guests)
{
    const QStringList base{u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s, u"客户答谢"_s, u"--at"_s,
                           u"2026-11-20T18:30"_s, u"--place"_s, u"北京饭店"_s, u"--participants"_s, u"客户张总"_s,
                           u"--headcount"_s, u"3"_s, u"--estimate"_s, u"800"_s};
    const Outcome applied = run(u"sales1"_s, base + QStringList{u"--staff"_s, u"sales2,manager1"_s});
    ASSERT_EQ(applied.status, 0) << applied.err.toStdString();
    const QJsonObject json = applied.json();
    const QJsonArray staff = json.value(u"staff"_s).toArray();
    ASSERT_EQ(staff.size(), 2);
    EXPECT_EQ(staff.at(0).toObject().value(u"login"_s).toString(), u"sales2"_s);
    EXPECT_FALSE(staff.at(1).toObject().value(u"name"_s).toString().isEmpty());
    EXPECT_EQ(json.value(u"guests"_s).toString(), u"客户张总"_s);
    const Outcome shown = run(u"sales1"_s, {u"expense"_s, u"show"_s, QString::number(json.value(u"id"_s).toInteger())});
    EXPECT_EQ(shown.json().value(u"staff"_s).toArray().size(), 2);

    const QString before = sqlite(u"SELECT count(*) FROM entertainment_requests"_s);
    const Outcome unknown = run(u"sales1"_s, base + QStringList{u"--staff"_s, u"sales2,nobody"_s});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_TRUE(unknown.err.contains(u"--staff"_s)) << unknown.err.toStdString();
    EXPECT_TRUE(unknown.err.contains(u"nobody"_s)) << unknown.err.toStdString();
    EXPECT_EQ(sqlite(u"SELECT count(*) FROM entertainment_requests"_s), before);
}

TEST_F(ExpenseCommandsTest, stale_version_is_exit_4_and_writes_nothing)
{
    const QString id = QString::number(apply());
    const int version = run(u"sales1"_s, {u"expense"_s, u"show"_s, id}).json()[u"version"_s].toInt();
    const QString audit = sqlite(u"SELECT count(*) FROM audit_log WHERE entity_kind = 'expense'"_s);

    const Outcome stale = run(u"sales1"_s, {u"expense"_s, u"submit"_s, id, u"--version"_s, QString::number(version + 1)});
    EXPECT_EQ(stale.status, 4) << stale.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(stale.err.toUtf8()).object()[u"error"_s][u"kind"_s].toString(), u"conflict"_s);
    EXPECT_EQ(sqlite(u"SELECT state FROM entertainment_requests WHERE id = "_s + id), u"draft"_s);
    EXPECT_EQ(sqlite(u"SELECT count(*) FROM audit_log WHERE entity_kind = 'expense'"_s), audit);

    const Outcome submitted = run(u"sales1"_s, {u"expense"_s, u"submit"_s, id, u"--version"_s, QString::number(version)});
    ASSERT_EQ(submitted.status, 0) << submitted.err.toStdString();
    const int seen = submitted.json()[u"version"_s].toInt();
    EXPECT_EQ(seen, version + 1);
    // A script that read the request before the submit approves or rejects nothing.
    for (const QStringList &command : {QStringList{u"approve"_s}, QStringList{u"reject"_s, u"--comment"_s, u"不同意"_s},
                                       QStringList{u"return"_s, u"--comment"_s, u"补充"_s}}) {
        const Outcome outcome = run(u"manager1"_s, QStringList{u"expense"_s} + command
                                                        + QStringList{id, u"--version"_s, QString::number(version)});
        EXPECT_EQ(outcome.status, 4) << command.first().toStdString() << outcome.err.toStdString();
    }
    EXPECT_EQ(sqlite(u"SELECT state FROM entertainment_requests WHERE id = "_s + id), u"pending_dept_review"_s);
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"withdraw"_s, id, u"--version"_s, u"1"_s}).status, 4);
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"submit"_s, id, u"--version"_s, u"x"_s}).status, 2);
    const Outcome approved = run(u"manager1"_s, {u"expense"_s, u"approve"_s, id, u"--version"_s, QString::number(seen)});
    EXPECT_EQ(approved.status, 0) << approved.err.toStdString();
    EXPECT_EQ(approved.json()[u"state"_s].toString(), u"pending_superior_approval"_s);
}

TEST_F(ExpenseCommandsTest, apply_with_another_departments_customer_is_not_found)
{
    const Outcome added = run(u"sales3"_s, {u"customer"_s, u"add"_s, u"--name"_s, u"华南机密客户有限公司"_s, u"--class"_s, u"key"_s});
    ASSERT_EQ(added.status, 0) << added.err.toStdString();
    const QString foreign = QString::number(added.json()[u"id"_s].toInteger());
    const QStringList form{u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s, u"客户答谢"_s,
                           u"--at"_s, u"2026-11-20T18:30"_s, u"--place"_s, u"北京饭店"_s, u"--participants"_s,
                           u"客户张总"_s, u"--headcount"_s, u"3"_s, u"--estimate"_s, u"800"_s, u"--customer"_s};

    const Outcome refused = run(u"sales1"_s, form + QStringList{foreign});
    EXPECT_EQ(refused.status, 5) << refused.err.toStdString();
    EXPECT_FALSE(refused.err.contains(u"华南"_s)) << refused.err.toStdString();
    EXPECT_FALSE(refused.err.contains(u"key"_s)) << refused.err.toStdString();
    EXPECT_EQ(sqlite(u"SELECT count(*) FROM entertainment_requests"_s), u"0"_s);
    // The same answer as for a customer that does not exist.
    EXPECT_EQ(run(u"sales1"_s, form + QStringList{u"999"_s}).status, 5);
    // Its own specialist links it.
    EXPECT_EQ(run(u"sales3"_s, form + QStringList{foreign}).status, 0);
}

TEST_F(ExpenseCommandsTest, event_dates_outside_the_window_are_invalid)
{
    for (const QString &at : {u"0001-01-01T18:30"_s, u"9999-12-31T18:30"_s}) {
        const Outcome outcome = run(u"sales1"_s, {u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s,
                                                  u"客户答谢"_s, u"--at"_s, at, u"--place"_s, u"北京饭店"_s, u"--participants"_s,
                                                  u"客户张总"_s, u"--headcount"_s, u"3"_s, u"--estimate"_s, u"800"_s});
        EXPECT_EQ(outcome.status, 2) << at.toStdString() << outcome.err.toStdString();
        EXPECT_TRUE(outcome.err.contains(u"general.event_window_days"_s)) << outcome.err.toStdString();
    }
    EXPECT_EQ(sqlite(u"SELECT count(*) FROM entertainment_requests"_s), u"0"_s);
}

TEST_F(ExpenseCommandsTest, policy_set_changes_the_appraisal_weights_together)
{
    const Outcome alone = run(u"director"_s, {u"policy"_s, u"set"_s, u"appraisal.weights.self"_s, u"30"_s});
    EXPECT_EQ(alone.status, 2);
    EXPECT_TRUE(alone.err.contains(u"appraisal.weights.peer"_s)) << alone.err.toStdString();
    EXPECT_EQ(run(u"director"_s, {u"policy"_s, u"set"_s, u"appraisal.weights.self"_s, u"30"_s, u"appraisal.weights.peer"_s}).status, 2);

    const Outcome together = run(u"director"_s, {u"policy"_s, u"set"_s, u"appraisal.weights.self"_s, u"30"_s,
                                                 u"appraisal.weights.peer"_s, u"20"_s});
    ASSERT_EQ(together.status, 0) << together.err.toStdString();
    EXPECT_EQ(together.json()[u"settings"_s].toArray().size(), 2);
    EXPECT_EQ(sqlite(u"SELECT value FROM policy_values WHERE key = 'appraisal.weights.self'"_s), u"30"_s);
    // One pair keeps its old form and output.
    const Outcome one = run(u"director"_s, {u"policy"_s, u"set"_s, u"auth.lockout_attempts"_s, u"4"_s});
    ASSERT_EQ(one.status, 0) << one.err.toStdString();
    EXPECT_EQ(one.json()[u"key"_s].toString(), u"auth.lockout_attempts"_s);
    EXPECT_EQ(one.json()[u"value"_s].toString(), u"4"_s);
}

TEST_F(ExpenseCommandsTest, another_users_draft_is_not_found_in_show_and_list)
{
    const QString id = QString::number(apply());
    for (const QString &other : {u"manager1"_s, u"director"_s, u"finance"_s}) {
        const Outcome shown = run(other, {u"expense"_s, u"show"_s, id});
        EXPECT_EQ(shown.status, 5) << other.toStdString() << " " << shown.out.toStdString();
        EXPECT_EQ(QJsonDocument::fromJson(shown.err.toUtf8()).object()[u"error"_s][u"kind"_s].toString(), u"not_found"_s)
            << shown.err.toStdString();
        const Outcome listed = run(other, {u"expense"_s, u"list"_s});
        ASSERT_EQ(listed.status, 0);
        EXPECT_TRUE(listed.json()[u"requests"_s].toArray().isEmpty()) << other.toStdString() << listed.out.toStdString();
        EXPECT_TRUE(run(other, {u"expense"_s, u"list"_s, u"--state"_s, u"draft"_s}).json()[u"requests"_s].toArray().isEmpty());
    }
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"show"_s, id}).status, 0);
    EXPECT_EQ(run(u"sales1"_s, {u"expense"_s, u"list"_s}).json()[u"requests"_s].toArray().size(), 1);
    ASSERT_EQ(run(u"sales1"_s, {u"expense"_s, u"submit"_s, id}).status, 0);
    EXPECT_EQ(run(u"manager1"_s, {u"expense"_s, u"show"_s, id}).status, 0) << "submitted, the approver sees it";
}

TEST_F(ExpenseCommandsTest, apply_with_submit_is_one_step_and_a_refused_submit_keeps_no_draft)
{
    const QStringList base{u"expense"_s, u"apply"_s, u"--category"_s, u"banquet"_s, u"--reason"_s, u"客户答谢"_s, u"--at"_s,
                           u"2026-11-20T18:30"_s, u"--place"_s, u"北京饭店"_s, u"--participants"_s, u"客户张总"_s,
                           u"--headcount"_s, u"2"_s, u"--submit"_s, u"--estimate"_s};
    const Outcome done = run(u"sales1"_s, base + QStringList{u"800"_s});
    ASSERT_EQ(done.status, 0) << done.err.toStdString();
    EXPECT_EQ(done.json()[u"state"_s].toString(), u"pending_dept_review"_s);
    const QString before = sqlite(u"SELECT count(*) FROM entertainment_requests"_s);
    const Outcome refused = run(u"sales1"_s, base + QStringList{u"25000"_s}); // over the monthly budget, no explanation
    EXPECT_EQ(refused.status, 2) << refused.err.toStdString();
    EXPECT_EQ(sqlite(u"SELECT count(*) FROM entertainment_requests"_s), before);
}

TEST_F(ExpenseCommandsTest, report_has_budget_columns_by_department_and_person)
{
    const QString id = QString::number(apply());
    run(u"sales1"_s, {u"expense"_s, u"submit"_s, id});
    run(u"manager1"_s, {u"expense"_s, u"approve"_s, id});
    run(u"director"_s, {u"expense"_s, u"approve"_s, id});
    const QString rejected = QString::number(apply(u"sales2"_s, u"1500"_s));
    run(u"sales2"_s, {u"expense"_s, u"submit"_s, rejected});
    ASSERT_EQ(run(u"manager1"_s, {u"expense"_s, u"reject"_s, rejected, u"--comment"_s, u"不必要"_s}).status, 0);

    QTemporaryDir folder;
    const QString csv = folder.filePath(u"report.csv"_s);
    const Outcome report = run(u"director"_s, {u"report"_s, u"expenses"_s, u"--period"_s, u"2026-11"_s, u"--out"_s, csv});
    ASSERT_EQ(report.status, 0) << report.err.toStdString();
    const QJsonObject json = report.json();
    // The earlier keys keep their meaning …
    EXPECT_EQ(json[u"requests"_s].toInt(), 1);
    EXPECT_EQ(json[u"estimated"_s].toString(), u"800.00"_s) << "the rejected 1500 is in no total";
    EXPECT_EQ(json[u"late_claims"_s].toInt(), 0);
    // … and the budget columns are added.
    EXPECT_EQ(json[u"used"_s].toString(), u"800.00"_s);
    EXPECT_EQ(json[u"approved_estimate"_s].toString(), u"800.00"_s);
    EXPECT_FALSE(json[u"budget"_s].toString().isEmpty());
    EXPECT_FALSE(json[u"remaining"_s].toString().isEmpty());
    bool department = false;
    for (const QJsonValue &line : json[u"departments"_s].toArray()) {
        if (line[u"department"_s].toString() != u"商务一部"_s)
            continue;
        department = true;
        EXPECT_EQ(line[u"budget"_s].toString(), u"20000.00"_s);
        EXPECT_EQ(line[u"used"_s].toString(), u"800.00"_s);
        EXPECT_EQ(line[u"remaining"_s].toString(), u"19200.00"_s);
    }
    EXPECT_TRUE(department);
    const QJsonArray people = json[u"people"_s].toArray();
    ASSERT_EQ(people.size(), 1) << "the rejected applicant has no line";
    EXPECT_EQ(people[0][u"person"_s].toString(), u"王小明"_s);
    EXPECT_FALSE(people[0].toObject().contains(u"budget"_s));

    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString header = QString::fromUtf8(file.readLine());
    for (const QString &column : {u"Department"_s, u"Person"_s, u"Requests"_s, u"Estimated"_s, u"Actual"_s, u"Overrun"_s,
                                  u"Late claims"_s, u"Budget"_s, u"Used"_s, u"Remaining"_s, u"Approved estimate"_s})
        EXPECT_TRUE(header.contains(column)) << column.toStdString() << " in " << header.toStdString();
    EXPECT_LT(header.indexOf(u"Late claims"_s), header.indexOf(u"Budget"_s)) << "new columns follow the old ones";
}
