// Every My Tasks query is O(result) (issue 16): the statements each task source really sends are
// captured (storage::StatementCapture) and explained on both backends. SQLite's EXPLAIN QUERY PLAN
// must never SCAN a table (a full table or full index scan); PostgreSQL, with sequential scans
// switched off (small test tables are otherwise scanned anyway), must never plan a Seq Scan. The
// overdue contacts of one class must come from one range of customers_owner_contact_due that
// stops at the limit: no sort step.
#include "domain/Clock.h"
#include "services/ModuleCatalog.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/negotiations/NegotiationService.h"
#include "services/tasks/TaskSource.h"
#include "storage/SqlQuery.h"
#include "support/ContractSamples.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

/// The value as an SQL literal: PostgreSQL cannot prepare an EXPLAIN, so the values go into its text.
QString literal(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"NULL"_s;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? u"TRUE"_s : u"FALSE"_s;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return value.toString();
    default:
        return u"'"_s + value.toString().replace(u"'"_s, u"''"_s) + u"'"_s;
    }
}

QString withLiterals(QString sql, const QList<std::pair<QString, QVariant>> &values)
{
    auto sorted = values;
    // The longest name first: ":r10" before ":r1".
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    for (const auto &[name, value] : sorted) {
        const QRegularExpression placeholder(u"(?<!:)"_s + QRegularExpression::escape(name) + u"\\b"_s);
        sql.replace(placeholder, literal(value));
    }
    return sql;
}

class TaskQueryPlanTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::ModuleCatalog::registerAll(); // the modules' own task sources
        seed();
    }

    /// Something for every source to find, so that the statements behind each result run too.
    void seed()
    {
        services::CustomerService sales(as(u"sales1"_s));
        qint64 customer = 0;
        for (const auto &[name, customerClass] : {std::pair{u"华东精密制造有限公司"_s, u"key"_s},
                                                  std::pair{u"南京软件有限公司"_s, u"general"_s},
                                                  std::pair{u"苏州物流有限公司"_s, u"potential"_s}}) {
            services::NewCustomer input;
            input.name = name;
            input.customerClass = customerClass;
            input.lastContactAt = m_clock.nowUtc().addDays(-200);
            customer = sales.add(input).id;
        }
        const auto as = [this](const QString &login) -> services::Session & { return this->as(login); };
        const domain::Contract effective = bizdesk::testing::effectiveContract(as, customer, u"50000"_s, QDate(2026, 10, 20));
        services::ContractExecutionService(this->as(u"manager1"_s)).addMilestone(effective.id, u"delivery"_s, QDate(2026, 10, 25), {});

        services::ContractService drafter(this->as(u"manager1"_s));
        domain::ContractForm form;
        form.customerId = customer;
        form.title = u"运维服务合同"_s;
        form.amount = u"8000"_s;
        form.ownerLogin = u"sales1"_s;
        form.startDate = QDate(2026, 11, 1);
        form.endDate = QDate(2026, 11, 20);
        const domain::Contract pending = drafter.draft(form);
        for (const domain::ContractClause clause : domain::contractClauses().all())
            drafter.setClause(pending.id, clause, u"条款"_s);
        drafter.submit(pending.id); // waits for legal

        services::NegotiationService lead(this->as(u"manager1"_s));
        domain::NegotiationForm negotiation;
        negotiation.customerId = customer;
        negotiation.title = u"2027 年度设备框架协议"_s;
        negotiation.goal = u"三年框架"_s;
        negotiation.target = u"1200000"_s;
        negotiation.bottomLine = u"950000"_s;
        negotiation.anchor = u"1300000"_s;
        negotiation.batna = u"转向华南客户"_s;
        negotiation.batnaValue = u"900000"_s;
        negotiation.plannedEnd = QDate(2026, 10, 30);
        const qint64 negotiationId = lead.open(negotiation).id;
        lead.setMember(negotiationId, u"sales1"_s, u"member"_s, u"技术答疑"_s);

        services::EntertainmentService applicant(this->as(u"sales1"_s));
        applicant.submit(applicant.apply(bizdesk::testing::sampleExpenseForm()).id);
    }

    /// Every statement the task sources send for each kind of user, once each.
    QList<storage::StatementCapture::Statement> taskStatements()
    {
        QList<storage::StatementCapture::Statement> unique;
        QStringList seen;
        for (const QString &login : {u"sales1"_s, u"manager1"_s, u"director"_s, u"executive"_s, u"legal"_s, u"finance"_s}) {
            const storage::StatementCapture capture;
            services::TaskService::tasksFor(as(login));
            for (const auto &statement : capture.statements()) {
                if (seen.contains(statement.sql))
                    continue;
                seen << statement.sql;
                unique << statement;
            }
        }
        return unique;
    }

    /// The plan's lines, each statement explained as the backend would run it with its values.
    QStringList plan(const storage::StatementCapture::Statement &statement)
    {
        QStringList lines;
        if (GetParam() == bizdesk::testing::Backend::Sqlite) {
            storage::SqlQuery explain(database(), u"EXPLAIN QUERY PLAN "_s + statement.sql);
            for (const auto &[name, value] : statement.values)
                explain.bind(name, value);
            explain.exec();
            while (explain.next())
                lines << explain.value(3).toString();
            return lines;
        }
        // Not prepared: QPSQL prepares with PREPARE, which does not take an EXPLAIN.
        QSqlQuery explain(database().connection());
        const QString sql = u"EXPLAIN "_s + withLiterals(statement.sql, statement.values);
        if (!explain.exec(sql))
            ADD_FAILURE() << explain.lastError().text().toStdString() << " in " << sql.toStdString();
        while (explain.next())
            lines << explain.value(0).toString();
        return lines;
    }

    /// The lines of `plan` that read a whole table or index.
    QStringList fullScans(const QStringList &plan) const
    {
        QStringList scans;
        for (const QString &line : plan) {
            if (GetParam() == bizdesk::testing::Backend::Sqlite) {
                const QString detail = line.trimmed();
                // "SCAN CONSTANT ROW" and the rows of a subquery already limited are not tables.
                if (detail.startsWith(u"SCAN "_s) && !detail.startsWith(u"SCAN CONSTANT ROW"_s)
                    && !detail.startsWith(u"SCAN (subquery"_s))
                    scans << detail;
            } else if (line.contains(u"Seq Scan"_s)) {
                scans << line.trimmed();
            }
        }
        return scans;
    }
};

} // namespace

