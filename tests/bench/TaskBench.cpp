// Issue 16, "instant at a million". Each scenario builds 10 × rows customers (1M by default), like
// customer_search and customer_list_first_page.
// tasks_for: a salesperson owning a fifth of them (200k of 1M), most long overdue for contact:
//   p95 of TaskService::tasksFor (every module's task source) versus the query My Tasks ran
//   before migration 0017 — the same three per-class statements planned through customers_owner,
//   which reads every customer the user owns and sorts them — over the same data in the same run.
// cold_start_director, cold_start_sales: the real bizdesk binary, process start to the first
//   paint of its current tab (--quit-after-first-paint, QT_QPA_PLATFORM=offscreen) on that
//   database, the user owning the customers, versus the same start on a database with the same
//   organisation and no customers; the median of the runs. The goal is ours ≤ 2 × the empty
//   start (a ratio ≥ 0.5).
#include "bench/BenchCustomers.h"
#include "bench/BenchScenario.h"

#include "domain/Clock.h"
#include "domain/customers/Customer.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/tasks/TaskSource.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/identity/UserRepository.h"
#include "support/TestDatabase.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <random>

namespace bizdesk::bench {
namespace {

const QDateTime benchNow = benchCustomersNow();

/// The last contact up to 400 days back, none for a tenth of the customers.
std::function<std::optional<int>(int)> spreadContacts()
{
    auto random = std::make_shared<std::mt19937>(16);
    return [random](int i) -> std::optional<int> {
        std::uniform_int_distribution<int> days(0, 400);
        const int daysAgo = days(*random);
        if (i % 10 == 3)
            return std::nullopt;
        return daysAgo;
    };
}

/// One database per owner login for the whole run: 10 × rows customers, a fifth of them owned by `login`.
QString customersOwnedBy(const BenchOptions &options, const QString &login)
{
    static QTemporaryDir folder;
    static QMap<QString, QString> paths;
    if (paths.contains(login))
        return paths.value(login);
    const QString path = organisationDatabase(folder.filePath(QStringLiteral("tasks-%1.sqlite").arg(login)));
    const QStringList others = login == QLatin1String("sales1") ? QStringList{QStringLiteral("sales2"), QStringLiteral("manager1")}
                                                                 : QStringList{QStringLiteral("sales1"), QStringLiteral("sales2")};
    insertCustomers(path, options.rows * 10, userId(path, login), {userId(path, others.at(0)), userId(path, others.at(1))}, spreadContacts());
    paths.insert(login, path);
    return path;
}

BenchResult tasksFor(const BenchOptions &options)
{
    services::ModuleCatalog::registerAll(); // every module's task source
    const QString path = customersOwnedBy(options, QStringLiteral("sales1"));
    auto database = storage::Database::open(path, storage::Database::CreateMode::MustExist);
    const domain::FixedClock clock(benchNow);
    services::Session session(*database, clock);
    session.setUser(storage::UserRepository(*database).requireByLogin(QStringLiteral("sales1")));
    const int repetitions = options.quick ? 3 : 30;
    std::vector<double> ours;
    for (int i = 0; i < repetitions; ++i)
        ours.push_back(millisecondsOf([&] { services::TaskService::tasksFor(session); }));

    // Before 0017: the same statement per class, but only customers_owner(owner_id, name, id) to
    // plan it with — every customer the owner has is read, then sorted.
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt *old = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT c.id, c.name, c.class, c.last_contact_at, c.created_at, u.display_name FROM customers c "
                       "INDEXED BY customers_owner LEFT JOIN users u ON u.id = c.owner_id WHERE c.owner_id = ?1 AND "
                       "COALESCE(c.last_contact_at, c.owned_since, c.created_at) < ?2 AND c.class = ?3 ORDER BY "
                       "COALESCE(c.last_contact_at, c.owned_since, c.created_at), c.id LIMIT 100",
                       -1, &old, nullptr);
    const qint64 owner = session.userId();
    const QList<std::pair<const char *, int>> intervals{{"key", 30}, {"general", 60}, {"potential", 90}};
    std::vector<double> reference;
    for (int i = 0; i < repetitions; ++i) {
        reference.push_back(millisecondsOf([&] {
            for (const auto &[customerClass, interval] : intervals) {
                const QByteArray cutoff = domain::toStorageTimestamp(benchNow.addDays(-interval)).toUtf8();
                sqlite3_bind_int64(old, 1, owner);
                sqlite3_bind_text(old, 2, cutoff.constData(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(old, 3, customerClass, -1, SQLITE_STATIC);
                while (sqlite3_step(old) == SQLITE_ROW) {
                }
                sqlite3_reset(old);
            }
        }));
    }
    sqlite3_finalize(old);
    sqlite3_close(db);
    return {percentile(ours, 95), percentile(reference, 95), QStringLiteral("ms"),
            QStringLiteral("p95, the overdue-contact statements before 0017 (customers_owner, sorted) for a user owning "
                           "%1 of %2 customers")
                .arg(options.rows * 2)
                .arg(options.rows * 10)};
}

/// Milliseconds from the start of `bizdesk` on `path` as `login` to the first paint of its tab.
double firstPaintMs(const QString &path, const QString &login, const QString &settingsFolder)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("BIZDESK_PASSWORD"), testing::TestOrganisation::password);
    // Settings, logs and the remembered audit head of the run stay out of the user's own.
    environment.insert(QStringLiteral("HOME"), settingsFolder + QStringLiteral("/home"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settingsFolder + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), settingsFolder + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), settingsFolder + QStringLiteral("/state"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), settingsFolder + QStringLiteral("/cache"));
    environment.remove(QStringLiteral("BIZDESK_DB"));
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(BIZDESK_GUI_PATH),
                  {QStringLiteral("--db"), path, QStringLiteral("--as"), login, QStringLiteral("--quit-after-first-paint")});
    if (!process.waitForFinished(300000))
        qFatal("cold_start: bizdesk did not finish: %s", qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
    static const QRegularExpression report(QStringLiteral("^first-paint-ms (\\d+)$"), QRegularExpression::MultilineOption);
    const auto match = report.match(QString::fromLocal8Bit(process.readAllStandardOutput()));
    if (!match.hasMatch())
        qFatal("cold_start: bizdesk exited %d without a first paint: %s", process.exitCode(),
               qPrintable(QString::fromLocal8Bit(process.readAllStandardError())));
    return match.captured(1).toDouble();
}

