#pragma once

#include "services/modules/RecordRef.h"
#include "ui/shell/ModulePage.h"

#include <QMainWindow>

class QAction;
class QFrame;
class QLabel;
class QMenu;
class QTabWidget;

namespace bizdesk::services {
class AuditHeadStore;
class Session;
}

namespace bizdesk::ui {

class ChangeWatcher;

/// The main window: one tab per module, menus, status bar (ui.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(services::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    /// Adds a module tab; `key` is stable (objectName, remembered last tab). A ModulePage gets
    /// the record opener, so every page can open any module's records.
    void addModuleTab(const QString &key, const QString &title, QWidget *page);
    services::Session &session() const { return m_session; }

    /// Switches to the tab of the module that opens `record`'s kind (ModuleCatalog) and asks its
    /// page to show it; false (with a status bar note) when no module opens the kind or the page
    /// does not find the record.
    bool openRecord(const services::RecordRef &record);
    QAction *policyAction() const { return m_policyAction; }
    /// Announces saved changes, this program's and other programs'; the window refreshes on them.
    ChangeWatcher *changeWatcher() const { return m_changes; }
    /// Compares the database's audit chain with the head this computer saw last (one entry
    /// looked up, on this thread; no chain walk) and shows a warning bar above the tabs when the
    /// chain was rolled back. Otherwise it keeps the present head as the last seen, and again
    /// when the window goes. `store` must outlive the window.
    void watchAuditHead(services::AuditHeadStore &store);
    /// The warning bar's text while it is shown, else empty.
    QString auditHeadWarning() const;

public slots:
    void refreshCurrent();
    void updateStatus();
    /// Something was saved (here or by another program): every page reads again, then the tab
    /// titles and the status bar follow.
    void refreshAfterChange();

signals:
    /// The user chose another database (File → New/Open/Restore); the application reopens.
    void databaseRequested(const QString &location);
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateTabTitles();
    void openDatabase();
    void newDatabase();
    void backupDatabase();
    void restoreDatabase();
    void showPreferences();
    void showPolicyHelp();
    void showPolicySettings();
    void showCompanyProfile();
    void changePassword();
    void manageDelegations();
    void showAbout();

    services::Session &m_session;
    QTabWidget *m_tabs = nullptr;
    QStringList m_tabTitles;
    QLabel *m_userLabel = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_tasksLabel = nullptr;
    QAction *m_policyAction = nullptr;
    ChangeWatcher *m_changes = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_moduleFileActions = nullptr; ///< module File actions go before this separator
    QFrame *m_auditBar = nullptr;
    QLabel *m_auditBarText = nullptr;
    services::AuditHeadStore *m_auditHeads = nullptr;
    bool m_chainRolledBack = false;
};

} // namespace bizdesk::ui