TEST_P(TaskQueryPlanTest, every_task_source_query_is_index_backed)
{
    const QList<storage::StatementCapture::Statement> statements = taskStatements();
    // Every source was asked and ran its queries: customers (follow-ups, overdue contacts),
    // contracts (approvals, copies, milestones, renewals, retention), negotiations (team,
    // acknowledgements) and entertainment (approvals, claims).
    QString all;
    for (const auto &statement : statements)
        all += statement.sql + u'\n';
    for (const char *table : {"customer_contact_log", "customers", "approval_step_approvers", "contract_copies",
                              "contract_milestones", "contracts", "negotiation_members", "negotiation_recipients",
                              "entertainment_requests", "delegations"})
        EXPECT_TRUE(all.contains(QString::fromLatin1(table))) << "no task query read " << table;

    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"SET enable_seqscan = off"_s);
    for (const auto &statement : statements) {
        const QString sql = statement.sql.trimmed();
        if (!sql.startsWith(u"SELECT"_s, Qt::CaseInsensitive) && !sql.startsWith(u"WITH"_s, Qt::CaseInsensitive))
            continue;
        const QStringList lines = plan(statement);
        EXPECT_TRUE(fullScans(lines).isEmpty()) << "full scan in:\n  " << sql.toStdString() << "\nplan:\n  "
                                                << lines.join(u"\n  "_s).toStdString();
    }
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"RESET enable_seqscan"_s);
}

TEST_P(TaskQueryPlanTest, overdue_contacts_are_one_index_range_that_stops_at_the_limit)
{
    const storage::StatementCapture capture;
    services::TaskService::tasksFor(as(u"sales1"_s));
    int overdueQueries = 0;
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"SET enable_seqscan = off"_s);
    for (const auto &statement : capture.statements()) {
        if (!statement.sql.contains(u"ORDER BY COALESCE(c.last_contact_at, c.owned_since, c.created_at)"_s))
            continue;
        ++overdueQueries;
        const QString lines = plan(statement).join(u'\n');
        EXPECT_TRUE(lines.contains(u"customers_owner_contact_due"_s)) << lines.toStdString();
        // The index gives the order: nothing is read past the limit to be sorted.
        EXPECT_FALSE(lines.contains(u"TEMP B-TREE"_s)) << lines.toStdString();
        EXPECT_FALSE(lines.contains(u"Sort"_s)) << lines.toStdString();
    }
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"RESET enable_seqscan"_s);
    EXPECT_EQ(overdueQueries, 3) << "one query per customer class";
}

