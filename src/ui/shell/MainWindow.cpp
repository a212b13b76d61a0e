#include "ui/shell/MainWindow.h"

#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditHeadGuard.h"
#include "services/audit/AuditHeadStore.h"
#include "services/maintenance/DatabaseMaintenance.h"
#include "storage/Database.h"
#include "support/Logging.h"
#include "support/SettingsKeys.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/identity/ChangePasswordDialog.h"
#include "ui/identity/DelegationDialog.h"
#include "ui/identity/PolicySettingsDialog.h"
#include "ui/company/CompanyProfileDialog.h"
#include "ui/shell/ChangeWatcher.h"
#include "ui/shell/ModulePages.h"
#include "ui/shell/PolicyHelpDialog.h"
#include "ui/shell/PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace bizdesk::ui {

MainWindow::MainWindow(services::Session &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("BizDesk — Business Management"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("moduleTabs"));
    m_tabs->setDocumentMode(true);
    // A message bar above the tabs: warnings that must be seen but not block (audit rollback).
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_auditBar = new QFrame(central);
    m_auditBar->setObjectName(QStringLiteral("auditHeadWarning"));
    m_auditBar->setFrameShape(QFrame::StyledPanel);
    m_auditBar->setAutoFillBackground(true);
    m_auditBar->setBackgroundRole(QPalette::ToolTipBase);
    auto *barLayout = new QHBoxLayout(m_auditBar);
    m_auditBarText = new QLabel(m_auditBar);
    m_auditBarText->setWordWrap(true);
    m_auditBarText->setForegroundRole(QPalette::ToolTipText);
    m_auditBarText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton(m_auditBar);
    dismiss->setText(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, m_auditBar, &QWidget::hide);
    barLayout->addWidget(m_auditBarText, 1);
    barLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_auditBar->hide();
    centralLayout->addWidget(m_auditBar);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_userLabel = new QLabel(this);
    m_databaseLabel = new QLabel(this);
    m_tasksLabel = new QLabel(this);
    m_tasksLabel->setObjectName(QStringLiteral("tasksWaitingLabel"));
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_tasksLabel);

    createMenus();
    ModulePages::populate(*this);

    const QByteArray geometry = support::readSetting(support::settings::windowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    const int lastTab = support::readSetting(support::settings::lastTab).toInt();
    if (lastTab >= 0 && lastTab < m_tabs->count())
        m_tabs->setCurrentIndex(lastTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        support::writeSetting(support::settings::lastTab, index);
        refreshCurrent();
    });
    m_changes = new ChangeWatcher(m_session, this);
    connect(m_changes, &ChangeWatcher::changed, this, &MainWindow::refreshAfterChange);
    updateStatus();
}

MainWindow::~MainWindow()
{
    if (!m_auditHeads || m_chainRolledBack)
        return;
    try {
        services::AuditHeadGuard(m_session.database(), *m_auditHeads).rememberIfIntact();
    } catch (const domain::Error &) {
        // The next start compares with the head kept when the window opened: older, still valid.
    }
}

void MainWindow::watchAuditHead(services::AuditHeadStore &store)
{
    m_auditHeads = &store;
    try {
        const services::AuditHeadCheck check = services::AuditHeadGuard(m_session.database(), store).check();
        m_chainRolledBack = check.rolledBack;
        if (check.rolledBack) {
            const QString warning = check.warning(m_session.database().location().displayName());
            BIZDESK_LOG_WARN("{}", warning.toStdString());
            m_auditBarText->setText(warning);
            m_auditBar->show();
        } else {
            store.remember(m_session.database().location().displayName(), check.current);
        }
    } catch (const domain::Error &error) {
        BIZDESK_LOG_WARN("audit head check failed: {}", error.message().toStdString());
    }
}

QString MainWindow::auditHeadWarning() const
{
    return m_auditBar->isHidden() ? QString() : m_auditBarText->text();
}

