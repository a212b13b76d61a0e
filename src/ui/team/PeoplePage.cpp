#include "ui/team/PeoplePage.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "services/identity/TeamModule.h"
#include "ui/common/AuditHistoryView.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"
#include "ui/team/DepartmentDialog.h"
#include "ui/team/UserEditDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QSet>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <functional>

namespace bizdesk::ui {
namespace {

constexpr int IdRole = Qt::UserRole;

QTreeWidget *makeList(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(name);
    list->setHeaderLabels(headers);
    list->setAlternatingRowColors(true);
    list->setUniformRowHeights(true);
    list->setSortingEnabled(true);
    list->sortByColumn(0, Qt::AscendingOrder);
    return list;
}

} // namespace

PeoplePage::PeoplePage(services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_newPerson = toolbar->addAction(tr("&New person…"), this, &PeoplePage::addPerson);
    m_newPerson->setShortcut(QKeySequence::New);
    m_editPerson = toolbar->addAction(tr("&Edit…"), this, &PeoplePage::editPerson);
    m_disablePerson = toolbar->addAction(tr("&Disable"), this, &PeoplePage::disablePerson);
    m_unlockPerson = toolbar->addAction(tr("&Unlock"), this, &PeoplePage::unlockPerson);
    m_enablePerson = toolbar->addAction(tr("E&nable"), this, &PeoplePage::enablePerson);
    toolbar->addSeparator();
    m_newDepartment = toolbar->addAction(tr("New de&partment…"), this, &PeoplePage::addDepartment);
    m_departmentHead = toolbar->addAction(tr("Department &head…"), this, &PeoplePage::setDepartmentHead);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_search = new QLineEdit(toolbar);
    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setPlaceholderText(tr("Search name, login, department…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    toolbar->addWidget(m_search);
    layout->addWidget(toolbar);

    m_messageLabel = new QLabel(this);
    Style::markAsError(m_messageLabel);
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);

    auto *splitter = new QSplitter(this);
    m_views = new QTabWidget(splitter);
    m_people = makeList(m_views, QStringLiteral("peopleList"),
                        {tr("Name"), tr("Login"), tr("Roles"), tr("Department"), tr("Superior"), tr("Status")});
    m_people->setRootIsDecorated(false);
    m_orgChart = makeList(m_views, QStringLiteral("orgChart"), {tr("Name"), tr("Roles"), tr("Department")});
    m_orgChart->setSortingEnabled(false);
    m_departments = makeList(m_views, QStringLiteral("departmentList"), {tr("Department"), tr("Head"), tr("People")});
    m_departments->setRootIsDecorated(false);
    m_views->addTab(m_people, tr("People"));
    m_views->addTab(m_orgChart, tr("Organisation chart"));
    m_views->addTab(m_departments, tr("Departments"));

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    m_title = new QLabel(detail);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    Style::markAsHeading(m_title);
    detailLayout->addWidget(m_title);
    m_details = new QLabel(detail);
    m_details->setObjectName(QStringLiteral("personDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_details);
    auto *historyTitle = new QLabel(tr("Change history"), detail);
    QFont bold = historyTitle->font();
    bold.setBold(true);
    historyTitle->setFont(bold);
    detailLayout->addWidget(historyTitle);
    m_history = new AuditHistoryView(session, detail);
    detailLayout->addWidget(m_history, 1);
    splitter->addWidget(m_views);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, &PeoplePage::applyFilter);
    for (QTreeWidget *list : {m_people, m_orgChart}) {
        connect(list, &QTreeWidget::currentItemChanged, this, [this] {
            updateDetail();
            updateActions();
        });
        connect(list, &QTreeWidget::itemDoubleClicked, this, [this] {
            if (m_editPerson->isVisible())
                editPerson();
        });
    }
    connect(m_departments, &QTreeWidget::currentItemChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        // Keep the same person selected when switching between the list and the chart.
        QTreeWidget *shown = m_views->currentWidget() == m_orgChart ? m_orgChart : m_people;
        QTreeWidget *other = shown == m_orgChart ? m_people : m_orgChart;
        if (m_views->currentWidget() != m_departments && other->currentItem())
            selectUser(other->currentItem()->data(0, IdRole).toLongLong());
        // The departments view describes a department, never the person selected before.
        if (m_views->currentWidget() == m_departments && !m_departments->currentItem()
            && m_departments->topLevelItemCount() > 0)
            m_departments->setCurrentItem(m_departments->topLevelItem(0));
        updateDetail();
        updateActions();
    });

    m_newPerson->setVisible(session.may(domain::Action::ManageUsers));
    m_editPerson->setVisible(session.may(domain::Action::ManageUsers));
    m_disablePerson->setVisible(session.may(domain::Action::ManageUsers));
    m_unlockPerson->setVisible(session.may(domain::Action::ManageUsers));
    m_enablePerson->setVisible(session.may(domain::Action::ManageUsers));
    m_newDepartment->setVisible(session.may(domain::Action::ManageDepartments));
    m_departmentHead->setVisible(session.may(domain::Action::ManageDepartments));
    refresh();
}

void PeoplePage::refresh()
{
    const auto selected = selectedUser();
    const auto selectedDepartmentId = selectedDepartment() ? std::optional(selectedDepartment()->id) : std::nullopt;
    m_messageLabel->hide();
    try {
        services::IdentityService identity(m_session);
        m_users = identity.users();
        m_departmentRows = identity.departments();
    } catch (const domain::Error &error) {
        m_users.clear();
        m_departmentRows.clear();
        m_messageLabel->setText(ErrorPresenter::describe(error));
        m_messageLabel->show();
    }
    fillPeople();
    fillOrgChart();
    fillDepartments();
    applyFilter(m_search->text());
    if (selected)
        selectUser(selected->id);
    else if (m_people->topLevelItemCount() > 0 && !m_people->currentItem())
        m_people->setCurrentItem(m_people->topLevelItem(0));
    if (selectedDepartmentId)
        selectDepartment(*selectedDepartmentId);
    updateDetail();
    updateActions();
}

const domain::User *PeoplePage::findUser(std::optional<domain::UserId> id) const
{
    for (const domain::User &user : m_users) {
        if (id && user.id == *id)
            return &user;
    }
    return nullptr;
}

const domain::Department *PeoplePage::findDepartment(std::optional<domain::DepartmentId> id) const
{
    for (const domain::Department &department : m_departmentRows) {
        if (id && department.id == *id)
            return &department;
    }
    return nullptr;
}

QString PeoplePage::nameOf(std::optional<domain::UserId> id) const
{
    const domain::User *user = findUser(id);
    return user ? user->displayName : QString();
}

QString PeoplePage::departmentName(std::optional<domain::DepartmentId> id) const
{
    const domain::Department *department = findDepartment(id);
    return department ? department->name : QString();
}

QString PeoplePage::statusText(const domain::User &user) const
{
    if (!user.active)
        return tr("Disabled");
    if (user.isLockedAt(m_session.now()))
        return tr("Locked until %1").arg(QLocale().toString(user.lockedUntil.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")));
    return tr("Active");
}

void PeoplePage::fillPeople()
{
    m_people->setSortingEnabled(false);
    m_people->clear();
    for (const domain::User &user : std::as_const(m_users)) {
        auto *item = new QTreeWidgetItem(m_people);
        item->setText(0, user.displayName);
        item->setText(1, user.login);
        item->setText(2, user.roles.displayNames());
        item->setText(3, departmentName(user.departmentId));
        item->setText(4, nameOf(user.superiorId));
        item->setText(5, statusText(user));
        item->setData(0, IdRole, user.id);
        if (!user.active)
            item->setForeground(5, Style::colourFor(Style::Meaning::Closed));
        else if (user.isLockedAt(m_session.now()))
            item->setForeground(5, Style::colourFor(Style::Meaning::Rejected));
    }
    m_people->setSortingEnabled(true);
    for (int column = 0; column < m_people->columnCount(); ++column)
        m_people->resizeColumnToContents(column);
}

void PeoplePage::fillOrgChart()
{
    m_orgChart->clear();
    // Top of each reporting line: people without a (known) superior. Cycles cannot exist
    // (ReportingLine::requireNoCycle), but a visited set keeps the tree finite regardless.
    QSet<domain::UserId> known;
    for (const domain::User &user : std::as_const(m_users))
        known.insert(user.id);
    QSet<domain::UserId> placed;
    std::function<void(QTreeWidgetItem *, const domain::User &)> addBelow = [&](QTreeWidgetItem *parentItem,
                                                                               const domain::User &user) {
        if (placed.contains(user.id))
            return;
        placed.insert(user.id);
        auto *item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_orgChart);
        item->setText(0, user.active ? user.displayName : tr("%1 (disabled)").arg(user.displayName));
        item->setText(1, user.roles.displayNames());
        item->setText(2, departmentName(user.departmentId));
        item->setData(0, IdRole, user.id);
        if (!user.active)
            item->setForeground(0, Style::colourFor(Style::Meaning::Closed));
        for (const domain::User &report : std::as_const(m_users)) {
            if (report.superiorId && *report.superiorId == user.id)
                addBelow(item, report);
        }
    };
    for (const domain::User &user : std::as_const(m_users)) {
        if (!user.superiorId || !known.contains(*user.superiorId))
            addBelow(nullptr, user);
    }
    m_orgChart->expandAll();
    for (int column = 0; column < m_orgChart->columnCount(); ++column)
        m_orgChart->resizeColumnToContents(column);
    // Deep reporting lines indent the name column; keep room for the deepest names.
    m_orgChart->setColumnWidth(0, qMax(m_orgChart->columnWidth(0), m_orgChart->indentation() * 5
                                                                       + m_orgChart->fontMetrics().horizontalAdvance(QStringLiteral("商务专员张三丰"))));
}

void PeoplePage::fillDepartments()
{
    m_departments->setSortingEnabled(false);
    m_departments->clear();
    for (const domain::Department &department : std::as_const(m_departmentRows)) {
        int members = 0;
        for (const domain::User &user : std::as_const(m_users))
            members += user.active && user.departmentId == department.id ? 1 : 0;
        auto *item = new QTreeWidgetItem(m_departments);
        item->setText(0, department.name);
        item->setText(1, nameOf(department.headId));
        item->setData(2, Qt::DisplayRole, members);
        item->setData(0, IdRole, department.id);
    }
    m_departments->setSortingEnabled(true);
    for (int column = 0; column < m_departments->columnCount(); ++column)
        m_departments->resizeColumnToContents(column);
}

void PeoplePage::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_people->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_people->topLevelItem(i);
        bool match = needle.isEmpty();
        for (int column = 0; !match && column < m_people->columnCount(); ++column)
            match = item->text(column).contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
    for (int i = 0; i < m_departments->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_departments->topLevelItem(i);
        item->setHidden(!needle.isEmpty() && !item->text(0).contains(needle, Qt::CaseInsensitive)
                        && !item->text(1).contains(needle, Qt::CaseInsensitive));
    }
}

std::optional<domain::User> PeoplePage::selectedUser() const
{
    QTreeWidget *list = m_views->currentWidget() == m_orgChart ? m_orgChart : m_people;
    if (m_views->currentWidget() == m_departments || !list->currentItem())
        return std::nullopt;
    const domain::User *user = findUser(list->currentItem()->data(0, IdRole).toLongLong());
    return user ? std::optional<domain::User>(*user) : std::nullopt;
}

std::optional<domain::Department> PeoplePage::selectedDepartment() const
{
    if (m_views->currentWidget() != m_departments || !m_departments->currentItem())
        return std::nullopt;
    const domain::Department *department = findDepartment(m_departments->currentItem()->data(0, IdRole).toLongLong());
    return department ? std::optional<domain::Department>(*department) : std::nullopt;
}

void PeoplePage::selectUser(domain::UserId id)
{
    for (QTreeWidget *list : {m_people, m_orgChart}) {
        for (QTreeWidgetItemIterator it(list); *it; ++it) {
            if ((*it)->data(0, IdRole).toLongLong() == id) {
                list->setCurrentItem(*it);
                break;
            }
        }
    }
}

bool PeoplePage::showRecord(const services::RecordRef &record)
{
    const qint64 id = record.id;
    refresh();
    if (record.kind == services::userRecord) {
        m_views->setCurrentWidget(m_people);
        m_search->clear();
        selectUser(id);
        return selectedUser().has_value() && selectedUser()->id == id;
    }
    if (record.kind == services::departmentRecord) {
        m_views->setCurrentWidget(m_departments);
        return selectDepartment(id);
    }
    return false;
}

bool PeoplePage::selectDepartment(domain::DepartmentId id)
{
    for (int i = 0; i < m_departments->topLevelItemCount(); ++i) {
        if (m_departments->topLevelItem(i)->data(0, IdRole).toLongLong() == id) {
            m_departments->setCurrentItem(m_departments->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void PeoplePage::updateDetail()
{
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped());
    };
    if (const auto department = selectedDepartment()) {
        m_title->setText(department->name);
        QStringList members;
        for (const domain::User &user : std::as_const(m_users)) {
            if (user.active && user.departmentId == department->id)
                members << user.displayName;
        }
        m_details->setText(QStringLiteral("<table>%1%2</table>")
                               .arg(row(tr("Head"), nameOf(department->headId)),
                                    row(tr("People"), members.join(QStringLiteral("、")))));
        m_history->setRecord({services::departmentRecord, department->id});
        return;
    }
    const auto user = selectedUser();
    if (!user) {
        m_title->setText(tr("People"));
        m_details->setText(tr("Select a person to see their details and change history."));
        m_history->clear();
        return;
    }
    m_title->setText(user->displayName);
    m_details->setText(QStringLiteral("<table>%1%2%3%4%5%6%7</table>")
                           .arg(row(tr("Login"), user->login), row(tr("Roles"), user->roles.displayNames()),
                                row(tr("Department"), departmentName(user->departmentId)),
                                row(tr("Superior"), nameOf(user->superiorId)), row(tr("E-mail"), user->email),
                                row(tr("Phone"), user->phone), row(tr("Status"), statusText(*user))));
    m_history->setRecord({services::userRecord, user->id});
}

void PeoplePage::updateActions()
{
    const auto user = selectedUser();
    m_editPerson->setEnabled(user.has_value());
    m_disablePerson->setEnabled(user && user->active && user->id != m_session.userId());
    m_unlockPerson->setEnabled(user && (user->isLockedAt(m_session.now()) || user->failedAttempts > 0));
    m_enablePerson->setEnabled(user && !user->active);
    m_departmentHead->setEnabled(selectedDepartment().has_value());
}

void PeoplePage::addPerson()
{
    UserEditDialog dialog(m_session, std::nullopt, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    m_views->setCurrentWidget(m_people);
    selectUser(dialog.savedUser().id);
}

void PeoplePage::editPerson()
{
    const auto user = selectedUser();
    if (!user)
        return;
    UserEditDialog dialog(m_session, user, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void PeoplePage::disablePerson()
{
    const auto user = selectedUser();
    if (!user)
        return;
    if (QMessageBox::question(this, tr("Disable"),
                              tr("Disable the account of %1 (%2)? They can no longer log in; their records stay.")
                                  .arg(user->displayName, user->login))
        == QMessageBox::Yes)
        actOnSelected(&services::IdentityService::disableUser);
}

void PeoplePage::actOnSelected(void (services::IdentityService::*action)(const QString &login))
{
    const auto user = selectedUser();
    if (!user)
        return;
    ErrorPresenter::attempt(this, [&] {
        services::IdentityService identity(m_session);
        (identity.*action)(user->login);
    });
    refresh();
}

void PeoplePage::unlockPerson()
{
    actOnSelected(&services::IdentityService::unlockUser);
}

void PeoplePage::enablePerson()
{
    actOnSelected(&services::IdentityService::enableUser);
}

void PeoplePage::addDepartment()
{
    DepartmentDialog dialog(m_session, std::nullopt, this);
    if (dialog.exec() == QDialog::Accepted) {
        refresh();
        m_views->setCurrentWidget(m_departments);
    }
}

void PeoplePage::setDepartmentHead()
{
    const auto department = selectedDepartment();
    if (!department)
        return;
    DepartmentDialog dialog(m_session, department, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

} // namespace bizdesk::ui
