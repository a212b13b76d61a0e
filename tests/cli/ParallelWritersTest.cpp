// Eight real bizdeskctl processes write to one SQLite file at once (issue 8 §6): the password is
// checked before any transaction and every write transaction is short, so nobody sees
// "database is busy". Asserts outcomes only, never timings (those are in the report).
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int writers = 8;
constexpr int commandsPerWriter = 4;

} // namespace

TEST(ParallelWriters, eight_bizdeskctl_processes_on_one_sqlite_file_see_no_busy_error)
{
    bizdesk::testing::ScratchDatabase scratch(bizdesk::testing::Backend::Sqlite);
    {
        auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        bizdesk::testing::TestOrganisation organisation(*database);
    }
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"BIZDESK_PASSWORD"_s, bizdesk::testing::TestOrganisation::password);
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s)); // the children's log files
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));

    // Each writer is a shell loop of commands, so the processes overlap the whole time; a writer
    // mixes in a read-only command, which must not hold anyone up either.
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int writer = 0; writer < writers; ++writer) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        process->setProgram(u"/bin/sh"_s);
        process->setArguments({u"-c"_s,
                               uR"(for i in $(seq 1 %1); do
                                     "$0" --db "$1" --as sales1 customer add --name "并发客户$2-$i" --allow-duplicate >/dev/null || echo "exit $?" >&2
                                     "$0" --db "$1" --as sales1 customer list --limit 1 >/dev/null || echo "exit $?" >&2
                                   done)"_s.arg(commandsPerWriter),
                               QString::fromUtf8(BIZDESKCTL_PATH), scratch.location(), QString::number(writer)});
        processes.push_back(std::move(process));
    }
    for (auto &process : processes)
        process->start();
    QStringList problems;
    for (auto &process : processes) {
        ASSERT_TRUE(process->waitForFinished(240'000)) << "a writer hung";
        const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed();
        if (process->exitCode() != 0 || !err.isEmpty())
            problems << err;
    }
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u"\n---\n"_s).toStdString();

    auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::MustExist);
    EXPECT_EQ(storage::SqlQuery(*database, u"SELECT count(*) FROM customers"_s).scalar().toInt(), writers * commandsPerWriter);
    EXPECT_EQ(storage::SqlQuery(*database, u"SELECT count(*) FROM audit_log WHERE action = 'customer.create'"_s).scalar().toInt(),
              writers * commandsPerWriter);
}
