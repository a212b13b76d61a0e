#include "ui/shell/Application.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
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
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileDialog>
#include <QPushButton>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>

namespace bizdesk::ui {
namespace {

std::vector<std::unique_ptr<QTranslator>> &translators()
{
    static std::vector<std::unique_ptr<QTranslator>> list;
    return list;
}

} // namespace

Application::Application()
    : m_clock(std::make_unique<domain::SystemClock>())
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
    try {
        m_database = storage::Database::open(location, storage::Database::CreateMode::CreateIfMissing);
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
        // Never a dead end: the user can pick another file or start a new one from here.
        QMessageBox box(QMessageBox::Critical, QApplication::translate("Application", "Cannot open the database"),
                        ErrorPresenter::describe(error));
        QPushButton *other = box.addButton(QApplication::translate("Application", "Open another database…"),
                                           QMessageBox::AcceptRole);
        QPushButton *fresh = box.addButton(QApplication::translate("Application", "Create a new database…"),
                                           QMessageBox::ActionRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        QString next;
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
    support::writeSetting(support::settings::lastDatabase, location);
    showMainWindow();
    return true;
}

void Application::showMainWindow()
{
    m_window = new MainWindow(*m_session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
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

int Application::run(int argc, char *argv[])
{
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
    parser.addOption(databaseOption);
    parser.addOption(loginOption);
    parser.process(application);

    const QString location = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                          : support::Paths::configuredDatabaseLocation();
    BIZDESK_LOG_INFO("BizDesk {} starting on {}", QApplication::applicationVersion().toStdString(),
                     location.toStdString());
    Application controller;
    if (!controller.openDatabase(location, parser.value(loginOption)))
        return 1;
    QApplication::setQuitOnLastWindowClosed(true);
    return application.exec();
}

} // namespace bizdesk::ui
