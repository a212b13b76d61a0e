// parallel_writers: eight real bizdeskctl processes on one SQLite file at once, each running
//   `customer add` then `customer list --limit 1` in a loop (issue 8 §6), every command timed
//   from process start to exit. Goal: p95 < 1 s and no "database is busy" error. Reference, same
//   run: the same commands one at a time (no contention), p95. With --rows below 10 000 (the
//   smoke test) each writer runs 2 rounds instead of 8.
#include "bench/BenchScenario.h"

#include "storage/Database.h"
#include "storage/Migrator.h"
#include "support/TestDatabase.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace bizdesk::bench {
namespace {

using namespace Qt::StringLiterals;

constexpr int writerCount = 8;

struct CommandTimings
{
    std::vector<double> milliseconds;
    int failures = 0;
    QStringList messages;
};

/// The next command of one writer: a customer added, then a one-row list, alternately.
QStringList commandOf(const QString &database, int writer, int step)
{
    QStringList arguments{u"--db"_s, database, u"--as"_s, u"sales1"_s};
    if (step % 2 == 0)
        arguments << u"customer"_s << u"add"_s << u"--name"_s << u"并发客户%1-%2"_s.arg(writer).arg(step)
                  << u"--allow-duplicate"_s;
    else
        arguments << u"customer"_s << u"list"_s << u"--limit"_s << u"1"_s;
    return arguments;
}

/// Runs `writers` loops of `steps` commands each, all loops at once; every command is timed.
CommandTimings runWriters(const QString &database, const QProcessEnvironment &environment, int writers, int steps)
{
    CommandTimings timings;
    QEventLoop loop;
    int running = 0;
    std::vector<std::unique_ptr<QProcess>> processes;
    std::vector<QElapsedTimer> started(static_cast<std::size_t>(writers));
    std::vector<int> nextStep(static_cast<std::size_t>(writers), 0);
    std::function<void(int)> startNext = [&](int writer) {
        const auto slot = static_cast<std::size_t>(writer);
        QProcess &process = *processes[slot];
        process.setArguments(commandOf(database, writer, nextStep[slot]++));
        started[slot].start();
        process.start();
    };
    for (int writer = 0; writer < writers; ++writer) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(QString::fromUtf8(BIZDESKCTL_PATH));
        process->setProcessEnvironment(environment);
        process->setStandardInputFile(QProcess::nullDevice());
        process->setStandardOutputFile(QProcess::nullDevice());
        QProcess *raw = process.get();
        QObject::connect(raw, &QProcess::finished, raw, [&, writer, raw](int exitCode, QProcess::ExitStatus status) {
            const auto slot = static_cast<std::size_t>(writer);
            timings.milliseconds.push_back(static_cast<double>(started[slot].nsecsElapsed()) / 1e6);
            const QString errors = QString::fromUtf8(raw->readAllStandardError()).trimmed();
            if (status != QProcess::NormalExit || exitCode != 0) {
                ++timings.failures;
                timings.messages << errors;
            }
            if (nextStep[slot] < steps) {
                startNext(writer);
            } else if (--running == 0) {
                loop.quit();
            }
        });
        processes.push_back(std::move(process));
    }
    running = writers;
    for (int writer = 0; writer < writers; ++writer)
        startNext(writer);
    loop.exec();
    return timings;
}

BenchResult parallelWriters(const BenchOptions &options)
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
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    const int steps = (options.quick || options.rows < 10000) ? 4 : 16;

    const CommandTimings alone = runWriters(scratch.location(), environment, 1, steps);
    const CommandTimings together = runWriters(scratch.location(), environment, writerCount, steps);
    std::fprintf(stderr,
                 "parallel_writers: %d writers x %d commands; p50 %.0f ms, p95 %.0f ms, max %.0f ms, %d failed; "
                 "alone p50 %.0f ms, p95 %.0f ms\n",
                 writerCount, steps, percentile(together.milliseconds, 50), percentile(together.milliseconds, 95),
                 percentile(together.milliseconds, 100), together.failures, percentile(alone.milliseconds, 50),
                 percentile(alone.milliseconds, 95));
    for (const QString &message : together.messages + alone.messages)
        std::fprintf(stderr, "parallel_writers: a command failed: %s\n", qPrintable(message));
    if (together.failures > 0 || alone.failures > 0)
        return {-1, percentile(alone.milliseconds, 95), u"ms"_s, u"a command failed (see stderr)"_s};
    return {percentile(together.milliseconds, 95), percentile(alone.milliseconds, 95), u"ms"_s,
            u"the same commands one at a time, p95"_s};
}

const BenchRegistration registration(u"parallel_writers"_s, parallelWriters);

} // namespace
} // namespace bizdesk::bench