BenchResult coldStart(const BenchOptions &options, const QString &login)
{
    static QTemporaryDir folder;
    static QString empty;
    if (empty.isEmpty())
        empty = organisationDatabase(folder.filePath(QStringLiteral("empty.sqlite")));
    const QString big = customersOwnedBy(options, login);
    const QString settings = folder.filePath(QStringLiteral("settings-") + login);
    const int runs = options.quick ? 1 : 5;
    firstPaintMs(empty, login, settings); // the first start reads the binary and its libraries from disk
    std::vector<double> ours;
    std::vector<double> reference;
    for (int i = 0; i < runs; ++i) {
        reference.push_back(firstPaintMs(empty, login, settings));
        ours.push_back(firstPaintMs(big, login, settings));
    }
    return {percentile(ours, 50), percentile(reference, 50), QStringLiteral("ms"),
            QStringLiteral("median start to first paint on an empty database, %1 owning %2 of %3 customers in ours (goal: ratio ≥ 0.5)")
                .arg(login)
                .arg(options.rows * 2)
                .arg(options.rows * 10)};
}

const BenchRegistration tasksRegistration(QStringLiteral("tasks_for"), tasksFor);
const BenchRegistration directorRegistration(QStringLiteral("cold_start_director"),
                                             [](const BenchOptions &options) { return coldStart(options, QStringLiteral("director")); });
const BenchRegistration salesRegistration(QStringLiteral("cold_start_sales"),
                                          [](const BenchOptions &options) { return coldStart(options, QStringLiteral("sales1")); });

} // namespace
} // namespace bizdesk::bench
