// Issue 8 §8: log lines never reach stdout (it carries bizdeskctl's and bizdesk-bench's JSON),
// and the log file is private to its owner.
#include "support/Logging.h"
#include "support/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace bizdesk;

namespace {

constexpr QFileDevice::Permissions othersMay = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
    | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

// Each ctest case is its own process, so logging here has not been initialised yet.
TEST(Logging, lines_logged_before_the_log_file_is_set_up_go_to_stderr_not_stdout)
{
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    BIZDESK_LOG_INFO("migrated {} from schema {} to {}", "test.sqlite", 0, 5);
    support::logger().flush();
    const std::string out = ::testing::internal::GetCapturedStdout();
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(out, "");
    EXPECT_THAT(err, ::testing::HasSubstr("migrated test.sqlite from schema 0 to 5"));
}

TEST(Logging, log_file_is_0600_in_a_0700_folder_even_when_an_older_version_made_them_readable)
{
    const QString file = support::logFilePath();
    const QString folder = QFileInfo(file).absolutePath();
    // What older versions left: a world-readable folder and file.
    ASSERT_TRUE(QDir().mkpath(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                      | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    {
        QFile old(file);
        ASSERT_TRUE(old.open(QIODevice::Append));
    }
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);

    support::initialiseLogging(QStringLiteral("logging-test"), QStringLiteral("info"));
    BIZDESK_LOG_WARN("a line with a customer's name in it");
    support::logger().flush();

    EXPECT_EQ(QFileInfo(file).permissions() & othersMay, QFileDevice::Permissions());
    EXPECT_EQ(QFileInfo(folder).permissions() & othersMay, QFileDevice::Permissions());
    QFile written(file);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(written.readAll().contains("a line with a customer's name in it"));
}

TEST(Paths, private_folders_are_created_owner_only_and_existing_ones_are_left_alone)
{
    const QString base = QDir::temp().filePath(QStringLiteral("bizdesk-paths-test-%1").arg(QCoreApplication::applicationPid()));
    QDir(base).removeRecursively();
    ASSERT_TRUE(QDir().mkpath(base));
    QFile::setPermissions(base, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                    | QFileDevice::ExeOther);
    const QString nested = QDir(base).filePath(QStringLiteral("data/BizDesk/logs"));
    ASSERT_TRUE(support::Paths::makePrivateFolder(nested));
    EXPECT_TRUE(QFileInfo(nested).isDir());
    EXPECT_EQ(QFileInfo(nested).permissions() & othersMay, QFileDevice::Permissions());
    EXPECT_EQ(QFileInfo(QDir(base).filePath(QStringLiteral("data"))).permissions() & othersMay, QFileDevice::Permissions());
    EXPECT_TRUE(QFileInfo(base).permissions() & QFileDevice::ReadOther); // not ours to change
    QDir(base).removeRecursively();
}
