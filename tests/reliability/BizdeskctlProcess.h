#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace bizdesk::testing {

/// The real bizdeskctl binary run as a separate process on one SQLite file, the way cron jobs and
/// scripts run it next to the GUI. It gets a home folder of its own (log file, settings) and the
/// test password in its environment.
class BizdeskctlProcess
{
public:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        /// stdout parsed as one JSON object (for --json runs).
        QJsonObject json() const;
        /// Everything a failed assertion should show.
        std::string describe() const;
    };

    static inline const QString password = QStringLiteral("correct-horse");

    BizdeskctlProcess(QString databasePath, QString homeFolder);

    /// Runs to the end (fails the test after two minutes).
    Result run(const QStringList &arguments) const;
    /// Runs with --json --as LOGIN.
    Result runAs(const QString &login, const QStringList &arguments) const;
    /// init with the director and admin "boss".
    Result init() const;
    /// Runs the child under setrlimit(RLIMIT_AS, bytes) from now on (0: no limit).
    void limitAddressSpace(qint64 bytes) { m_addressSpaceLimit = bytes; }
    /// Starts `--as LOGIN ARGS` and returns at once (for tests that kill it on the way).
    std::unique_ptr<QProcess> startAs(const QString &login, const QStringList &arguments) const;

private:
    QProcessEnvironment environment() const;
    QStringList fullArguments(const QStringList &arguments) const;
    void prepare(QProcess &process) const;

    QString m_databasePath;
    QString m_homeFolder;
    qint64 m_addressSpaceLimit = 0;
};

/// Each test gets a new SQLite file made by `bizdeskctl init` (director and admin "boss") in a
/// temporary folder, and the bizdeskctl that works on it.
class InitialisedFileTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_folder.isValid());
        const auto init = m_ctl.init();
        ASSERT_EQ(init.exitCode, 0) << init.describe();
    }
    QString pathFor(const QString &fileName) const { return m_folder.filePath(fileName); }
    QString databasePath() const { return pathFor(QStringLiteral("bizdesk.sqlite")); }
    const BizdeskctlProcess &ctl() const { return m_ctl; }
    BizdeskctlProcess &ctl() { return m_ctl; }
    /// The total of `customer list` as boss.
    qint64 customerTotal() const;

private:
    QTemporaryDir m_folder;
    BizdeskctlProcess m_ctl{databasePath(), pathFor(QStringLiteral("home"))};
};

} // namespace bizdesk::testing
