// Legal's clause templates (§5.1.3), the files of a contract (§5.1, §5.3, §5.6.3) and the list's
// filters on both backends: who may keep templates, inserting one into a clause, hashes, the size
// cap read while streaming, destruction that keeps the files' metadata, and customer, owner,
// expiring and overdue filters with the query plan that proves each index-backed.
#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/contracts/ClauseTemplateService.h"
#include "services/contracts/ContractAttachments.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "storage/contracts/ContractRepository.h"
#include "support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <functional>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using Kind = domain::ContractAttachment::Kind;

namespace {

class ContractFilesTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"苏州恒信电子有限公司"_s;
        customer.customerClass = u"general"_s;
        m_customer = services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }

    using Tweak = std::function<void(domain::ContractForm &)>;
    domain::Contract draft(const Tweak &tweak = {})
    {
        domain::ContractForm form;
        form.customerId = m_customer;
        form.title = u"设备维保合同"_s;
        form.amount = u"80000"_s;
        if (tweak)
            tweak(form);
        return services::ContractService(as(u"manager1"_s)).draft(form);
    }

    /// A draft taken through legal, finance and the director: approved.
    domain::Contract approved(const Tweak &tweak = {})
    {
        const domain::Contract contract = draft(tweak);
        services::ContractService drafter(as(u"manager1"_s));
        for (const domain::ContractClause clause : domain::contractClauses().all())
            drafter.setClause(contract.id, clause, u"约定："_s + domain::contractClauses().name(clause));
        drafter.submit(contract.id);
        domain::Contract decided;
        for (const char *reviewer : {"legal", "finance", "director"})
            decided = services::ContractService(as(QString::fromLatin1(reviewer))).approve(contract.id);
        return decided;
    }
    domain::Contract effective(const Tweak &tweak = {})
    {
        return services::ContractExecutionService(as(u"manager1"_s)).sign(approved(tweak).id, signing);
    }

    const services::SigningInput signing{QDate(2026, 11, 2), u"director"_s, u"钱总"_s, true, std::nullopt};

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return path;
    }

    qint64 count(const QString &sql)
    {
        return storage::SqlQuery(database(), sql).scalar().toLongLong();
    }

    QTemporaryDir m_files;
    qint64 m_customer = 0;
};

} // namespace

TEST_P(ContractFilesTest, legal_keeps_templates_and_drafters_insert_them_per_clause)
{
    services::ClauseTemplateService legal(as(u"legal"_s));
    const domain::ClauseTemplate payment = legal.add(domain::ContractClause::Payment, u"分期付款（标准）"_s,
                                                     u"合同签订后七日内支付 30%，验收合格后支付 70%。"_s);
    legal.add(domain::ContractClause::Breach, u"违约金（标准）"_s, u"逾期每日按合同金额的万分之五支付违约金。"_s);
    EXPECT_ERROR_KIND(legal.add(domain::ContractClause::Payment, u"分期付款（标准）"_s, u"另一段文字"_s), Conflict);
    EXPECT_ERROR_KIND(legal.add(domain::ContractClause::Payment, u"空模板"_s, u"   "_s), Invalid);
    EXPECT_ERROR_KIND(services::ClauseTemplateService(as(u"manager1"_s)).add(domain::ContractClause::Price, u"价格"_s, u"固定总价"_s),
                      Denied);
    EXPECT_EQ(count(u"SELECT count(*) FROM contract_clause_templates"_s), 2);

    services::ClauseTemplateService drafter(as(u"manager1"_s));
    const QList<domain::ClauseTemplate> paymentTemplates = drafter.list(domain::ContractClause::Payment);
    ASSERT_EQ(paymentTemplates.size(), 1);
    EXPECT_EQ(paymentTemplates.first().name, u"分期付款（标准）"_s);
    EXPECT_EQ(drafter.list().size(), 2);
    EXPECT_FALSE(drafter.mayMaintain());
    EXPECT_TRUE(legal.mayMaintain());

    const domain::Contract contract = draft();
    const domain::Contract written = drafter.insertInto(contract.id, domain::ContractClause::Payment, payment.id);
    EXPECT_EQ(written.clauses.value(domain::ContractClause::Payment), payment.body);
    EXPECT_EQ(written.version, contract.version + 1);
    // A payment template does not go into the price clause; nothing is written.
    EXPECT_ERROR_KIND(drafter.insertInto(contract.id, domain::ContractClause::Price, payment.id), Invalid);
    EXPECT_ERROR_KIND(drafter.insertInto(contract.id, domain::ContractClause::Price, 9999), NotFound);
    EXPECT_TRUE(services::ContractService(as(u"manager1"_s)).detail(contract.id).contract.clauses.value(domain::ContractClause::Price).isEmpty());

    EXPECT_ERROR_KIND(drafter.remove(payment.id), Denied);
    legal.remove(payment.id);
    EXPECT_ERROR_KIND(legal.remove(payment.id), NotFound);
    EXPECT_EQ(drafter.list(domain::ContractClause::Payment).size(), 0);
    // The clause written from it stays; every change is in the audit trail.
    EXPECT_EQ(services::ContractService(as(u"manager1"_s)).detail(contract.id).contract.clauses.value(domain::ContractClause::Payment),
              payment.body);
    EXPECT_EQ(count(u"SELECT count(*) FROM audit_log WHERE action IN ('contract_template.add', 'contract_template.remove')"_s), 3);
    EXPECT_EQ(count(u"SELECT count(*) FROM audit_log WHERE action = 'contract.clause' AND after_json LIKE '%\"template\"%'"_s), 1);
}

