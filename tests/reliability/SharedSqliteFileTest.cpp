// Issue 8 §1: the GUI and bizdeskctl share one SQLite file. Nothing in a process may open the
// database file except SQLite while a connection is open: closing any other descriptor drops the
// process's POSIX locks, the next bizdeskctl then believes it is the last user, checkpoints and
// deletes the GUI's live -wal and -shm, and whatever the GUI writes afterwards is lost.
#include "reliability/BizdeskctlProcess.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/Session.h"
#include "services/customers/CustomerService.h"
#include "services/identity/IdentityService.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QJsonArray>
#include <QSet>

#include <gtest/gtest.h>

#include <thread>

using namespace bizdesk;
using bizdesk::testing::BizdeskctlProcess;

namespace {

QSet<QString> customerNames(const BizdeskctlProcess &ctl)
{
    const auto list = ctl.runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1000")});
    EXPECT_EQ(list.exitCode, 0) << list.describe();
    QSet<QString> names;
    for (const QJsonValue &row : list.json().value(QStringLiteral("customers")).toArray())
        names.insert(row.toObject().value(QStringLiteral("name")).toString());
    return names;
}

QSet<qint64> customerIds(const BizdeskctlProcess &ctl)
{
    const auto list = ctl.runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1000")});
    QSet<qint64> ids;
    for (const QJsonValue &row : list.json().value(QStringLiteral("customers")).toArray())
        ids.insert(row.toObject().value(QStringLiteral("id")).toInteger());
    return ids;
}

/// The customers whose creation the audit trail records.
QSet<qint64> auditedCustomerCreations(const BizdeskctlProcess &ctl)
{
    const auto log = ctl.runAs(QStringLiteral("boss"), {QStringLiteral("audit"), QStringLiteral("log"), QStringLiteral("--entity"),
                                                       QStringLiteral("customer"), QStringLiteral("--limit"), QStringLiteral("1000")});
    EXPECT_EQ(log.exitCode, 0) << log.describe();
    QSet<qint64> ids;
    for (const QJsonValue &entry : log.json().value(QStringLiteral("entries")).toArray()) {
        if (entry.toObject().value(QStringLiteral("action")).toString() == QLatin1String("customer.create"))
            ids.insert(entry.toObject().value(QStringLiteral("entity_id")).toInteger());
    }
    return ids;
}

/// What the customer list's background count does: its own Database on a worker thread,
/// opened, read and closed while the GUI's connection stays open.
void countOnAWorkerThreadLikeTheCustomerList(const QString &path)
{
    std::thread worker([path] {
        auto second = storage::Database::open(path, storage::Database::CreateMode::MustExist);
        storage::SqlQuery(*second, QStringLiteral("SELECT count(*) FROM customers")).scalar();
    });
    worker.join();
}

} // namespace

using SharedSqliteFile = bizdesk::testing::InitialisedFileTest;

TEST_F(SharedSqliteFile, cli_processes_beside_an_open_connection_lose_no_row_and_no_audit_entry)
{
    const QString path = databasePath();
    const BizdeskctlProcess &ctl = this->ctl();

    const QSet<QString> fromA{QStringLiteral("甲方一号贸易"), QStringLiteral("甲方二号科技"), QStringLiteral("甲方三号物流")};
    const QSet<QString> fromB{QStringLiteral("乙方一号制造"), QStringLiteral("乙方二号咨询")};
    const auto addInB = [&](const QString &name) {
        const auto added = ctl.runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), name});
        ASSERT_EQ(added.exitCode, 0) << added.describe();
    };
    {
        // Process A (this one) is the GUI: one connection, held open the whole time.
        auto held = storage::Database::open(path, storage::Database::CreateMode::MustExist);
        domain::SystemClock clock;
        services::Session session(*held, clock);
        services::IdentityService(session).logIn(QStringLiteral("boss"), BizdeskctlProcess::password);
        services::CustomerService customers(session);
        const auto addInA = [&](const QString &name) {
            services::NewCustomer customer;
            customer.name = name;
            try {
                customers.add(customer);
            } catch (const domain::Error &error) {
                // What the old header check caused: SQLite notices that its -wal/-shm were deleted.
                ADD_FAILURE() << "the GUI's write of " << name.toStdString() << " failed: " << error.message().toStdString();
            }
        };

        addInA(QStringLiteral("甲方一号贸易"));
        countOnAWorkerThreadLikeTheCustomerList(path);

        // Process B: a script adds a customer, then the nightly backup runs; both exit.
        addInB(QStringLiteral("乙方一号制造"));
        const QString backupPath = pathFor(QStringLiteral("nightly.sqlite"));
        const auto backup = ctl.run({QStringLiteral("backup"), backupPath});
        ASSERT_EQ(backup.exitCode, 0) << backup.describe();

        // A keeps writing, another bizdeskctl writes in between, A writes again.
        addInA(QStringLiteral("甲方二号科技"));
        countOnAWorkerThreadLikeTheCustomerList(path);
        addInB(QStringLiteral("乙方二号咨询"));
        addInA(QStringLiteral("甲方三号物流"));

        // Still open in A: every other program sees A's rows already.
        EXPECT_EQ(customerNames(ctl), fromA + fromB);
        // The backup holds what was committed before it.
        const BizdeskctlProcess backupCtl(backupPath, pathFor(QStringLiteral("home")));
        EXPECT_EQ(customerNames(backupCtl), (QSet<QString>{QStringLiteral("甲方一号贸易"), QStringLiteral("乙方一号制造")}));
    }

    // Both closed: every row and every audit entry of both processes is there, the chain holds.
    EXPECT_EQ(customerNames(ctl), fromA + fromB);
    const QSet<qint64> ids = customerIds(ctl);
    EXPECT_EQ(ids.size(), 5);
    EXPECT_EQ(auditedCustomerCreations(ctl), ids);
    const auto verify = ctl.run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(verify.exitCode, 0) << verify.describe();
    EXPECT_TRUE(verify.json().value(QStringLiteral("ok")).toBool());
    const auto check = ctl.run({QStringLiteral("--json"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.describe();
}
