// Parallel logins on separate connections (one storage::Database per thread), 20 sessions on
// PostgreSQL as on SQLite: the wrong-password count is one atomic UPDATE, so parallel wrong
// passwords add up and lock the account (issue 8 §2; PostgreSQL lost the count before).
#include "services/audit/AuditTrail.h"
#include "services/identity/IdentityService.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace bizdesk;
using bizdesk::testing::BackendTest;
using bizdesk::testing::TestOrganisation;

namespace {

constexpr int parallelSessions = 20;

class LoginConcurrencyTest : public BackendTest
{
protected:
    struct Outcome
    {
        int denied = 0;
        int loggedIn = 0;
        QStringList unexpected;
    };

    /// Each of `passwords` is tried at the same moment, each from its own connection and session.
    Outcome logInInParallel(const QString &login, const QStringList &passwords)
    {
        Outcome outcome;
        std::mutex guard;
        std::vector<std::thread> threads;
        std::atomic<int> ready = 0;
        for (const QString &password : passwords) {
            threads.emplace_back([&, password] {
                try {
                    auto connection = storage::Database::open(m_scratch->location(), storage::Database::CreateMode::MustExist);
                    services::Session session(*connection, m_clock);
                    ++ready;
                    while (ready.load() < static_cast<int>(passwords.size()))
                        std::this_thread::yield();
                    try {
                        services::IdentityService(session).logIn(login, password);
                        const std::lock_guard lock(guard);
                        ++outcome.loggedIn;
                    } catch (const domain::Error &error) {
                        const std::lock_guard lock(guard);
                        if (error.kind() == domain::ErrorKind::Denied)
                            ++outcome.denied;
                        else
                            outcome.unexpected << error.message();
                    }
                } catch (const std::exception &exception) {
                    const std::lock_guard lock(guard);
                    outcome.unexpected << QString::fromUtf8(exception.what());
                    ++ready;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        return outcome;
    }

    QList<domain::AuditEntry> loginEntries(const QString &login)
    {
        QList<domain::AuditEntry> entries;
        for (const auto &entry : services::AuditTrail(as(QStringLiteral("director"))).log(QString(), std::nullopt, 1000)) {
            if (entry.action.startsWith(QLatin1String("auth.")) && entry.actorLogin == login)
                entries << entry;
        }
        return entries;
    }
};

} // namespace

TEST_P(LoginConcurrencyTest, parallel_wrong_passwords_add_up_and_lock_the_account)
{
    QStringList wrong;
    for (int i = 0; i < parallelSessions; ++i)
        wrong << QStringLiteral("wrong-password-%1").arg(i);
    const Outcome outcome = logInInParallel(QStringLiteral("sales1"), wrong);
    EXPECT_TRUE(outcome.unexpected.isEmpty()) << outcome.unexpected.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(outcome.denied, parallelSessions);

    const domain::User user = organisation().user(QStringLiteral("sales1"));
    EXPECT_TRUE(user.isLockedAt(m_clock.nowUtc())) << "20 parallel wrong passwords must lock at the limit of 5";

    // Every attempt is in the audit log once; exactly attempts 1…5 were counted, the 5th locked,
    // and the rest were refused as locked.
    const auto entries = loginEntries(QStringLiteral("sales1"));
    EXPECT_EQ(entries.size(), parallelSessions);
    QList<int> counted;
    int locks = 0;
    for (const auto &entry : entries) {
        const QJsonObject details = QJsonDocument::fromJson(entry.afterJson.toUtf8()).object();
        if (details.value(QStringLiteral("reason")).toString() == QLatin1String("wrong password"))
            counted << details.value(QStringLiteral("attempt")).toInt();
        else
            EXPECT_EQ(details.value(QStringLiteral("reason")).toString(), QStringLiteral("locked"));
        if (entry.action == QLatin1String("auth.locked"))
            ++locks;
    }
    std::sort(counted.begin(), counted.end());
    EXPECT_EQ(counted, (QList<int>{1, 2, 3, 4, 5}));
    EXPECT_EQ(locks, 1);

    // Even the right password is refused now.
    services::Session anonymous(database(), m_clock);
    EXPECT_ERROR_KIND(services::IdentityService(anonymous).logIn(QStringLiteral("sales1"), TestOrganisation::password), Denied);
}

TEST_P(LoginConcurrencyTest, fewer_parallel_wrong_passwords_than_the_limit_are_all_counted)
{
    services::PolicyService(as(QStringLiteral("director"))).set(QStringLiteral("auth.lockout_attempts"), QStringLiteral("20"));
    QStringList wrong;
    for (int i = 0; i < parallelSessions - 1; ++i)
        wrong << QStringLiteral("wrong-password-%1").arg(i);
    const Outcome outcome = logInInParallel(QStringLiteral("sales2"), wrong);
    EXPECT_TRUE(outcome.unexpected.isEmpty()) << outcome.unexpected.join(QLatin1Char('\n')).toStdString();
    const domain::User user = organisation().user(QStringLiteral("sales2"));
    EXPECT_EQ(user.failedAttempts, parallelSessions - 1) << "an absolute write would lose parallel increments";
    EXPECT_FALSE(user.isLockedAt(m_clock.nowUtc()));
    // One more locks it.
    services::Session anonymous(database(), m_clock);
    EXPECT_ERROR_KIND(services::IdentityService(anonymous).logIn(QStringLiteral("sales2"), QStringLiteral("wrong-again")), Denied);
    EXPECT_TRUE(organisation().user(QStringLiteral("sales2")).isLockedAt(m_clock.nowUtc()));
}

TEST_P(LoginConcurrencyTest, parallel_right_passwords_all_log_in_and_clear_the_count)
{
    services::Session anonymous(database(), m_clock);
    EXPECT_ERROR_KIND(services::IdentityService(anonymous).logIn(QStringLiteral("manager1"), QStringLiteral("wrong-once")), Denied);
    QStringList right;
    for (int i = 0; i < parallelSessions; ++i)
        right << TestOrganisation::password;
    const Outcome outcome = logInInParallel(QStringLiteral("manager1"), right);
    EXPECT_TRUE(outcome.unexpected.isEmpty()) << outcome.unexpected.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(outcome.loggedIn, parallelSessions);
    EXPECT_EQ(organisation().user(QStringLiteral("manager1")).failedAttempts, 0);
}

BIZDESK_INSTANTIATE_BACKENDS(LoginConcurrencyTest);
