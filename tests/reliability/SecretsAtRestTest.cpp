// Secrets at rest (issue 17 §5): the real GUI and the real bizdeskctl, started with a password in
// a postgresql:// URL and with HOME and the XDG folders in a temporary folder, leave that password
// in no settings file, log or backup, and everything they write under the user's folders is 0600
// in 0700 folders. The test server trusts its users, so the password is simply not needed.
#include "support/TestDatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/stat.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

const QString secret = u"Pw-4d9f2e-never-on-disk"_s;
const QString bizdeskPassword = u"correct-horse"_s;

class SecretsAtRest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (bizdesk::testing::postgresAdminUrl().isEmpty())
            GTEST_SKIP() << "BIZDESK_TEST_POSTGRES is not set";
        ASSERT_TRUE(m_home.isValid());
        m_scratch = std::make_unique<bizdesk::testing::ScratchDatabase>(bizdesk::testing::Backend::PostgreSql);
        QString location = m_scratch->location();
        ASSERT_FALSE(location.contains(u':' + secret));
        // postgresql://user@host → postgresql://user:SECRET@host
        location.replace(u"postgresql://bizdesk_test@"_s, u"postgresql://bizdesk_test:%1@"_s.arg(secret));
        ASSERT_TRUE(location.contains(secret)) << location.toStdString();
        m_location = location;
        m_passwordFree = m_scratch->location();
    }

    QString folder(const QString &name) const { return m_home.filePath(name); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"BIZDESK_DB"_s);
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no keyring: nothing may be kept
        environment.insert(u"HOME"_s, folder(u"home"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, folder(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, folder(u"data"_s));
        environment.insert(u"XDG_STATE_HOME"_s, folder(u"state"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, folder(u"cache"_s));
        environment.insert(u"LANG"_s, u"C.UTF-8"_s);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"BIZDESK_PASSWORD"_s, bizdeskPassword);
        environment.insert(u"BIZDESK_NEW_PASSWORD"_s, bizdeskPassword);
        return environment;
    }

    /// Runs bizdeskctl to its end; exit status, then stdout and stderr for the message.
    std::pair<int, std::string> ctl(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral(BIZDESKCTL_PATH), QStringList{u"--db"_s, m_location} + arguments);
        if (!process.waitForFinished(120'000)) {
            process.kill();
            process.waitForFinished();
            return {-1, "bizdeskctl did not finish"};
        }
        return {process.exitCode(), (process.readAllStandardOutput() + process.readAllStandardError()).toStdString()};
    }

    QString settingsFile() const { return QDir(folder(u"config"_s)).filePath(u"BizDesk/BizDesk.conf"_s); }

    /// Every file under `root` whose bytes hold the password.
    QStringList filesHoldingTheSecret(const QString &root) const
    {
        QStringList found;
        QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8()))
                found << file.fileName();
        }
        return found;
    }

    /// Files BizDesk made under `root` that are not 0600, folders that are not 0700.
    QStringList notPrivate(const QString &root) const
    {
        QStringList wrong;
        QDirIterator entries(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories);
        while (entries.hasNext()) {
            const QString path = entries.next();
            struct stat status = {};
            ::lstat(QFile::encodeName(path).constData(), &status);
            const mode_t mode = status.st_mode & 0777;
            const mode_t expected = S_ISDIR(status.st_mode) ? 0700 : 0600;
            if (mode != expected)
                wrong << u"%1 (%2)"_s.arg(path, QString::number(mode, 8));
        }
        return wrong;
    }

    QTemporaryDir m_home;
    std::unique_ptr<bizdesk::testing::ScratchDatabase> m_scratch;
    QString m_location;
    QString m_passwordFree;
};

} // namespace

TEST_F(SecretsAtRest, neither_the_gui_nor_bizdeskctl_writes_the_database_password_anywhere)
{
    const auto init = ctl({u"--json"_s, u"init"_s, u"--admin"_s, u"boss"_s, u"--name"_s, u"老板"_s});
    ASSERT_EQ(init.first, 0) << init.second;
    const auto policy = ctl({u"--as"_s, u"boss"_s, u"policy"_s, u"set"_s, u"auth.lockout_attempts"_s, u"7"_s});
    ASSERT_EQ(policy.first, 0) << policy.second;
    const QString backup = folder(u"home/backups/monday.sqlite"_s);
    QDir().mkpath(QFileInfo(backup).absolutePath());
    const auto backedUp = ctl({u"backup"_s, backup});
    ASSERT_EQ(backedUp.first, 0) << backedUp.second;
    EXPECT_FALSE(QString::fromStdString(backedUp.second).contains(secret)) << "nor on stdout";

    // The GUI logs in by itself (--as, $BIZDESK_PASSWORD), remembers the database and its audit
    // head, and quits on SIGTERM as a desktop session ending would make it.
    QProcess gui;
    gui.setProcessEnvironment(environment());
    gui.setStandardInputFile(QProcess::nullDevice());
    gui.start(QStringLiteral(BIZDESK_GUI_PATH), {u"--db"_s, m_location, u"--as"_s, u"boss"_s});
    ASSERT_TRUE(gui.waitForStarted(30'000));
    bool remembered = false;
    for (int wait = 0; wait < 600 && !remembered; ++wait) {
        QThread::msleep(100);
        QFile settings(settingsFile());
        // database/last is the GUI's own (bizdeskctl has already kept its audit head there).
        remembered = settings.open(QIODevice::ReadOnly) && settings.readAll().contains("[database]");
        ASSERT_NE(gui.state(), QProcess::NotRunning) << gui.readAllStandardError().toStdString();
    }
    ASSERT_TRUE(remembered) << "the GUI never reached its main window";
    ::kill(static_cast<pid_t>(gui.processId()), SIGTERM);
    ASSERT_TRUE(gui.waitForFinished(60'000));
    EXPECT_EQ(gui.exitStatus(), QProcess::NormalExit) << "SIGTERM quits cleanly";

    QFile settings(settingsFile());
    ASSERT_TRUE(settings.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settings.readAll();
    EXPECT_TRUE(settingsText.contains(m_scratch->location().section(u'/', -1).toUtf8()))
        << "the database is remembered, without its password:\n" << settingsText.toStdString();

    QStringList logs;
    QDirIterator logFiles(folder(u"data"_s), {u"*.log"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (logFiles.hasNext())
        logs << logFiles.next();
    ASSERT_FALSE(logs.isEmpty()) << "GUI and CLI log under the data folder";
    QByteArray logText;
    for (const QString &log : logs) {
        QFile file(log);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        logText += file.readAll();
    }
    EXPECT_TRUE(logText.contains("starting on postgresql://bizdesk_test@127.0.0.1"))
        << "the GUI's start line is there, without the password:\n" << logText.toStdString();

    for (const QString &root : {folder(u"config"_s), folder(u"data"_s), folder(u"state"_s), folder(u"home"_s), folder(u"cache"_s)})
        EXPECT_EQ(filesHoldingTheSecret(root), QStringList()) << root.toStdString();
    EXPECT_EQ(filesHoldingTheSecret(QFileInfo(backup).absolutePath()), QStringList()) << "the backup";

    EXPECT_EQ(notPrivate(QDir(folder(u"config"_s)).filePath(u"BizDesk"_s)), QStringList());
    EXPECT_EQ(notPrivate(QDir(folder(u"data"_s)).filePath(u"BizDesk"_s)), QStringList());
    struct stat status = {};
    ::stat(QFile::encodeName(backup).constData(), &status);
    EXPECT_EQ(status.st_mode & 0777, 0600u) << "the backup is the owner's only";
}
