#include "ui/shell/Application.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditHeadStore.h"
#include "services/identity/IdentityService.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "support/Logging.h"
#include "support/Paths.h"
#include "support/SettingsKeys.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/identity/FirstRunDialog.h"
#include "ui/identity/LoginDialog.h"
#include "ui/shell/DatabaseKeyring.h"
#include "ui/shell/DatabasePasswordDialog.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QFileDialog>
#include <QPushButton>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSocketNotifier>
#include <QTabWidget>
#include <QTimer>

#include <functional>
#include <optional>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace bizdesk::ui {
namespace {

std::vector<std::unique_ptr<QTranslator>> &translators()
{
    static std::vector<std::unique_ptr<QTranslator>> list;
    return list;
}

int terminationPipe[2] = {-1, -1};

/// Waits for the first paint of one page of the main window (or of any widget inside it), then
/// reports once. Installed on the application: a page's children may paint before the page does.
class FirstPaintProbe final : public QObject
{
public:
    FirstPaintProbe(QWidget *page, std::function<void()> painted, QObject *parent)
        : QObject(parent)
        , m_page(page)
        , m_painted(std::move(painted))
    {
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_done || event->type() != QEvent::Paint || !m_page)
            return false;
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && (widget == m_page || m_page->isAncestorOf(widget))) {
            m_done = true;
            // After this paint has finished: the frame is complete when the report goes out.
            QTimer::singleShot(0, this, m_painted);
        }
        return false;
    }

private:
    QPointer<QWidget> m_page;
    std::function<void()> m_painted;
    bool m_done = false;
};

void noteTermination(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(terminationPipe[1], &byte, 1);
}