void MainWindow::addModuleTab(const QString &key, const QString &title, QWidget *page)
{
    page->setObjectName(key);
    if (auto *modulePage = dynamic_cast<ModulePage *>(page)) {
        modulePage->setRecordOpener([this](const services::RecordRef &record) { return openRecord(record); });
        for (QAction *action : modulePage->fileActions())
            m_fileMenu->insertAction(m_moduleFileActions, action);
    }
    m_tabs->addTab(page, title);
    m_tabTitles << title;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    file->addAction(tr("&New database…"), this, &MainWindow::newDatabase);
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabase);
    file->addSeparator();
    // Module pages add their own File actions here (addModuleTab), e.g. Import customers….
    m_moduleFileActions = file->addSeparator();
    file->addAction(tr("&Back up…"), this, &MainWindow::backupDatabase);
    file->addAction(tr("&Restore…"), this, &MainWindow::restoreDatabase);
    file->addSeparator();
    file->addAction(tr("&Change password…"), this, &MainWindow::changePassword)->setObjectName(QStringLiteral("changePasswordAction"));
    file->addAction(tr("Log &out"), this, &MainWindow::logoutRequested);
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refreshCurrent);
    view->addSeparator();
    for (int i = 0; i < 9; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
        addAction(action);
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    settings->addAction(tr("&Delegation of approvals…"), this, &MainWindow::manageDelegations)
        ->setObjectName(QStringLiteral("delegationAction"));
    // Only the director changes policy settings (§1.3); everybody reads them in Help → Policy.
    m_policyAction = settings->addAction(tr("P&olicy settings…"), this, &MainWindow::showPolicySettings);
    m_policyAction->setObjectName(QStringLiteral("policyAction"));
    m_policyAction->setVisible(m_session.may(domain::Action::EditPolicy));
    // Everybody may look at the company profile; the dialog lets only administrators change it.
    settings->addAction(tr("&Company profile…"), this, &MainWindow::showCompanyProfile)
        ->setObjectName(QStringLiteral("companyProfileAction"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Policy and rules…"), this, &MainWindow::showPolicyHelp);
    help->addAction(tr("&About BizDesk"), this, &MainWindow::showAbout);
}

bool MainWindow::openRecord(const services::RecordRef &record)
{
    const std::optional<services::ModuleId> module = services::ModuleCatalog::moduleOpening(record.kind);
    for (int i = 0; module && i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() != services::moduleKey(*module))
            continue;
        m_tabs->setCurrentIndex(i);
        auto *page = dynamic_cast<ModulePage *>(m_tabs->widget(i));
        if (page && page->showRecord(record))
            return true;
        break;
    }
    statusBar()->showMessage(tr("This item cannot be opened here yet."), 6000);
    return false;
}

void MainWindow::refreshCurrent()
{
    if (auto *page = dynamic_cast<ModulePage *>(m_tabs->currentWidget()))
        page->refresh();
    // What the user just did elsewhere may have settled or created tasks: keep My Tasks' count current.
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i) != m_tabs->currentWidget() && m_tabs->widget(i)->objectName() == QLatin1String("tasks")) {
            if (auto *tasks = dynamic_cast<ModulePage *>(m_tabs->widget(i)))
                tasks->refresh();
        }
    }
    updateStatus();
}

void MainWindow::refreshAfterChange()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = dynamic_cast<ModulePage *>(m_tabs->widget(i)))
            page->refresh();
    }
    updateStatus();
}

