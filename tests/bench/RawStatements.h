#pragma once

#include "bench/BenchScenario.h"

#include <QString>

#include <sqlite3.h>

#include <vector>

namespace bizdesk::bench {

/// The naive reference of the transition benchmarks: raw sqlite3 in autocommit mode (WAL,
/// synchronous=NORMAL), `statements` run one after the other with ?1 bound to 1…count; the
/// milliseconds of each round.
inline std::vector<double> timeRawStatements(const QString &path, const std::vector<const char *> &sql, int count)
{
    sqlite3 *handle = nullptr;
    sqlite3_open(path.toUtf8().constData(), &handle);
    sqlite3_exec(handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    std::vector<sqlite3_stmt *> statements(sql.size(), nullptr);
    for (std::size_t i = 0; i < sql.size(); ++i)
        sqlite3_prepare_v2(handle, sql[i], -1, &statements[i], nullptr);
    std::vector<double> samples;
    for (int i = 1; i <= count; ++i) {
        samples.push_back(millisecondsOf([&] {
            for (sqlite3_stmt *statement : statements) {
                sqlite3_bind_int64(statement, 1, i);
                sqlite3_step(statement);
                sqlite3_reset(statement);
            }
        }));
    }
    for (sqlite3_stmt *statement : statements)
        sqlite3_finalize(statement);
    sqlite3_close(handle);
    return samples;
}

} // namespace bizdesk::bench
