// Import speaks the regulation's words (issue 10): channels, classes and stages by the names of
// the regulation in both scripts and the variants users type; unknown values are mapped or
// rejected, never defaulted; messages name fields by their labels.
#include "domain/Error.h"
#include "services/customers/CustomerImport.h"
#include "services/customers/CustomerService.h"
#include "storage/SqlQuery.h"
#include "support/NameCollation.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;

namespace {

class CustomerImportTest : public BackendTest
{
protected:
    static services::ImportTable table(const QStringList &headers, const QList<QStringList> &rows)
    {
        services::ImportTable result;
        result.encoding = QStringLiteral("utf-8");
        result.headers = headers;
        result.rows = rows;
        for (int i = 0; i < rows.size(); ++i)
            result.lines << i + 2;
        return result;
    }
    domain::Customer named(const QString &name)
    {
        domain::CustomerQuery query;
        query.text = name;
        const auto rows = services::CustomerService(as(QStringLiteral("director"))).list(query, 10);
        for (const auto &row : rows) {
            if (row.customer.name == name)
                return row.customer;
        }
        ADD_FAILURE() << "no customer " << name.toStdString();
        return {};
    }
};

} // namespace

TEST_P(CustomerImportTest, regulation_channel_names_in_both_scripts_and_common_variants_import)
{
    const std::vector<std::pair<const char *, domain::Channel>> channels{
        {"网络营销", domain::Channel::Online},    {"網絡營銷", domain::Channel::Online},     {"网络", domain::Channel::Online},
        {"电话营销", domain::Channel::Phone},     {"電話營銷", domain::Channel::Phone},      {"電話行銷", domain::Channel::Phone},
        {"展会营销", domain::Channel::Exhibition}, {"展會營銷", domain::Channel::Exhibition}, {"展会", domain::Channel::Exhibition},
        {"合作伙伴推荐", domain::Channel::Partner}, {"合作夥伴推薦", domain::Channel::Partner},
        {"客户关系拓展", domain::Channel::Referral}, {"客戶關係拓展", domain::Channel::Referral}, {"客戶關系拓展", domain::Channel::Referral},
        {"客户介绍", domain::Channel::Referral},  {"老客户介绍", domain::Channel::Referral},  {"老客戶介紹", domain::Channel::Referral},
    };
    QList<QStringList> rows;
    for (std::size_t i = 0; i < channels.size(); ++i)
        rows << QStringList{QStringLiteral("渠道客户%1").arg(i), QString::fromUtf8(channels[i].first)};
    const auto report = services::CustomerImport(as(QStringLiteral("sales1")))
                            .run(table({QStringLiteral("客户名称"), QStringLiteral("来源渠道")}, rows), {QStringLiteral("name"), QStringLiteral("channel")}, false);
    EXPECT_TRUE(report.rejected.isEmpty()) << report.rejected.value(0).error.toStdString();
    ASSERT_EQ(report.imported, static_cast<int>(channels.size()));
    for (std::size_t i = 0; i < channels.size(); ++i) {
        const domain::Customer customer = named(QStringLiteral("渠道客户%1").arg(i));
        ASSERT_TRUE(customer.channel.has_value()) << channels[i].first;
        EXPECT_EQ(*customer.channel, channels[i].second) << channels[i].first;
    }
}

TEST_P(CustomerImportTest, classes_and_stages_accept_the_regulations_and_other_crms_words)
{
    const auto report = services::CustomerImport(as(QStringLiteral("sales1")))
                            .run(table({QStringLiteral("客户名称"), QStringLiteral("客户级别"), QStringLiteral("客户阶段")},
                                       {{QStringLiteral("甲"), QStringLiteral("普通客户"), QStringLiteral("客户初步沟通")},
                                        {QStringLiteral("乙"), QStringLiteral("非优先客户"), QStringLiteral("潛在客戶信息收集")},
                                        {QStringLiteral("丙"), QStringLiteral("A"), QStringLiteral("方案演示與洽談")},
                                        {QStringLiteral("丁"), QStringLiteral("重點客戶"), QStringLiteral("需求分析与方案制定")}}),
                                 services::CustomerImport::guessMapping({QStringLiteral("客户名称"), QStringLiteral("客户级别"), QStringLiteral("客户阶段")}), false);
    ASSERT_EQ(report.imported, 4) << report.rejected.value(0).error.toStdString();
    EXPECT_EQ(named(QStringLiteral("甲")).customerClass, domain::CustomerClass::General);
    EXPECT_EQ(named(QStringLiteral("甲")).stage, domain::Stage::Contacted);
    EXPECT_EQ(named(QStringLiteral("乙")).customerClass, domain::CustomerClass::Potential);
    EXPECT_EQ(named(QStringLiteral("乙")).stage, domain::Stage::Lead);
    EXPECT_EQ(named(QStringLiteral("丙")).customerClass, domain::CustomerClass::Key);
    EXPECT_EQ(named(QStringLiteral("丙")).stage, domain::Stage::DemoNegotiation);
    EXPECT_EQ(named(QStringLiteral("丁")).customerClass, domain::CustomerClass::Key);
    EXPECT_EQ(named(QStringLiteral("丁")).stage, domain::Stage::NeedsAnalysis);
}

