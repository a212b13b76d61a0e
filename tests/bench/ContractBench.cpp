// contract_list_first_page: the first screen of the Contracts tab's list (ContractListModel, a
//   window by id through ContractService::list with the visibility rules) over 10 × rows contracts
//   (1M by default), versus QSqlTableModel::select() + fetching every row of the same table.
//   Goals: ≥ 20× faster than the reference and ≤ 50 ms.
// contract_transition: one contract review step (legal approval: load contract and route,
//   separation of duties, route progress, update with optimistic lock, transition row and
//   hash-chained audit entry, one transaction) on SQLite, p99. Goal ≤ 2 ms. Reference, same run:
//   raw sqlite3 in autocommit mode, an UPDATE of the contract and INSERTs of the same transition
//   and audit rows.
#include "bench/BenchScenario.h"
#include "bench/RawStatements.h"

#include "services/Session.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"
#include "storage/identity/UserRepository.h"
#include "support/TestDatabase.h"
#include "ui/contracts/ContractListModel.h"

#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sqlite3.h>

#include <cstdio>
#include <iterator>

namespace bizdesk::bench {
namespace {

const domain::FixedClock clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc())};

/// Customers added the ordinary way (they are few); returns their ids.
QList<qint64> addCustomers(services::Session &session, int count)
{
    QList<qint64> ids;
    services::CustomerService customers(session);
    for (int i = 0; i < count; ++i) {
        services::NewCustomer customer;
        customer.name = QStringLiteral("华信软件有限公司（%1号）").arg(i);
        ids << customers.add(customer).id;
    }
    return ids;
}

