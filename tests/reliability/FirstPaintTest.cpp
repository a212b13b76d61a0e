// bizdesk --quit-after-first-paint (the cold_start bench): the real GUI logs in by itself, paints
// its window, prints "first-paint-ms N" on stdout and exits 0 — with its settings, logs and
// audit head in a temporary folder.
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "support/TestDatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

TEST(FirstPaint, the_gui_reports_its_first_paint_and_quits)
{
    const bizdesk::testing::ScratchDatabase scratch(bizdesk::testing::Backend::Sqlite);
    {
        auto database = storage::Database::open(scratch.location(), storage::Database::CreateMode::CreateIfMissing);
        storage::Migrator::migrate(*database);
        bizdesk::testing::TestOrganisation organisation(*database);
    }
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"BIZDESK_DB"_s);
    environment.insert(u"HOME"_s, home.filePath(u"home"_s));
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(variable), home.filePath(QString::fromLatin1(variable)));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"BIZDESK_PASSWORD"_s, bizdesk::testing::TestOrganisation::password);
    QProcess gui;
    gui.setProcessEnvironment(environment);
    gui.setStandardInputFile(QProcess::nullDevice());
    gui.start(QStringLiteral(BIZDESK_GUI_PATH), {u"--db"_s, scratch.location(), u"--as"_s, u"sales1"_s, u"--quit-after-first-paint"_s});
    ASSERT_TRUE(gui.waitForStarted(30'000));
    ASSERT_TRUE(gui.waitForFinished(120'000)) << "it quits by itself";
    EXPECT_EQ(gui.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(gui.exitCode(), 0) << gui.readAllStandardError().toStdString();
    const QString output = QString::fromUtf8(gui.readAllStandardOutput());
    EXPECT_TRUE(QRegularExpression(u"^first-paint-ms \\d+\\n$"_s).match(output).hasMatch()) << output.toStdString();
}