TEST_P(CustomerImportTest, an_unknown_value_rejects_its_line_naming_the_label_until_it_is_mapped)
{
    const QStringList headers{QStringLiteral("客户名称"), QStringLiteral("客户类别"), QStringLiteral("微信")};
    const auto file = table(headers, {{QStringLiteral("星河科技"), QStringLiteral("战略客户"), QStringLiteral("wx1")},
                                      {QStringLiteral("银河商贸"), QStringLiteral("战略客户"), QStringLiteral("wx2")},
                                      {QStringLiteral("北辰物流"), QStringLiteral("一般客户"), QString()}});
    services::ImportPlan plan;
    plan.mapping = services::CustomerImport::guessMapping(headers);
    EXPECT_EQ(services::CustomerImport::ignoredColumns(file, plan.mapping), QStringList{QStringLiteral("微信")});
    const auto unknown = services::CustomerImport::unknownValues(file, plan);
    ASSERT_EQ(unknown.size(), 1);
    EXPECT_EQ(unknown.first().value, QStringLiteral("战略客户"));
    EXPECT_EQ(unknown.first().rows, 2);

    services::CustomerImport import(as(QStringLiteral("sales1")));
    plan.dryRun = true;
    const auto refused = import.run(file, plan);
    EXPECT_EQ(refused.imported, 1);
    ASSERT_EQ(refused.rejected.size(), 2);
    EXPECT_EQ(refused.rejected.first().line, 2);
    const QString message = refused.rejected.first().error;
    EXPECT_TRUE(message.startsWith(QStringLiteral("Class:"))) << message.toStdString(); // the label, not the key "class"
    EXPECT_TRUE(message.contains(QStringLiteral("Key customer (key)"))) << message.toStdString();
    EXPECT_EQ(refused.ignoredColumns, QStringList{QStringLiteral("微信")});

    plan.dryRun = false;
    plan.values[QStringLiteral("class")][QStringLiteral("战略客户")] = QStringLiteral("key");
    const auto mapped = import.run(file, plan);
    EXPECT_EQ(mapped.imported, 3);
    EXPECT_TRUE(mapped.rejected.isEmpty());
    EXPECT_EQ(named(QStringLiteral("星河科技")).customerClass, domain::CustomerClass::Key);
    EXPECT_EQ(named(QStringLiteral("银河商贸")).customerClass, domain::CustomerClass::Key);
}

TEST_P(CustomerImportTest, add_and_import_audit_one_create_entry_per_customer)
{
    services::NewCustomer input;
    input.name = QStringLiteral("表单客户");
    services::CustomerService(as(QStringLiteral("sales1"))).add(input);
    services::CustomerImport(as(QStringLiteral("sales1")))
        .run(table({QStringLiteral("客户名称")}, {{QStringLiteral("导入客户一")}, {QStringLiteral("导入客户二")}}), {QStringLiteral("name")}, false);
    storage::SqlQuery query(database(), QStringLiteral("SELECT after_json FROM audit_log WHERE action = 'customer.create' ORDER BY id"));
    query.exec();
    QStringList via;
    while (query.next()) {
        const QString after = query.value(0).toString();
        EXPECT_TRUE(after.contains(QStringLiteral("\"external_code\""))) << after.toStdString();
        via << (after.contains(QStringLiteral("\"via\":\"form\"")) ? QStringLiteral("form") : after.contains(QStringLiteral("\"via\":\"import\"")) ? QStringLiteral("import") : QStringLiteral("?"));
    }
    EXPECT_EQ(via, (QStringList{QStringLiteral("form"), QStringLiteral("import"), QStringLiteral("import")}));
}

TEST_P(CustomerImportTest, owners_and_lists_sort_chinese_names_by_pinyin)
{
    // 陈 < 高 < 李 < 刘 < 王 < 赵 in pinyin; by code point 陈 and 高 would come last.
    const auto owners = services::CustomerService(as(QStringLiteral("director"))).eligibleOwners().people;
    QStringList names;
    for (const auto &user : owners)
        names << user.displayName;
    ASSERT_GE(names.size(), 4);
    EXPECT_EQ(names.first(), QStringLiteral("张建华")); // the acting user first
    QStringList others = names.mid(1);
    QStringList sorted = others;
    std::sort(sorted.begin(), sorted.end(), support::NameCollation::less);
    EXPECT_EQ(others, sorted);
    EXPECT_LT(others.indexOf(QStringLiteral("陈经理")), others.indexOf(QStringLiteral("王小明")));

    for (const char *name : {"赵氏集团", "张三科技", "北京华信", "阿里巴巴"}) {
        services::NewCustomer input;
        input.name = QString::fromUtf8(name);
        services::CustomerService(as(QStringLiteral("director"))).add(input);
    }
    domain::CustomerQuery query;
    QStringList listed;
    for (const auto &row : services::CustomerService(as(QStringLiteral("director"))).page(query, 0, 10))
        listed << row.customer.name;
    EXPECT_EQ(listed, (QStringList{QStringLiteral("阿里巴巴"), QStringLiteral("北京华信"), QStringLiteral("张三科技"), QStringLiteral("赵氏集团")}));
    QStringList exported;
    for (const auto &row : services::CustomerService(as(QStringLiteral("director"))).exportTable(query).rows)
        exported << row.first().toString();
    EXPECT_EQ(exported, listed); // exports sort like the list
    query.descending = true;
    EXPECT_EQ(services::CustomerService(as(QStringLiteral("director"))).page(query, 0, 1).first().customer.name, QStringLiteral("赵氏集团"));
}