/// SIGTERM and SIGINT (a session logging out, a service manager, Ctrl+C) quit like closing the
/// window: settings, the remembered audit head and the log are written out rather than lost.
void quitOnTermination(QObject *parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, terminationPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(terminationPipe[0], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, parent, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(terminationPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = noteTermination;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

} // namespace

Application::Application()
    : m_clock(std::make_unique<domain::SystemClock>())
    , m_auditHeads(std::make_unique<services::SettingsAuditHeadStore>())
{
}

Application::~Application()
{
    delete m_window.data();
}

void Application::installTranslators(const QString &language)
{
    for (auto &translator : translators())
        QCoreApplication::removeTranslator(translator.get());
    translators().clear();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto own = std::make_unique<QTranslator>();
    if (own->load(locale, QStringLiteral("bizdesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own.get());
        translators().push_back(std::move(own));
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        translators().push_back(std::move(qt));
    }
}

bool Application::openDatabase(const QString &location, const QString &login)
{
    delete m_window.data();
    m_session.reset();
    m_database.reset();
    std::optional<storage::DatabaseLocation> target;
    try {
        target = storage::DatabaseLocation::parse(location);
        if (target->backend() == storage::Backend::PostgreSql && target->password().isEmpty()) {
            if (const auto remembered = DatabaseKeyring::read(*target))
                target = target->withPassword(*remembered);
        }
        m_database = storage::Database::open(*target, storage::Database::CreateMode::CreateIfMissing);
        const int version = m_database->schemaVersion();
        if (version > 0 && version < storage::Migrator::latestVersion()) {
            const auto result = services::DatabaseMaintenance::migrate(*m_database);
            QMessageBox::information(nullptr, QApplication::translate("Application", "Database upgraded"),
                                     QApplication::translate("Application",
                                                             "The database was upgraded from schema %1 to %2. A copy of "
                                                             "the old version was kept at:\n%3")
                                         .arg(result.fromVersion)
                                         .arg(result.toVersion)
                                         .arg(result.backupPath));
        }
    } catch (const domain::Error &error) {
        m_database.reset();
        // Never a dead end: the user can give the server's password, pick another file or start a
        // new one from here.
        QMessageBox box(QMessageBox::Critical, QApplication::translate("Application", "Cannot open the database"),
                        ErrorPresenter::describe(error));
        QPushButton *password = nullptr;
        if (target && target->backend() == storage::Backend::PostgreSql)
            password = box.addButton(QApplication::translate("Application", "Enter the database password…"),
                                     QMessageBox::AcceptRole);
        QPushButton *other = box.addButton(QApplication::translate("Application", "Open another database…"),
                                           QMessageBox::AcceptRole);
        QPushButton *fresh = box.addButton(QApplication::translate("Application", "Create a new database…"),
                                           QMessageBox::ActionRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        QString next;
        if (password && box.clickedButton() == password) {
            DatabasePasswordDialog dialog(target->displayName(), ErrorPresenter::describe(error));
            if (dialog.exec() != QDialog::Accepted)
                return false;
            const storage::DatabaseLocation withPassword = target->withPassword(dialog.password());
            if (!openDatabase(withPassword.original(), login))
                return false;
            if (dialog.rememberInKeyring() && !DatabaseKeyring::store(withPassword, dialog.password()))
                BIZDESK_LOG_INFO("no desktop keyring answered; the password of {} is not kept and will be asked again",
                                 withPassword.displayName().toStdString());
            return true;
        }
        if (box.clickedButton() == other)
            next = QFileDialog::getOpenFileName(nullptr, QApplication::translate("Application", "Open database"), QString(),
                                                QApplication::translate("Application", "BizDesk databases (*.sqlite *.db);;All files (*)"));
        else if (box.clickedButton() == fresh)
            next = QFileDialog::getSaveFileName(nullptr, QApplication::translate("Application", "New database"),
                                                QStringLiteral("bizdesk.sqlite"),
                                                QApplication::translate("Application", "BizDesk databases (*.sqlite)"));
        return !next.isEmpty() && openDatabase(next, login);
    }
    m_session = std::make_unique<services::Session>(*m_database, *m_clock);

    QString loginName = login;
    if (m_database->schemaVersion() == 0) {
        FirstRunDialog firstRun(*m_database);
        if (firstRun.exec() != QDialog::Accepted)
            return false;
        loginName = firstRun.createdLogin();
    }
    const QString presetPassword = qEnvironmentVariable("BIZDESK_PASSWORD");
    if (!loginName.isEmpty() && !presetPassword.isEmpty()) {
        try {
            services::IdentityService(*m_session).logIn(loginName, presetPassword);
        } catch (const domain::Error &) {
            // fall through to the login dialog, which shows why
        }
    }
    if (!m_session->isLoggedIn()) {
        LoginDialog dialog(*m_session);
        if (!loginName.isEmpty())
            dialog.setLogin(loginName);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    // The location without its password: settings files are not where secrets go.
    support::writeSetting(support::settings::lastDatabase, m_database->location().displayName());
    showMainWindow();
    return true;
}

void Application::showMainWindow()
{
    m_window = new MainWindow(*m_session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    m_window->watchAuditHead(*m_auditHeads);
    connect(m_window, &MainWindow::databaseRequested, this, [this](const QString &location) {
        QTimer::singleShot(0, this, [this, location] {
            if (!openDatabase(location, {}))
                QApplication::quit();
        });
    });
    connect(m_window, &MainWindow::logoutRequested, this, [this] {
        const QString location = m_database->location().original();
        QTimer::singleShot(0, this, [this, location] {
            if (!openDatabase(location, {}))
                QApplication::quit();
        });
    });
    if (m_firstPaintClock) {
        QWidget *page = m_window->tabs()->currentWidget();
        const QElapsedTimer started = *m_firstPaintClock;
        auto *probe = new FirstPaintProbe(page ? page : m_window.data(), [started] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(started.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        }, m_window);
        qApp->installEventFilter(probe);
    }
    m_window->show();
    // An idle moment is the cheapest time to fold the SQLite write-ahead log back into the file.
    auto *checkpointTimer = new QTimer(m_window);
    checkpointTimer->setInterval(30 * 1000);
    connect(checkpointTimer, &QTimer::timeout, this, [this] {
        if (m_database)
            m_database->checkpoint();
    });
    checkpointTimer->start();
}

void Application::quitAfterFirstPaint(QElapsedTimer started)
{
    m_firstPaintClock = started;
}

int Application::run(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QApplication application(argc, argv);
    support::Paths::applyApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("BizDesk"));
    support::initialiseLogging(QStringLiteral("bizdesk"), support::readSetting(support::settings::logLevel).toString());
    installTranslators(support::readSetting(support::settings::language).toString());
    services::ModuleCatalog::registerAll();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("Application", "BizDesk business management"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(QStringLiteral("db"),
                                            QApplication::translate("Application", "SQLite file or postgresql:// URL."),
                                            QStringLiteral("LOCATION"));
    const QCommandLineOption loginOption(QStringLiteral("as"),
                                         QApplication::translate("Application",
                                                                 "Log in as LOGIN (password from $BIZDESK_PASSWORD)."),
                                         QStringLiteral("LOGIN"));
    const QCommandLineOption firstPaintOption(
        QStringLiteral("quit-after-first-paint"),
        QApplication::translate("Application", "Print \"first-paint-ms N\" once the main window's first tab has been "
                                               "drawn, then quit (start-up measurements)."));
    parser.addOption(databaseOption);
    parser.addOption(loginOption);
    parser.addOption(firstPaintOption);
    parser.process(application);

    const QString location = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                          : support::Paths::configuredDatabaseLocation();
    BIZDESK_LOG_INFO("BizDesk {} starting on {}", QApplication::applicationVersion().toStdString(),
                     storage::DatabaseLocation::describe(location).toStdString());
    Application controller;
    quitOnTermination(&controller);
    if (parser.isSet(firstPaintOption))
        controller.quitAfterFirstPaint(started);
    if (!controller.openDatabase(location, parser.value(loginOption)))
        return 1;
    QApplication::setQuitOnLastWindowClosed(true);
    return application.exec();
}

} // namespace bizdesk::ui
