// customer_import: 100k rows through CustomerImport (validation, duplicate checks, contacts, FTS)
//   versus raw sqlite3 inserts of the same rows into the same schema (FTS triggers included).
// customer_search: p95 of 3+-character Chinese substring searches over 10 × rows customers
//   (1M by default) through CustomerService::search versus LIKE '%…%' on the same data.
// customer_list_first_page: first screen of CustomerListModel sorted by name versus
//   QSqlTableModel::select() + fetching every row.
#include "bench/BenchCustomers.h"
#include "bench/BenchScenario.h"

#include "domain/customers/Customer.h"
#include "services/Session.h"
#include "services/customers/CustomerImport.h"
#include "services/customers/CustomerService.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/identity/UserRepository.h"
#include "support/TestDatabase.h"
#include "ui/customers/CustomerListModel.h"

#include <QSqlTableModel>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <memory>
#include <random>

namespace bizdesk::bench {
namespace {

using domain::CustomerRules;

const char *const cities[] = {"北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州", "天津", "重庆"};
const char *const words[] = {"华信", "中科", "鼎盛", "远航", "启明", "恒通", "天宇", "博雅", "盛世", "瑞丰", "金桥", "海纳",
                             "云帆", "星辰", "卓越", "新锐", "东方", "宏图", "易达", "智联", "万象", "长青", "和信", "泰和"};
const char *const trades[] = {"软件", "信息技术", "网络科技", "数据服务", "智能制造", "电子商务", "物流", "医疗器械",
                              "教育科技", "金融服务", "建筑工程", "新能源", "文化传媒", "生物科技"};
const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳", "司马"};
const char *const given[] = {"伟", "芳", "娜娜", "敏", "静", "建国", "志强", "晓明", "海燕", "子涵", "雨轩", "思远"};
const char *const roads[] = {"中山路", "人民路", "解放路", "建设路", "和平路", "长安街", "科技园路", "滨江大道"};

struct Row
{
    QString name, contact, phone, email, industry, address, customerClass;
};

Row makeRow(std::mt19937 &random, int i)
{
    auto pick = [&random](const auto &items) {
        return QString::fromUtf8(items[std::uniform_int_distribution<std::size_t>(0, std::size(items) - 1)(random)]);
    };
    Row row;
    const QString trade = pick(trades);
    row.name = pick(cities) + pick(words) + trade + QStringLiteral("有限公司（%1号）").arg(i);
    row.contact = pick(surnames) + pick(given);
    row.phone = QStringLiteral("1%1%2").arg(30 + i % 70).arg(i, 8, 10, QLatin1Char('0'));
    row.email = QStringLiteral("c%1@example%2.cn").arg(i).arg(i % 97);
    row.industry = trade;
    row.address = pick(cities) + pick(roads) + QStringLiteral("%1号").arg(i % 999 + 1);
    row.customerClass = i % 7 == 0 ? QStringLiteral("key") : i % 3 == 0 ? QStringLiteral("general") : QStringLiteral("potential");
    return row;
}

domain::Customer toCustomer(const Row &row)
{
    domain::Customer c;
    c.name = row.name;
    c.phone = row.phone;
    c.email = row.email;
    c.industry = row.industry;
    c.address = row.address;
    c.customerClass = CustomerRules::parseClass(QStringLiteral("class"), row.customerClass);
    return c;
}

/// Raw sqlite3 inserts of `rows` (customers + one contact each) in one transaction.
void rawInsert(const QString &path, const QList<Row> &rows, qint64 ownerId)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO customers (name, class, owner_id, industry, address, phone, email, stage, name_key, "
                       "phone_key, search_text, stage_changed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "'lead', ?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    sqlite3_stmt *contact = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO customer_contacts (customer_id, name) VALUES (?, ?)", -1, &contact, nullptr);
    const QByteArray now = "2026-11-02T09:00:00.000Z";
    for (const Row &row : rows) {
        domain::CustomerContact person;
        person.name = row.contact;
        const domain::Customer c = toCustomer(row);
        const QByteArray fields[] = {row.name.toUtf8(), row.customerClass.toUtf8(), row.industry.toUtf8(), row.address.toUtf8(),
                                     row.phone.toUtf8(), row.email.toUtf8(), CustomerRules::duplicateKey(row.name).toUtf8(),
                                     CustomerRules::phoneKey(row.phone).toUtf8(), CustomerRules::searchText(c, {person}).toUtf8()};
        sqlite3_bind_text(insert, 1, fields[0].constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, fields[1].constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 3, ownerId);
        for (int f = 2; f < 9; ++f)
            sqlite3_bind_text(insert, f + 2, fields[f].constData(), -1, SQLITE_TRANSIENT);
        for (int t = 11; t <= 13; ++t)
            sqlite3_bind_text(insert, t, now.constData(), -1, SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        const QByteArray contactName = row.contact.toUtf8();
        sqlite3_bind_int64(contact, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_text(contact, 2, contactName.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_step(contact);
        sqlite3_reset(contact);
    }
    sqlite3_finalize(insert);
    sqlite3_finalize(contact);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

QList<Row> makeRows(int count, quint32 seed)
{
    std::mt19937 random(seed);
    QList<Row> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows << makeRow(random, i);
    return rows;
}

BenchResult customerImport(const BenchOptions &options)
{
    QTemporaryDir folder;
    const QList<Row> rows = makeRows(options.rows, 7);
    services::ImportTable table;
    table.encoding = QStringLiteral("utf-8");
    table.headers = {QStringLiteral("客户名称"), QStringLiteral("联系人"), QStringLiteral("电话"), QStringLiteral("邮箱"),
                     QStringLiteral("行业"), QStringLiteral("地址"), QStringLiteral("客户类别")};
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        table.rows << QStringList{r.name, r.contact, r.phone, r.email, r.industry, r.address, r.customerClass};
        table.lines << i + 2;
    }
    const QString oursPath = organisationDatabase(folder.filePath(QStringLiteral("ours.sqlite")));
    const QString referencePath = organisationDatabase(folder.filePath(QStringLiteral("reference.sqlite")));
    double ours = 0;
    {
        auto database = storage::Database::open(oursPath, storage::Database::CreateMode::MustExist);
        domain::SystemClock clock;
        services::Session session(*database, clock);
        session.setUser(storage::UserRepository(*database).requireByLogin(QStringLiteral("sales1")));
        ours = millisecondsOf([&] {
            const auto report = services::CustomerImport(session).run(table, services::CustomerImport::guessMapping(table.headers), false);
            if (report.imported != rows.size())
                qFatal("import bench: %d of %lld imported", report.imported, static_cast<long long>(rows.size()));
        });
    }
    const double reference = millisecondsOf([&] { rawInsert(referencePath, rows, 1); });
    return {ours, reference, QStringLiteral("ms"), QStringLiteral("raw sqlite3 inserts, same schema with FTS triggers")};
}

/// The shared 10 × rows database for search and list (built once per run).
QString largeDatabase(const BenchOptions &options)
{
    static QTemporaryDir folder;
    static QString path;
    if (!path.isEmpty())
        return path;
    path = organisationDatabase(folder.filePath(QStringLiteral("large.sqlite")));
    rawInsert(path, makeRows(options.rows * 10, 11), 1);
    return path;
}

/// A session for the director on `database` (the clock and session live for the whole run).
services::Session &directorSession(storage::Database &database)
{
    static domain::SystemClock clock;
    static std::vector<std::unique_ptr<services::Session>> sessions;
    sessions.push_back(std::make_unique<services::Session>(database, clock));
    sessions.back()->setUser(storage::UserRepository(database).requireByLogin(QStringLiteral("director")));
    return *sessions.back();
}

BenchResult customerSearch(const BenchOptions &options)
{
    const QString path = largeDatabase(options);
    auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
    services::Session &session = directorSession(*database);
    const QStringList queries{QStringLiteral("华信软件"), QStringLiteral("远航物流"), QStringLiteral("欧阳娜娜"),
                              QStringLiteral("鼎盛医疗"), QStringLiteral("司马建国"), QStringLiteral("科技园路1"),
                              QStringLiteral("智联金融"), QStringLiteral("（12345号）"), QStringLiteral("海纳新能源"),
                              QStringLiteral("成都星辰"), QStringLiteral("长安街88"), QStringLiteral("泰和文化传媒")};
    const int repetitions = options.quick ? 1 : 5;
    std::vector<double> ours;
    std::vector<double> reference;
    services::CustomerService service(session);
    for (int r = 0; r < repetitions; ++r) {
        for (const QString &query : queries)
            ours.push_back(millisecondsOf([&] { service.search(query, 50); }));
    }
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt *like = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, name FROM customers WHERE search_text LIKE ? ORDER BY id LIMIT 50", -1, &like, nullptr);
    for (const QString &query : queries) {
        const QByteArray pattern = QStringLiteral("%%1%").arg(query).toUtf8();
        reference.push_back(millisecondsOf([&] {
            sqlite3_bind_text(like, 1, pattern.constData(), -1, SQLITE_TRANSIENT);
            while (sqlite3_step(like) == SQLITE_ROW) {
            }
            sqlite3_reset(like);
        }));
    }
    sqlite3_finalize(like);
    sqlite3_close(db);
    return {percentile(ours, 95), percentile(reference, 95), QStringLiteral("ms"),
            QStringLiteral("p95, LIKE '%…%' over %1 customers").arg(options.rows * 10)};
}

BenchResult customerListFirstPage(const BenchOptions &options)
{
    const QString path = largeDatabase(options);
    auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
    services::Session &session = directorSession(*database);
    const int screen = 40;
    const int repetitions = options.quick ? 1 : 5;
    std::vector<double> ours;
    for (int r = 0; r < repetitions; ++r) {
        ours.push_back(millisecondsOf([&] {
            ui::CustomerListModel model(session);
            model.setCountInBackground(true); // the count must not delay the first screen
            model.reload();
            for (int row = 0; row < screen; ++row)
                for (int column = 0; column < ui::CustomerListModel::ColumnCount; ++column)
                    model.data(model.index(row, column));
        }));
    }
    const double reference = millisecondsOf([&] {
        QSqlTableModel model(nullptr, database->connection());
        model.setTable(QStringLiteral("customers"));
        model.setSort(model.fieldIndex(QStringLiteral("name")), Qt::AscendingOrder);
        model.select();
        while (model.canFetchMore())
            model.fetchMore();
        for (int row = 0; row < screen; ++row)
            model.data(model.index(row, 1));
    });
    return {percentile(ours, 50), reference, QStringLiteral("ms"),
            QStringLiteral("QSqlTableModel select() + fetch all of %1 rows").arg(options.rows * 10)};
}

const BenchRegistration importRegistration(QStringLiteral("customer_import"), customerImport);
const BenchRegistration searchRegistration(QStringLiteral("customer_search"), customerSearch);
const BenchRegistration listRegistration(QStringLiteral("customer_list_first_page"), customerListFirstPage);

} // namespace
} // namespace bizdesk::bench