TEST_P(CustomerImportTest, the_name_list_query_is_index_backed)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's; PostgreSQL picks plans by statistics";
    for (const char *sql : {"EXPLAIN QUERY PLAN SELECT c.id FROM customers c ORDER BY c.name_sort, c.id LIMIT 200",
                            "EXPLAIN QUERY PLAN SELECT c.id FROM customers c WHERE c.class = 'key' ORDER BY c.name_sort, c.id LIMIT 200",
                            "EXPLAIN QUERY PLAN SELECT c.id FROM customers c WHERE c.owner_id = 3 ORDER BY c.name_sort, c.id LIMIT 200",
                            "EXPLAIN QUERY PLAN SELECT c.id FROM customers c WHERE (c.name_sort, c.id) > ('61', 5) ORDER BY c.name_sort, c.id LIMIT 200",
                            "EXPLAIN QUERY PLAN SELECT id FROM customers WHERE external_code = 'KH1' ORDER BY id LIMIT 1"}) {
        storage::SqlQuery plan(database(), QString::fromUtf8(sql));
        plan.exec();
        QString details;
        while (plan.next())
            details += plan.value(3).toString() + QLatin1Char('\n');
        EXPECT_FALSE(details.contains(QStringLiteral("TEMP B-TREE"))) << sql << "\n" << details.toStdString();
        EXPECT_TRUE(details.contains(QStringLiteral("USING INDEX")) || details.contains(QStringLiteral("USING COVERING INDEX"))) << sql << "\n" << details.toStdString();
    }
}

// Issue 17 §1: hostile lines are rejected by line (the reader's caps and each field's own limit),
// a hostile file is refused whole, and neither writes anything of what it refused.
TEST_P(CustomerImportTest, hostile_csv_lines_are_rejected_by_line_and_a_hostile_file_writes_nothing)
{
    const auto customers = [this] {
        return storage::SqlQuery(database(), QStringLiteral("SELECT COUNT(*) FROM customers")).scalar().toLongLong();
    };
    const qint64 before = customers();
    const QString csv = m_scratch->pathFor(QStringLiteral("hostile.csv"));
    bizdesk::testing::writeFile(csv, (QStringLiteral("客户名称,备注\n") + QString(300, QChar(u'客')) + QStringLiteral(",名称过长\n")
                                      + QStringLiteral("深圳海纳,\"") + QString(40'000, QLatin1Char('x')) + QStringLiteral("\"\n")
                                      + QStringLiteral("广州星河贸易,") + QString(5000, QLatin1Char('y')) + QStringLiteral("\n")
                                      + QStringLiteral("上海云杉科技,好\n"))
                                         .toUtf8());
    const services::ImportTable file = services::CustomerImport::read(csv);
    const auto report = services::CustomerImport(as(QStringLiteral("sales1"))).run(file, services::CustomerImport::guessMapping(file.headers), false);
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(report.total, 4);
    ASSERT_EQ(report.rejected.size(), 3);
    EXPECT_EQ(report.rejected.at(0).line, 2); // the name over its 200 characters
    EXPECT_TRUE(report.rejected.at(0).error.contains(QStringLiteral("200"))) << report.rejected.at(0).error.toStdString();
    EXPECT_EQ(report.rejected.at(1).line, 3); // a field over a spreadsheet cell's 32,767
    EXPECT_TRUE(report.rejected.at(1).error.contains(QStringLiteral("32767"))) << report.rejected.at(1).error.toStdString();
    EXPECT_EQ(report.rejected.at(2).line, 4); // notes over their 4,000 characters
    EXPECT_TRUE(report.rejected.at(2).error.contains(QStringLiteral("4000"))) << report.rejected.at(2).error.toStdString();
    EXPECT_EQ(customers(), before + 1);

    // A file named .xlsx that is not one, and a CSV with a NUL byte: refused whole, nothing written.
    const QString fake = m_scratch->pathFor(QStringLiteral("fake.xlsx"));
    bizdesk::testing::writeFile(fake, QStringLiteral("客户名称\n北京新客户\n").toUtf8());
    EXPECT_THROW(services::CustomerImport::read(fake), domain::Error);
    const QString binary = m_scratch->pathFor(QStringLiteral("binary.csv"));
    bizdesk::testing::writeFile(binary, QByteArray("Name\nNew customer\n\0\1\2", 21));
    EXPECT_THROW(services::CustomerImport::read(binary), domain::Error);
    EXPECT_EQ(customers(), before + 1);
}

BIZDESK_INSTANTIATE_BACKENDS(CustomerImportTest);
