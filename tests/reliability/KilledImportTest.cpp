// Issue 8: a customer import is one transaction. Killed with SIGKILL half-way (no chance to
// clean up), it leaves either nothing or everything, and the file stays sound.
#include "reliability/BizdeskctlProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <gtest/gtest.h>

using bizdesk::testing::BizdeskctlProcess;

namespace {

constexpr int importedRows = 40000;
/// WAL bytes beyond what opening and logging in write: the import's transaction is under way
/// (SQLite spills pages of a large transaction into the WAL long before it commits).
constexpr qint64 walBytesOfARunningImport = 2 * 1024 * 1024;

void writeLargeCsv(const QString &path)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Name,Contact,Phone,Email,Industry,Address,Class,Channel\n");
    for (int i = 0; i < importedRows; ++i)
        file.write(QStringLiteral("批量导入客户%1有限公司,联系人%1,010 %2,c%1@example.com,制造业,北京市海淀区%1号,general,online\n")
                       .arg(i)
                       .arg(10000000 + i)
                       .toUtf8());
}

} // namespace

using KilledImport = bizdesk::testing::InitialisedFileTest;

TEST_F(KilledImport, sigkill_half_way_leaves_nothing_or_everything_and_a_sound_file)
{
    const QString path = databasePath();
    const BizdeskctlProcess &ctl = this->ctl();
    const QString csv = pathFor(QStringLiteral("customers.csv"));
    writeLargeCsv(csv);

    auto import = ctl.startAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("import"), csv});
    ASSERT_EQ(import->state(), QProcess::Running);
    const qint64 walAtStart = QFileInfo(path + QStringLiteral("-wal")).size();
    QElapsedTimer waited;
    waited.start();
    while (import->state() == QProcess::Running && QFileInfo(path + QStringLiteral("-wal")).size() < walAtStart + walBytesOfARunningImport
           && waited.elapsed() < 240'000)
        QThread::msleep(5);
    ASSERT_EQ(import->state(), QProcess::Running)
        << "the import ended before it could be killed; make the file larger\n" << import->readAllStandardError().toStdString();
    import->kill(); // SIGKILL
    ASSERT_TRUE(import->waitForFinished(30'000));
    EXPECT_EQ(import->exitStatus(), QProcess::CrashExit);

    const qint64 total = customerTotal();
    EXPECT_TRUE(total == 0 || total == importedRows) << "half an import survived: " << total << " customers";
    const auto check = ctl.run({QStringLiteral("--json"), QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.describe();
    const auto verify = ctl.run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(verify.exitCode, 0) << verify.describe();

    // The file takes new work at once: no stale lock or journal is left to trip over.
    const auto added = ctl.runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("崩溃之后的客户")});
    EXPECT_EQ(added.exitCode, 0) << added.describe();
    EXPECT_EQ(customerTotal(), total + 1);
}
