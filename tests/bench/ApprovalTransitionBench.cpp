// approval_transition: one entertainment approval step (load request and route, separation of
// duties, delegation lookup, route progress, request update with optimistic lock, workflow
// transition row and hash-chained audit entry, one transaction) on SQLite — p99 in ms. Goal ≤ 2 ms.
// Reference, same run: the naive way — raw sqlite3 in autocommit mode, an UPDATE of the request
// and INSERTs of the same transition and audit rows (three implicit transactions), p99.
// With SQLite's default 1000-page auto-checkpoint the WAL copy (fsync) landed in about 1 % of the
// approvals (each writes ~10 pages) and made the p99; storage::Database now checkpoints when the
// program is idle instead, with a 10000-page safety net, which is the configuration measured here.
#include "bench/BenchScenario.h"
#include "bench/RawStatements.h"

#include "services/Session.h"
#include "services/entertainment/EntertainmentService.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QTemporaryDir>
#include <QTimeZone>

#include <sqlite3.h>

#include <cstdio>

namespace bizdesk::bench {
namespace {

BenchResult approvalTransition(const BenchOptions &options)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("bench.sqlite"));
    const int transitions = options.quick ? std::min(options.rows, 50) : std::clamp(options.rows / 100, 200, 2000);
    std::vector<double> ours;
    std::vector<double> reference;
    {
        auto database = storage::Database::open(path, storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        testing::TestOrganisation organisation(*database);
        domain::FixedClock clock(QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc()));
        services::Session applicant(*database, clock);
        applicant.setUser(organisation.user(QStringLiteral("sales1")));
        services::Session manager(*database, clock);
        manager.setUser(organisation.user(QStringLiteral("manager1")));

        domain::ExpenseForm form = testing::sampleExpenseForm(QStringLiteral("10.00"));
        QList<qint64> ids;
        {
            storage::Transaction transaction(*database);
            services::EntertainmentService service(applicant);
            for (int i = 0; i < transitions; ++i) {
                // A year of events so the monthly budget is never the limit.
                form.eventAt = QDateTime(QDate(2026, 12, 1).addDays(i % 365), QTime(18, 0), QTimeZone::utc());
                ids << service.submit(service.apply(form).id).id;
            }
            transaction.commit();
        }
        services::EntertainmentService approver(manager);
        for (qint64 id : ids)
            ours.push_back(millisecondsOf([&] { approver.approve(id, QStringLiteral("同意")); }));
    }

    const char *update = "UPDATE entertainment_requests SET state = 'approved', version = version + 1, updated_at = "
                         "'2026-11-02T09:00:00.000Z' WHERE id = ?";
    const char *transition = "INSERT INTO workflow_transitions (entity_kind, entity_id, action, from_state, to_state, actor_id, "
                             "comment, at, policy_version) VALUES ('expense', ?, 'approve', 'pending_superior_approval', "
                             "'approved', 2, 'ok', '2026-11-02T09:00:00.000Z', 1)";
    const char *audit = "INSERT INTO audit_log (at, actor_id, actor_login, action, entity_kind, entity_id, before_json, "
                        "after_json, policy_version, previous_hash, hash) VALUES ('2026-11-02T09:00:00.000Z', 2, 'director', "
                        "'expense.approve', 'expense', ?, '{\"state\":\"pending_superior_approval\"}', "
                        "'{\"state\":\"approved\"}', 1, 'x', 'y')";
    reference = timeRawStatements(path, {update, transition, audit}, transitions);
    std::fprintf(stderr, "approval_transition: %d transitions; p50 ours %.3f ms, reference %.3f ms; p99 ours %.3f ms, reference %.3f ms\n",
                 transitions, percentile(ours, 50), percentile(reference, 50), percentile(ours, 99), percentile(reference, 99));
    return {percentile(ours, 99), percentile(reference, 99), QStringLiteral("ms"),
            QStringLiteral("raw sqlite3 UPDATE + 2 INSERTs of the same rows, autocommit, p99")};
}

const BenchRegistration registration(QStringLiteral("approval_transition"), approvalTransition);

} // namespace
} // namespace bizdesk::bench
