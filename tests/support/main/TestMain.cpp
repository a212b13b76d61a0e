// One main for every test executable: a QApplication (offscreen for widget tests) so Qt's
// resources, translators and widgets work, then GoogleTest.
#include "support/Paths.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char *argv[])
{
    ::testing::InitGoogleTest(&argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication application(argc, argv);
    bizdesk::support::Paths::applyApplicationIdentity();
    return RUN_ALL_TESTS();
}