void MainWindow::updateTabTitles()
{
    int waiting = 0;
    bool tasksLoading = false;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto *page = dynamic_cast<ModulePage *>(m_tabs->widget(i));
        const int count = page ? page->badgeCount() : -1;
        m_tabs->setTabText(i, count > 0 ? QStringLiteral("%1 (%2)").arg(m_tabTitles.at(i)).arg(count) : m_tabTitles.at(i));
        if (m_tabs->widget(i)->objectName() != QLatin1String("tasks"))
            continue;
        if (count > 0)
            waiting = count;
        // No count yet: My Tasks is still reading on its worker (the window did not wait for it).
        tasksLoading = count < 0 && page && page->isLoading();
    }
    m_tasksLabel->setText(tasksLoading ? tr("Loading tasks…") : tr("%n task(s) waiting", nullptr, waiting));
}

void MainWindow::updateStatus()
{
    if (m_session.isLoggedIn())
        m_userLabel->setText(tr("%1 (%2)").arg(m_session.user().displayName, m_session.user().roles.displayNames()));
    const storage::Database &database = m_session.database();
    m_databaseLabel->setText(tr("%1 · %2")
                                 .arg(database.backend() == storage::Backend::Sqlite ? tr("SQLite") : tr("PostgreSQL"),
                                      database.location().displayName()));
    updateTabTitles();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    support::writeSetting(support::settings::windowGeometry, saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open database"), QString(),
                                                      tr("BizDesk databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        emit databaseRequested(path);
}

void MainWindow::newDatabase()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New database"), QStringLiteral("bizdesk.sqlite"),
                                                      tr("BizDesk databases (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New database"), tr("%1 already exists; choose a new name.").arg(path));
        return;
    }
    emit databaseRequested(path);
}

void MainWindow::backupDatabase()
{
    if (!m_session.may(domain::Action::ManageDatabase)) {
        QMessageBox::information(this, tr("Back up"), tr("Only a system administrator can make backups."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Back up to"), QStringLiteral("bizdesk-backup-%1.sqlite").arg(QDate::currentDate().toString(Qt::ISODate)),
        tr("BizDesk databases (*.sqlite)"));
    if (path.isEmpty())
        return;
    ErrorPresenter::attempt(this, [&] {
        const auto summary = services::DatabaseMaintenance::backup(m_session.database(), path);
        statusBar()->showMessage(tr("Backup written to %1 (audit head %2)").arg(path, summary.auditHead.toText()), 8000);
    });
}

void MainWindow::restoreDatabase()
{
    const QString backup = QFileDialog::getOpenFileName(this, tr("Restore which backup?"), QString(),
                                                        tr("BizDesk databases (*.sqlite *.bak);;All files (*)"));
    if (backup.isEmpty())
        return;
    const QString target = QFileDialog::getSaveFileName(this, tr("Restore into a new file"),
                                                        QStringLiteral("bizdesk-restored.sqlite"),
                                                        tr("BizDesk databases (*.sqlite)"));
    if (target.isEmpty())
        return;
    const bool restored = ErrorPresenter::attempt(this, [&] {
        const storage::DatabaseLocation location = storage::DatabaseLocation::parse(target);
        const auto summary = services::DatabaseMaintenance::restore(backup, location);
        // This computer made the restored chain (its last entry names the restore): no warning here.
        if (m_auditHeads)
            m_auditHeads->remember(location.displayName(), summary.auditHead);
    });
    if (restored
        && QMessageBox::question(this, tr("Restore"), tr("The backup was restored into %1. Open it now?").arg(target))
               == QMessageBox::Yes)
        emit databaseRequested(target);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::showPolicyHelp()
{
    PolicyHelpDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::showPolicySettings()
{
    PolicySettingsDialog dialog(m_session, this);
    dialog.exec();
    updateStatus();
}

void MainWindow::showCompanyProfile()
{
    CompanyProfileDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::changePassword()
{
    ChangePasswordDialog dialog(m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Your password was changed."), 6000);
}

void MainWindow::manageDelegations()
{
    DelegationDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About BizDesk"),
                       tr("<h3>BizDesk %1</h3><p>Business management for software companies: customers, negotiations, "
                          "contracts, entertainment expenses and the business team, following the company's business "
                          "management regulation.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace bizdesk::ui