/// `count` contracts in every state of the list, inserted with raw sqlite3 in one transaction.
void rawContracts(const QString &path, const QList<qint64> &customers, qint64 owner, qint64 department, int count)
{
    static const char *const states[] = {"draft", "legal_review", "finance_review", "approved", "effective", "effective",
                                         "effective", "completed", "archived", "terminated"};
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO contracts (number, customer_id, title, owner_id, drafter_id, department_id, amount_minor, "
                       "currency, amount_cny_minor, start_date, end_date, state, signed_on, created_at, updated_at) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, 'CNY', ?, '2026-01-01', '2027-12-31', ?, ?, '2026-11-02T09:00:00.000Z', "
                       "'2026-11-02T09:00:00.000Z')",
                       -1, &insert, nullptr);
    for (int i = 0; i < count; ++i) {
        const QByteArray number = QStringLiteral("HT-%1-%2").arg(2000 + i / 10000).arg(i % 10000 + 1, 4, 10, QLatin1Char('0')).toUtf8();
        const QByteArray title = QStringLiteral("ERP 实施服务合同 %1").arg(i).toUtf8();
        const char *state = states[i % std::size(states)];
        const bool signedState = i % std::size(states) >= 4;
        const QByteArray signedOn = QDate(2026, 1, 1).addDays(i % 365).toString(Qt::ISODate).toUtf8();
        sqlite3_bind_text(insert, 1, number.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 2, customers.at(i % customers.size()));
        sqlite3_bind_text(insert, 3, title.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 4, owner);
        sqlite3_bind_int64(insert, 5, owner);
        sqlite3_bind_int64(insert, 6, department);
        sqlite3_bind_int64(insert, 7, 100000 + i);
        sqlite3_bind_int64(insert, 8, 100000 + i);
        sqlite3_bind_text(insert, 9, state, -1, SQLITE_STATIC);
        if (signedState)
            sqlite3_bind_text(insert, 10, signedOn.constData(), -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(insert, 10);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT; ANALYZE", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

BenchResult contractListFirstPage(const BenchOptions &options)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("contracts.sqlite"));
    const int contracts = options.rows * 10;
    {
        auto database = storage::Database::open(path, storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        testing::TestOrganisation organisation(*database);
        services::Session manager(*database, clock);
        manager.setUser(organisation.user(QStringLiteral("manager1")));
        const domain::User sales = organisation.user(QStringLiteral("sales1"));
        const QList<qint64> customers = addCustomers(manager, options.quick ? 5 : 200);
        database.reset(); // raw inserts next: no BizDesk connection holds the file meanwhile
        rawContracts(path, customers, sales.id, *sales.departmentId, contracts);
    }
    auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
    const int screen = 40;
    const int repetitions = options.quick ? 1 : 5;
    // The director sees everything; the manager's list carries the department visibility filter.
    std::vector<double> ours;
    for (const char *login : {"director", "manager1"}) {
        services::Session session(*database, clock);
        session.setUser(storage::UserRepository(*database).requireByLogin(QString::fromLatin1(login)));
        for (int r = 0; r < repetitions; ++r) {
            ours.push_back(millisecondsOf([&] {
                ui::ContractListModel model(session);
                model.reload(std::nullopt);
                for (int row = 0; row < screen; ++row)
                    for (int column = 0; column < ui::ContractListModel::ColumnCount; ++column)
                        model.data(model.index(row, column), Qt::DisplayRole);
            }));
        }
    }
    const double reference = millisecondsOf([&] {
        QSqlTableModel model(nullptr, database->connection());
        model.setTable(QStringLiteral("contracts"));
        model.setSort(model.fieldIndex(QStringLiteral("id")), Qt::DescendingOrder);
        model.select();
        while (model.canFetchMore())
            model.fetchMore();
        for (int row = 0; row < screen; ++row)
            model.data(model.index(row, 1));
    });
    std::fprintf(stderr, "contract_list_first_page: %d contracts; median ours %.3f ms (worst %.3f), reference %.3f ms\n", contracts,
                 percentile(ours, 50), percentile(ours, 100), reference);
    return {percentile(ours, 50), reference, QStringLiteral("ms"),
            QStringLiteral("QSqlTableModel select() + fetch all of %1 contracts").arg(contracts)};
}

BenchResult contractTransition(const BenchOptions &options)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("transitions.sqlite"));
    const int transitions = options.quick ? std::min(options.rows, 50) : std::clamp(options.rows / 100, 200, 1000);
    std::vector<double> ours;
    std::vector<double> reference;
    {
        auto database = storage::Database::open(path, storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        testing::TestOrganisation organisation(*database);
        services::Session manager(*database, clock);
        manager.setUser(organisation.user(QStringLiteral("manager1")));
        services::Session legal(*database, clock);
        legal.setUser(organisation.user(QStringLiteral("legal")));
        domain::ContractForm form;
        form.customerId = addCustomers(manager, 1).first();
        form.title = QStringLiteral("ERP 实施服务合同");
        form.amount = QStringLiteral("120000");
        form.ownerLogin = QStringLiteral("sales1");
        QList<qint64> ids;
        {
            storage::Transaction transaction(*database);
            services::ContractService drafter(manager);
            for (int i = 0; i < transitions; ++i) {
                const qint64 id = drafter.draft(form).id;
                for (const domain::ContractClause clause : domain::contractClauses().all())
                    drafter.setClause(id, clause, QStringLiteral("条款内容 ") + domain::contractClauses().name(clause));
                ids << drafter.submit(id).id;
            }
            transaction.commit();
        }
        services::ContractService reviewer(legal);
        for (qint64 id : ids)
            ours.push_back(millisecondsOf([&] { reviewer.approve(id, QStringLiteral("条款合规")); }));
    }

    const char *update = "UPDATE contracts SET state = 'leadership_approval', version = version + 1, updated_at = "
                         "'2026-11-02T09:00:00.000Z' WHERE id = ?";
    const char *transition = "INSERT INTO workflow_transitions (entity_kind, entity_id, action, from_state, to_state, actor_id, "
                             "comment, at, policy_version) VALUES ('contract', ?, 'approve', 'finance_review', "
                             "'leadership_approval', 8, 'ok', '2026-11-02T09:00:00.000Z', 1)";
    const char *audit = "INSERT INTO audit_log (at, actor_id, actor_login, action, entity_kind, entity_id, before_json, "
                        "after_json, policy_version, previous_hash, hash) VALUES ('2026-11-02T09:00:00.000Z', 8, 'finance', "
                        "'contract.approve', 'contract', ?, '{\"state\":\"finance_review\"}', "
                        "'{\"state\":\"leadership_approval\"}', 1, 'x', 'y')";
    reference = timeRawStatements(path, {update, transition, audit}, transitions);
    std::fprintf(stderr, "contract_transition: %d transitions; p50 ours %.3f ms, reference %.3f ms; p99 ours %.3f ms, reference %.3f ms\n",
                 transitions, percentile(ours, 50), percentile(reference, 50), percentile(ours, 99), percentile(reference, 99));
    return {percentile(ours, 99), percentile(reference, 99), QStringLiteral("ms"),
            QStringLiteral("raw sqlite3 UPDATE + 2 INSERTs of the same rows, autocommit, p99")};
}

const BenchRegistration listRegistration(QStringLiteral("contract_list_first_page"), contractListFirstPage);
const BenchRegistration transitionRegistration(QStringLiteral("contract_transition"), contractTransition);

} // namespace
} // namespace bizdesk::bench
