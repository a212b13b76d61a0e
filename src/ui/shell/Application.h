#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTranslator>

#include <memory>
#include <optional>

namespace bizdesk::domain {
class Clock;
}
namespace bizdesk::storage {
class Database;
}
namespace bizdesk::services {
class Session;
class SettingsAuditHeadStore;
}

namespace bizdesk::ui {

class MainWindow;

/// Starts the GUI: translators, the database (first run or login), the main window; reopens
/// when the user picks another database.
class Application : public QObject
{
    Q_OBJECT

public:
    static int run(int argc, char *argv[]);

    /// Loads bizdesk_<lang> and qt_<lang> for the saved language or the system locale.
    static void installTranslators(const QString &language);

    /// Opens `location`, runs first-run or login; returns false if the user gave up.
    bool openDatabase(const QString &location, const QString &login);

private:
    Application();
    ~Application() override;
    void showMainWindow();
    /// --quit-after-first-paint: once the main window's current tab has been painted, prints
    /// "first-paint-ms N" (N since `started`) to stdout and quits (the cold_start bench).
    void quitAfterFirstPaint(QElapsedTimer started);

    std::unique_ptr<domain::Clock> m_clock;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<services::Session> m_session;
    std::unique_ptr<services::SettingsAuditHeadStore> m_auditHeads;
    QPointer<MainWindow> m_window;
    std::optional<QElapsedTimer> m_firstPaintClock; ///< set with --quit-after-first-paint
};

} // namespace bizdesk::ui
