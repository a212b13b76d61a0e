#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// A page in a module tab. Pages refresh on F5 and when the tab is shown.
class ModulePage
{
public:
    virtual ~ModulePage() = default;
    virtual void refresh() {}
    /// Number shown on the tab title (e.g. tasks waiting); -1 for none.
    virtual int badgeCount() const { return -1; }
    /// Brings the record into view (selects it, opens its detail pane), e.g. when a task in My
    /// Tasks is opened. `entityKind` is TaskItem::entityKind ("customer", "expense", "user").
    /// Returns false when this page does not know the kind or the record.
    /// Actions the page adds to the File menu (e.g. Import customers…); the page owns them,
    /// decides their visibility and what they do.
    virtual QList<QAction *> fileActions() const { return {}; }
    virtual bool showRecord(const QString &entityKind, qint64 id)
    {
        Q_UNUSED(entityKind);
        Q_UNUSED(id);
        return false;
    }
};

/// The main window: one tab per module, menus, status bar (ui.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(services::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    /// Adds a module tab; `key` is stable (objectName, remembered last tab).
    void addModuleTab(const QString &key, const QString &title, QWidget *page);
    services::Session &session() const { return m_session; }

    /// Switches to the tab `module` (its key) and asks its page to show the record; false (with a
    /// status bar note) when there is no such tab or the page does not know the record.
    bool openRecord(const QString &module, const QString &entityKind, qint64 id);
    QAction *policyAction() const { return m_policyAction; }

public slots:
    void refreshCurrent();
    void updateStatus();

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
    QMenu *m_fileMenu = nullptr;
    QAction *m_moduleFileActions = nullptr; ///< module File actions go before this separator
};

} // namespace bizdesk::ui