TEST_P(ContractFilesTest, attachments_are_stored_with_their_hash_and_read_back_checked)
{
    const domain::Contract contract = draft();
    const QByteArray document = QByteArray("%PDF-1.7\n") + QByteArray(300000, 'x');
    services::ContractAttachments files(as(u"manager1"_s));
    const domain::ContractAttachment attached = files.attachFile(contract.id, writeFile(u"合同正文.pdf"_s, document), Kind::Document);
    EXPECT_EQ(attached.fileName, u"合同正文.pdf"_s);
    EXPECT_EQ(attached.size, document.size());
    EXPECT_EQ(attached.sha256, QString::fromLatin1(QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(attached.mediaType, u"application/pdf"_s);
    EXPECT_EQ(files.content(attached.id), document);

    const services::ContractDetail detail = services::ContractService(as(u"legal"_s)).detail(contract.id);
    ASSERT_EQ(detail.attachments.size(), 1);
    EXPECT_EQ(detail.attachments.first().sha256, attached.sha256);

    // Someone who does not see the contract does not learn that the file exists.
    EXPECT_ERROR_KIND(services::ContractAttachments(as(u"sales3"_s)).content(attached.id), NotFound);
    EXPECT_ERROR_KIND(services::ContractAttachments(as(u"sales3"_s)).attachFile(contract.id, writeFile(u"a.txt"_s, "annex"), Kind::Annex),
                      NotFound);
    // Finance sees it but does not keep its papers.
    EXPECT_ERROR_KIND(services::ContractAttachments(as(u"finance"_s)).attachFile(contract.id, writeFile(u"b.txt"_s, "annex"), Kind::Annex),
                      Denied);
    // A signed scan belongs to a signed contract.
    EXPECT_ERROR_KIND(files.attachFile(contract.id, writeFile(u"scan.pdf"_s, "%PDF-1.4 scan"), Kind::SignedScan), Conflict);
    EXPECT_ERROR_KIND(files.attachFile(contract.id, m_files.filePath(u"missing.pdf"_s), Kind::Annex), Invalid);
    EXPECT_ERROR_KIND(files.attachFile(contract.id, writeFile(u"empty.pdf"_s, {}), Kind::Annex), Invalid);
    EXPECT_EQ(count(u"SELECT count(*) FROM contract_attachments"_s), 1);

    // A stored copy changed behind BizDesk's back is refused on the way out.
    storage::SqlQuery(database(), u"UPDATE contract_attachments SET sha256 = :sha WHERE id = :id"_s)
        .bind(":sha", QString(64, QLatin1Char('0')))
        .bind(":id", attached.id)
        .exec();
    EXPECT_ERROR_KIND(files.content(attached.id), Conflict);
}

TEST_P(ContractFilesTest, the_size_cap_is_a_policy_counted_while_reading)
{
    services::PolicyService(as(u"director"_s)).set(domain::policy::contractAttachmentMaxMb, u"1"_s);
    const domain::Contract contract = draft();
    services::ContractAttachments files(as(u"manager1"_s));
    EXPECT_EQ(files.cap().bytes, 1024 * 1024);
    const QString big = writeFile(u"附件一.pdf"_s, QByteArray(1024 * 1024 + 1, 'a'));
    try {
        files.attachFile(contract.id, big, Kind::Annex);
        ADD_FAILURE() << "an attachment over the cap was accepted";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_TRUE(error.message().contains(u"附件一.pdf"_s)) << error.message().toStdString();
        EXPECT_TRUE(error.message().contains(u"1 MB"_s)) << error.message().toStdString();
    }
    // A device that declares no size and never ends is stopped at the cap, not read to the end.
    if (QFile::exists(u"/dev/zero"_s))
        EXPECT_ERROR_KIND(files.attachFile(contract.id, u"/dev/zero"_s, Kind::Annex), Invalid);
    EXPECT_EQ(count(u"SELECT count(*) FROM contract_attachments"_s), 0);
    const domain::ContractAttachment exact = files.attachFile(contract.id, writeFile(u"附件二.pdf"_s, QByteArray(1024 * 1024, 'b')), Kind::Annex);
    EXPECT_EQ(exact.size, 1024 * 1024);
}

TEST_P(ContractFilesTest, signing_with_the_scan_is_one_step_and_destruction_keeps_the_metadata)
{
    domain::Contract contract = effective();
    services::ContractAttachments files(as(u"manager1"_s));
    const domain::ContractAttachment scan = files.attachFile(contract.id, writeFile(u"签署版.pdf"_s, "%PDF-1.4 signed"), Kind::SignedScan);

    // Complete, archive in the past (so the retention has run out) and destroy.
    contract = services::ContractExecutionService(as(u"director"_s)).complete(contract.id, u"客户提前结清"_s);
    contract = services::ContractExecutionService(as(u"legal"_s))
                   .archive(contract.id, domain::ArchiveRecord{u"DA-2026-003"_s, u"档案室 B-1"_s, QDate(2026, 11, 2), {}});
    m_clock.set(QDateTime(QDate(2037, 1, 5), QTime(9, 0), QTimeZone::utc()));
    EXPECT_ERROR_KIND(services::ContractAttachments(as(u"legal"_s)).attachFile(contract.id, writeFile(u"late.pdf"_s, "late"), Kind::Annex),
                      Conflict);
    services::ContractExecutionService(as(u"director"_s)).destroy(contract.id);

    const QList<domain::ContractAttachment> kept = services::ContractAttachments(as(u"director"_s)).list(contract.id);
    ASSERT_EQ(kept.size(), 1);
    EXPECT_EQ(kept.first().fileName, u"签署版.pdf"_s);
    EXPECT_EQ(kept.first().sha256, scan.sha256);
    EXPECT_EQ(kept.first().size, scan.size);
    EXPECT_FALSE(kept.first().hasContent);
    EXPECT_ERROR_KIND(services::ContractAttachments(as(u"director"_s)).content(scan.id), Conflict);
}

TEST_P(ContractFilesTest, the_retention_page_lists_archived_contracts_once_their_retention_has_run_out)
{
    domain::Contract contract = effective();
    const domain::Contract stillRunning = effective();
    contract = services::ContractExecutionService(as(u"director"_s)).complete(contract.id, u"客户提前结清"_s);
    contract = services::ContractExecutionService(as(u"legal"_s))
                   .archive(contract.id, domain::ArchiveRecord{u"DA-2026-004"_s, u"档案室 B-2"_s, QDate(2026, 11, 2), {}});
    services::ContractQuery retention;
    retention.retentionExpired = true;
    const auto idsOf = [&] {
        QList<qint64> ids;
        for (const domain::ContractListRow &row : services::ContractService(as(u"director"_s)).list(retention))
            ids << row.contract.id;
        return ids;
    };
    EXPECT_TRUE(idsOf().isEmpty()) << "kept until " << contract.archive->retentionUntil.toString(Qt::ISODate).toStdString();
    m_clock.set(QDateTime(contract.archive->retentionUntil, QTime(9, 0), QTimeZone::utc()));
    EXPECT_EQ(idsOf(), QList<qint64>{contract.id}) << "the effective contract " << stillRunning.id << " is not listed";
    services::ContractExecutionService(as(u"director"_s)).destroy(contract.id);
    EXPECT_TRUE(idsOf().isEmpty()) << "a destroyed contract leaves the retention page";
}

TEST_P(ContractFilesTest, a_refused_signing_leaves_no_scan_and_a_refused_scan_leaves_no_signing)
{
    services::ContractAttachments files(as(u"manager1"_s));
    const QString scan = writeFile(u"scan.pdf"_s, "%PDF-1.4 scan");
    // Still a draft: the signing is refused and the scan not stored.
    EXPECT_ERROR_KIND(files.signWithScan(draft().id, signing, scan), Conflict);
    EXPECT_EQ(count(u"SELECT count(*) FROM contract_attachments"_s), 0);
    // A scan that cannot be read stops the signing before anything is written.
    const domain::Contract contract = approved();
    ASSERT_EQ(contract.state, domain::ContractState::Approved);
    EXPECT_ERROR_KIND(files.signWithScan(contract.id, signing, m_files.filePath(u"nowhere.pdf"_s)), Invalid);
    EXPECT_EQ(services::ContractService(as(u"manager1"_s)).detail(contract.id).contract.state, domain::ContractState::Approved);
    EXPECT_EQ(count(u"SELECT count(*) FROM contract_copies"_s), 0);

    EXPECT_EQ(files.signWithScan(contract.id, signing, scan).state, domain::ContractState::Effective);
    const QList<domain::ContractAttachment> attached = files.list(contract.id);
    ASSERT_EQ(attached.size(), 1);
    EXPECT_EQ(attached.first().kind, Kind::SignedScan);
}

namespace {

QList<qint64> idsOf(const QList<domain::ContractListRow> &rows)
{
    QList<qint64> ids;
    for (const domain::ContractListRow &row : rows)
        ids << row.contract.id;
    return ids;
}

} // namespace

TEST_P(ContractFilesTest, the_list_filters_by_customer_owner_ending_soon_and_overdue_receivables)
{
    services::NewCustomer other;
    other.name = u"杭州云帆科技有限公司"_s;
    const qint64 otherCustomer = services::CustomerService(as(u"manager1"_s)).add(other).id;
    // today is 2026-11-02; the renewal notice is 60 days.
    const domain::Contract endingSoon = effective([](domain::ContractForm &form) {
        form.ownerLogin = u"sales1"_s;
        form.endDate = QDate(2026, 12, 20);
    });
    const domain::Contract overdue = effective([](domain::ContractForm &form) { form.endDate = QDate(2027, 6, 30); });
    services::ContractExecutionService(as(u"manager1"_s)).addReceivable(overdue.id, QDate(2026, 10, 15), u"10000"_s);
    const domain::Contract paidUp = effective([](domain::ContractForm &form) { form.endDate = QDate(2027, 3, 1); });
    const qint64 installment = services::ContractExecutionService(as(u"manager1"_s)).addReceivable(paidUp.id, QDate(2026, 10, 1), u"5000"_s);
    services::ContractExecutionService(as(u"finance"_s)).recordPayment(paidUp.id, QDate(2026, 10, 1), u"5000"_s, installment, u"转账"_s);
    const domain::Contract otherDraft = draft([&](domain::ContractForm &form) {
        form.customerId = otherCustomer;
        form.endDate = QDate(2026, 11, 30); // ends soon, but only effective contracts are renewed
    });

    services::ContractService director(as(u"director"_s));
    const auto list = [&](const std::function<void(services::ContractQuery &)> &choose) {
        services::ContractQuery query;
        choose(query);
        return idsOf(director.list(query));
    };
    EXPECT_EQ(list([](services::ContractQuery &) {}).size(), 4);
    EXPECT_EQ(list([&](services::ContractQuery &q) { q.customer = otherCustomer; }), QList<qint64>{otherDraft.id});
    EXPECT_EQ(list([&](services::ContractQuery &q) { q.owner = organisation().id(u"sales1"_s); }), QList<qint64>{endingSoon.id});
    EXPECT_EQ(list([](services::ContractQuery &q) { q.ownerLogin = u"sales1"_s; }), QList<qint64>{endingSoon.id});
    EXPECT_EQ(list([](services::ContractQuery &q) { q.expiring = true; }), QList<qint64>{endingSoon.id});
    EXPECT_EQ(list([](services::ContractQuery &q) { q.overdue = true; }), QList<qint64>{overdue.id});
    EXPECT_TRUE(list([&](services::ContractQuery &q) {
                    q.overdue = true;
                    q.customer = otherCustomer;
                }).isEmpty());
    services::ContractQuery nobody;
    nobody.ownerLogin = u"nobody"_s;
    EXPECT_ERROR_KIND(director.list(nobody), NotFound);

    // A longer notice period reaches further; paying the installment ends "overdue".
    services::PolicyService(as(u"director"_s)).set(domain::policy::contractRenewalNoticeDays, u"150"_s);
    EXPECT_EQ(list([](services::ContractQuery &q) { q.expiring = true; }), (QList<qint64>{paidUp.id, endingSoon.id}));
    const qint64 due = services::ContractService(as(u"finance"_s)).detail(overdue.id).receivables.first().id;
    services::ContractExecutionService(as(u"finance"_s)).recordPayment(overdue.id, QDate(2026, 11, 2), u"10000"_s, due, u"转账"_s);
    EXPECT_TRUE(list([](services::ContractQuery &q) { q.overdue = true; }).isEmpty());
    // Visibility still applies: sales2 owns none of them.
    services::ContractQuery mine;
    mine.expiring = true;
    EXPECT_TRUE(services::ContractService(as(u"sales2"_s)).list(mine).isEmpty());
}

TEST_P(ContractFilesTest, every_list_filter_is_index_backed)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
    storage::ContractRepository repository(database());
    const auto planOf = [&](const std::function<void(storage::ContractFilter &)> &choose, bool restricted) {
        storage::ContractFilter filter;
        choose(filter);
        if (restricted) { // as a manager sees the list: their department plus their own
            filter.restricted = true;
            filter.departments << organisation().department(u"商务一部"_s);
            filter.alsoOwnedBy = organisation().id(u"manager1"_s);
        }
        filter.beforeId = 1000;
        return repository.listPlan(filter);
    };
    const std::vector<std::pair<const char *, std::function<void(storage::ContractFilter &)>>> filters{
        {"customer", [](storage::ContractFilter &f) { f.customer = 7; }},
        {"owner", [](storage::ContractFilter &f) { f.owner = 3; }},
        {"expiring", [](storage::ContractFilter &f) {
             f.endingFrom = QDate(2026, 11, 2);
             f.endingTo = QDate(2027, 1, 1);
         }},
        {"overdue", [](storage::ContractFilter &f) { f.overdueOn = QDate(2026, 11, 2); }},
        {"retention", [](storage::ContractFilter &f) { f.retentionEndedBy = QDate(2026, 11, 2); }},
    };
    for (const auto &[name, choose] : filters) {
        for (const bool restricted : {false, true}) {
            const QString plan = planOf(choose, restricted);
            for (const char *table : {"SCAN k", "SCAN r", "SCAN p", "SCAN c", "SCAN u", "PRIMARY KEY (rowid<?)"})
                EXPECT_FALSE(plan.contains(QLatin1String(table))) << name << (restricted ? " (restricted)" : "") << ":\n"
                                                                  << plan.toStdString();
        }
    }
    // The plans name the indexes meant: the end-date range, and the installments per contract.
    EXPECT_TRUE(planOf(filters[3].second, false).contains(u"contract_receivables_due_by_contract"_s)) << planOf(filters[3].second, false).toStdString();
    EXPECT_TRUE(planOf(filters[2].second, false).contains(u"contracts_end "_s)) << planOf(filters[2].second, false).toStdString();
    EXPECT_TRUE(planOf(filters[4].second, false).contains(u"contracts_retention"_s)) << planOf(filters[4].second, false).toStdString();
}

BIZDESK_INSTANTIATE_BACKENDS(ContractFilesTest);