TEST_P(TaskQueryPlanTest, each_source_reads_through_its_own_index)
{
    // A statement's distinctive text → the index its plan must name (docs/architecture.md,
    // "How each task query stays O(result)").
    const QList<std::pair<QString, QString>> expected{
        {u"ORDER BY COALESCE(c.last_contact_at"_s, u"customers_owner_contact_due"_s},
        {u"l.next_follow_up <= :until"_s, u"customer_contact_log_follow_up"_s},
        {u"end_date >= :from"_s, u"contracts_owner_end"_s},
        {u"CROSS JOIN contract_milestones m"_s, u"contract_milestones_open_by_contract"_s},
        {u"retention_until <= :today"_s, u"contracts_retention"_s},
        {u"FROM contract_copies p"_s, u"contract_copies_open"_s},
        {u"a.approver_id IN"_s, u"approval_step_approvers_approver"_s},
        {u"WHERE m.user_id = :person"_s, u"negotiation_members_user"_s},
        {u"r.acknowledged_at IS NULL"_s, u"negotiation_recipients_user"_s},
        {u"WHERE delegate_id = :delegate"_s, u"delegations_delegate"_s},
    };
    const QList<storage::StatementCapture::Statement> statements = taskStatements();
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"SET enable_seqscan = off"_s);
    for (const auto &[fragment, index] : expected) {
        int found = 0;
        for (const auto &statement : statements) {
            if (!statement.sql.contains(fragment))
                continue;
            ++found;
            const QString lines = plan(statement).join(u'\n');
            EXPECT_TRUE(lines.contains(index)) << index.toStdString() << " not used by:\n  " << statement.sql.toStdString()
                                               << "\nplan:\n  " << lines.toStdString();
        }
        EXPECT_GT(found, 0) << "no task query contains " << fragment.toStdString();
    }
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"RESET enable_seqscan"_s);
}

TEST_P(TaskQueryPlanTest, a_capture_records_only_while_alive_and_on_its_own_thread)
{
    storage::SqlQuery(database(), u"SELECT 1"_s).exec();
    QList<storage::StatementCapture::Statement> recorded;
    {
        const storage::StatementCapture capture;
        storage::SqlQuery(database(), u"SELECT id FROM users WHERE login = :login"_s).bind(":login", u"sales1"_s).exec();
        recorded = capture.statements();
    }
    EXPECT_EQ(storage::StatementCapture::current(), nullptr);
    ASSERT_EQ(recorded.size(), 1);
    EXPECT_EQ(recorded.first().sql, u"SELECT id FROM users WHERE login = :login"_s);
    ASSERT_EQ(recorded.first().values.size(), 1);
    EXPECT_EQ(recorded.first().values.first().first, u":login"_s);
    EXPECT_EQ(recorded.first().values.first().second.toString(), u"sales1"_s);
}

BIZDESK_INSTANTIATE_BACKENDS(TaskQueryPlanTest);

TEST_P(TaskQueryPlanTest, the_pool_return_sweep_reads_only_what_is_due_by_index)
{
    // Owned and created long ago: due since their last contact 200 days ago.
    storage::SqlQuery(database(), u"UPDATE customers SET owned_since = :long_ago, created_at = :long_ago2"_s)
        .bind(":long_ago", domain::toStorageTimestamp(m_clock.nowUtc().addDays(-300)))
        .bind(":long_ago2", domain::toStorageTimestamp(m_clock.nowUtc().addDays(-300)))
        .exec();
    const storage::StatementCapture capture;
    EXPECT_EQ(services::CustomerService(as(u"manager1"_s)).returnUnfollowedToPool().returned, 3);
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"SET enable_seqscan = off"_s);
    int candidateQueries = 0;
    for (const auto &statement : capture.statements()) {
        const QString sql = statement.sql.trimmed();
        const bool reads = sql.startsWith(u"SELECT"_s, Qt::CaseInsensitive) || sql.startsWith(u"UPDATE"_s, Qt::CaseInsensitive)
                           || sql.startsWith(u"DELETE"_s, Qt::CaseInsensitive);
        // The list of people the sweep visits is read once, whole: one row per person, not per customer.
        if (!reads || sql.contains(u" FROM users ORDER BY"_s))
            continue;
        const QStringList lines = plan(statement);
        EXPECT_TRUE(fullScans(lines).isEmpty()) << "full scan in:\n  " << sql.toStdString() << "\nplan:\n  "
                                                << lines.join(u"\n  "_s).toStdString();
        if (sql.contains(u"ORDER BY COALESCE(last_contact_at, owned_since, created_at), id LIMIT"_s)) {
            ++candidateQueries;
            const QString joined = lines.join(u'\n');
            EXPECT_TRUE(joined.contains(u"customers_owner_contact_due"_s)) << joined.toStdString();
            EXPECT_FALSE(joined.contains(u"TEMP B-TREE"_s)) << joined.toStdString();
            EXPECT_FALSE(joined.contains(u"Sort"_s)) << joined.toStdString();
        }
    }
    if (GetParam() == bizdesk::testing::Backend::PostgreSql)
        database().execute(u"RESET enable_seqscan"_s);
    EXPECT_GT(candidateQueries, 0);
}
