// The real bizdeskctl, run as a separate process the way scripts and cron run it: nothing in its
// environment can move its clock (BIZDESK_NOW used to backdate every audit entry), and a backup
// writes the audit head to the log file as well as to its output.
#include "support/TestDatabase.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

class ShippedBinary : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        m_environment = QProcessEnvironment::systemEnvironment();
        // A home of its own, so the log file and settings are this test's and nobody else's.
        m_environment.insert(u"HOME"_s, m_home.path());
        m_environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        m_environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        m_environment.insert(u"BIZDESK_NEW_PASSWORD"_s, u"correct-horse"_s);
        m_environment.insert(u"BIZDESK_PASSWORD"_s, u"correct-horse"_s);
        m_environment.insert(u"BIZDESK_NOW"_s, u"2001-02-03T04:05:06Z"_s);
        m_environment.remove(u"BIZDESK_DB"_s);
        m_database = m_home.filePath(u"bizdesk.sqlite"_s);
    }

    ProcessRun bizdeskctl(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.start(QString::fromUtf8(BIZDESKCTL_PATH), QStringList{u"--db"_s, m_database, u"--json"_s} + arguments);
        EXPECT_TRUE(process.waitForFinished(120'000)) << arguments.join(u' ').toStdString();
        return ProcessRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                   process.readAllStandardError()};
    }

    QString logText()
    {
        QString text;
        QDirIterator files(m_home.path(), {u"bizdesk.log*"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly))
                text += QString::fromUtf8(file.readAll());
        }
        return text;
    }

    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
    QString m_database;
};

} // namespace

TEST_F(ShippedBinary, bizdesk_now_does_not_move_the_clock_of_audit_entries)
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-60);
    const ProcessRun init = bizdeskctl({u"init"_s, u"--admin"_s, u"boss"_s, u"--name"_s, u"Boss"_s});
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const ProcessRun policy = bizdeskctl({u"--as"_s, u"boss"_s, u"policy"_s, u"set"_s, u"auth.lockout_attempts"_s, u"6"_s});
    ASSERT_EQ(policy.exitCode, 0) << policy.err.toStdString();
    const ProcessRun audited = bizdeskctl({u"--as"_s, u"boss"_s, u"audit"_s, u"log"_s});
    ASSERT_EQ(audited.exitCode, 0) << audited.err.toStdString();
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(60);

    const QJsonArray entries = audited.json()[u"entries"_s].toArray();
    ASSERT_GE(entries.size(), 2);
    for (const QJsonValue &entry : entries) {
        const QString at = entry[u"at"_s].toString();
        const QDateTime time = QDateTime::fromString(at, Qt::ISODateWithMs);
        EXPECT_FALSE(at.startsWith(u"2001"_s)) << at.toStdString();
        EXPECT_TRUE(time >= before && time <= after) << entry[u"action"_s].toString().toStdString() << " at "
                                                     << at.toStdString() << ", not now";
    }
}

TEST_F(ShippedBinary, a_backup_writes_its_audit_head_to_the_log_file)
{
    ASSERT_EQ(bizdeskctl({u"init"_s, u"--admin"_s, u"boss"_s, u"--name"_s, u"Boss"_s}).exitCode, 0);
    const ProcessRun backup = bizdeskctl({u"backup"_s, m_home.filePath(u"copy.sqlite"_s)});
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    const QJsonObject head = backup.json()[u"audit_head"_s].toObject();
    const QString anchor = u"%1:%2"_s.arg(head[u"id"_s].toInteger()).arg(head[u"hash"_s].toString());
    ASSERT_EQ(head[u"hash"_s].toString().size(), 64) << backup.out.toStdString();
    EXPECT_TRUE(logText().contains(anchor)) << "log:\n" << logText().toStdString();
    EXPECT_EQ(bizdeskctl({u"audit"_s, u"verify"_s, u"--expect"_s, anchor}).exitCode, 0);
}
