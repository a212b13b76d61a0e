#pragma once

#include "domain/identity/User.h"
#include "ui/shell/MainWindow.h"

#include <QList>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace bizdesk::services {
class IdentityService;
class Session;
} // namespace bizdesk::services

namespace bizdesk::ui {

class AuditHistoryView;

/// Team → People (§2.1, §2.2): the people list, the organisation chart by reporting line and the
/// departments, with a detail pane (contact data, status, change history). Shows only the actions
/// the user may take (Session::may); every change goes through IdentityService.
class PeoplePage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit PeoplePage(services::Session &session, QWidget *parent = nullptr);

    void refresh() override;
    bool showRecord(const services::RecordRef &record) override;

    QTreeWidget *peopleList() const { return m_people; }
    QTreeWidget *orgChart() const { return m_orgChart; }
    QTreeWidget *departmentList() const { return m_departments; }
    QAction *newPersonAction() const { return m_newPerson; }
    QAction *editPersonAction() const { return m_editPerson; }
    QAction *disablePersonAction() const { return m_disablePerson; }
    QAction *unlockPersonAction() const { return m_unlockPerson; }
    QAction *enablePersonAction() const { return m_enablePerson; }
    QAction *newDepartmentAction() const { return m_newDepartment; }
    QAction *departmentHeadAction() const { return m_departmentHead; }
    AuditHistoryView *history() const { return m_history; }
    /// The detail pane: its heading and its text (a person or a department).
    QLabel *detailTitle() const { return m_title; }
    QLabel *detailText() const { return m_details; }
    std::optional<domain::User> selectedUser() const;

public slots:
    void addPerson();
    void editPerson();
    void disablePerson();
    void unlockPerson();
    void enablePerson();
    void addDepartment();
    void setDepartmentHead();

private:
    void fillPeople();
    void fillOrgChart();
    void fillDepartments();
    void applyFilter(const QString &text);
    void updateDetail();
    void updateActions();
    void selectUser(domain::UserId id);
    /// Makes the department current in the departments view; false when it is not listed.
    bool selectDepartment(domain::DepartmentId id);
    /// Runs an IdentityService action on the selected person's login, shows a refusal, refreshes.
    void actOnSelected(void (services::IdentityService::*action)(const QString &login));
    std::optional<domain::Department> selectedDepartment() const;
    QString statusText(const domain::User &user) const;
    const domain::User *findUser(std::optional<domain::UserId> id) const;
    const domain::Department *findDepartment(std::optional<domain::DepartmentId> id) const;
    QString nameOf(std::optional<domain::UserId> id) const;
    QString departmentName(std::optional<domain::DepartmentId> id) const;

    services::Session &m_session;
    QList<domain::User> m_users;
    QList<domain::Department> m_departmentRows;
    QAction *m_newPerson = nullptr;
    QAction *m_editPerson = nullptr;
    QAction *m_disablePerson = nullptr;
    QAction *m_unlockPerson = nullptr;
    QAction *m_enablePerson = nullptr;
    QAction *m_newDepartment = nullptr;
    QAction *m_departmentHead = nullptr;
    QLineEdit *m_search = nullptr;
    QTabWidget *m_views = nullptr;
    QTreeWidget *m_people = nullptr;
    QTreeWidget *m_orgChart = nullptr;
    QTreeWidget *m_departments = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_messageLabel = nullptr;
    AuditHistoryView *m_history = nullptr;
};

} // namespace bizdesk::ui
