#include "ui/team/UserEditDialog.h"

#include "ui_UserEditDialog.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/identity/IdentityService.h"
#include "services/identity/PasswordQuality.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"

#include <QPushButton>

#include <functional>

namespace bizdesk::ui {

UserEditDialog::UserEditDialog(services::Session &session, std::optional<domain::User> existing, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::UserEditDialog>())
    , m_session(session)
    , m_existing(std::move(existing))
{
    m_ui->setupUi(this);
    setWindowTitle(m_existing ? tr("Edit person") : tr("New person"));
    m_roleBoxes = {{domain::Role::Director, m_ui->roleDirector},   {domain::Role::Manager, m_ui->roleManager},
                   {domain::Role::Specialist, m_ui->roleSpecialist}, {domain::Role::Finance, m_ui->roleFinance},
                   {domain::Role::Legal, m_ui->roleLegal},         {domain::Role::Executive, m_ui->roleExecutive},
                   {domain::Role::Admin, m_ui->roleAdmin}};
    for (auto it = m_roleBoxes.cbegin(); it != m_roleBoxes.cend(); ++it)
        it.value()->setText(domain::roleDisplayName(it.key()));
    m_errorLabels = {{QStringLiteral("login"), m_ui->loginError},       {QStringLiteral("name"), m_ui->nameError},
                     {QStringLiteral("role"), m_ui->rolesError},        {QStringLiteral("dept"), m_ui->departmentError},
                     {QStringLiteral("superior"), m_ui->superiorError}, {QStringLiteral("email"), m_ui->emailError},
                     {QStringLiteral("phone"), m_ui->phoneError},       {QStringLiteral("password"), m_ui->passwordError},
                     {QStringLiteral("repeat"), m_ui->repeatError}};
    for (QLabel *label : std::as_const(m_errorLabels)) {
        Style::markAsError(label);
        label->hide();
    }
    Style::markAsError(m_ui->messageLabel);
    m_ui->messageLabel->hide();

    services::IdentityService identity(session);
    m_ui->departmentCombo->addItem(tr("(none)"));
    for (const domain::Department &department : identity.departments())
        m_ui->departmentCombo->addItem(department.name, department.id);
    m_ui->superiorCombo->addItem(tr("(none)"));
    for (const domain::User &person : identity.users()) {
        if (!person.active || (m_existing && person.id == m_existing->id))
            continue;
        m_ui->superiorCombo->addItem(tr("%1 (%2)").arg(person.displayName, person.login), person.id);
        m_ui->superiorCombo->setItemData(m_ui->superiorCombo->count() - 1, person.login, Qt::UserRole + 1);
    }

    if (m_existing) {
        m_ui->loginEdit->setText(m_existing->login);
        m_ui->loginEdit->setReadOnly(true);
        m_ui->nameEdit->setText(m_existing->displayName);
        for (auto it = m_roleBoxes.cbegin(); it != m_roleBoxes.cend(); ++it)
            it.value()->setChecked(m_existing->roles.has(it.key()));
        if (m_existing->departmentId)
            m_ui->departmentCombo->setCurrentIndex(qMax(0, m_ui->departmentCombo->findData(*m_existing->departmentId)));
        if (m_existing->superiorId)
            m_ui->superiorCombo->setCurrentIndex(qMax(0, m_ui->superiorCombo->findData(*m_existing->superiorId)));
        m_ui->emailEdit->setText(m_existing->email);
        m_ui->phoneEdit->setText(m_existing->phone);
        for (QWidget *widget : {static_cast<QWidget *>(m_ui->passwordLabel), static_cast<QWidget *>(m_ui->passwordEdit),
                                static_cast<QWidget *>(m_ui->repeatLabel), static_cast<QWidget *>(m_ui->repeatEdit)})
            widget->hide();
        m_ui->requiredNote->setText(tr("* required. The person changes their own password (File → Change password)."));
        m_ui->nameEdit->setFocus();
    } else {
        m_ui->requiredNote->setText(tr("* required. The password must have at least %1 characters; the person can change it "
                                       "after the first login.")
                                        .arg(domain::UserRules::minimumPasswordLength));
    }

    const auto touch = [this](const QString &field) {
        return [this, field] {
            m_touched.insert(field);
            validate();
        };
    };
    connect(m_ui->loginEdit, &QLineEdit::textEdited, this, touch(QStringLiteral("login")));
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, touch(QStringLiteral("name")));
    connect(m_ui->emailEdit, &QLineEdit::textEdited, this, touch(QStringLiteral("email")));
    connect(m_ui->phoneEdit, &QLineEdit::textEdited, this, touch(QStringLiteral("phone")));
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this, touch(QStringLiteral("password")));
    connect(m_ui->repeatEdit, &QLineEdit::textEdited, this, touch(QStringLiteral("repeat")));
    for (QCheckBox *box : std::as_const(m_roleBoxes))
        connect(box, &QCheckBox::toggled, this, touch(QStringLiteral("role")));
    connect(m_ui->departmentCombo, &QComboBox::currentIndexChanged, this, [this] { showFieldError(QStringLiteral("dept"), {}); });
    connect(m_ui->superiorCombo, &QComboBox::currentIndexChanged, this, [this] { showFieldError(QStringLiteral("superior"), {}); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &UserEditDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &UserEditDialog::reject);
    validate();
}

UserEditDialog::~UserEditDialog() = default;

QString UserEditDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void UserEditDialog::showFieldError(const QString &field, const QString &message)
{
    if (QLabel *label = m_errorLabels.value(field)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

domain::RoleSet UserEditDialog::checkedRoles() const
{
    domain::RoleSet roles;
    for (auto it = m_roleBoxes.cbegin(); it != m_roleBoxes.cend(); ++it) {
        if (it.value()->isChecked())
            roles.add(it.key());
    }
    return roles;
}

void UserEditDialog::validate()
{
    // The same rules the service applies (domain::UserRules); the widget only decides when to show them.
    bool valid = true;
    const auto check = [&](const QString &field, const std::function<void()> &rule) {
        QString message;
        try {
            rule();
        } catch (const domain::Error &error) {
            message = ErrorPresenter::describe(error);
            valid = false;
        }
        showFieldError(field, m_touched.contains(field) ? message : QString());
    };
    if (!m_existing)
        check(QStringLiteral("login"), [&] { domain::UserRules::normaliseLogin(m_ui->loginEdit->text()); });
    check(QStringLiteral("name"), [&] { domain::UserRules::requireDisplayName(m_ui->nameEdit->text()); });
    check(QStringLiteral("role"), [&] {
        if (checkedRoles().isEmpty())
            throw domain::Error::invalid(QStringLiteral("role"), tr("role: at least one role is required."));
    });
    check(QStringLiteral("email"), [&] { domain::UserRules::normaliseEmail(QStringLiteral("email"), m_ui->emailEdit->text()); });
    check(QStringLiteral("phone"), [&] { domain::UserRules::normalisePhone(QStringLiteral("phone"), m_ui->phoneEdit->text()); });
    if (!m_existing) {
        check(QStringLiteral("password"),
              [&] { services::PasswordQuality::require(m_ui->passwordEdit->text(), m_ui->loginEdit->text()); });
        check(QStringLiteral("repeat"), [&] {
            if (m_ui->repeatEdit->text() != m_ui->passwordEdit->text())
                throw domain::Error::invalid(QStringLiteral("repeat"), tr("repeat password: the two passwords differ."));
        });
    }
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(valid);
}

void UserEditDialog::accept()
{
    m_ui->messageLabel->hide();
    try {
        services::IdentityService identity(m_session);
        if (m_existing) {
            domain::User edited = *m_existing;
            edited.displayName = m_ui->nameEdit->text();
            edited.roles = checkedRoles();
            const QVariant department = m_ui->departmentCombo->currentData();
            edited.departmentId = department.isValid() ? std::optional<domain::DepartmentId>(department.toLongLong()) : std::nullopt;
            const QVariant superior = m_ui->superiorCombo->currentData();
            edited.superiorId = superior.isValid() ? std::optional<domain::UserId>(superior.toLongLong()) : std::nullopt;
            edited.email = m_ui->emailEdit->text();
            edited.phone = m_ui->phoneEdit->text();
            m_saved = identity.updateUser(edited);
        } else {
            services::NewUser input;
            input.login = m_ui->loginEdit->text();
            input.displayName = m_ui->nameEdit->text();
            input.roles = checkedRoles().toString();
            input.department = m_ui->departmentCombo->currentIndex() > 0 ? m_ui->departmentCombo->currentText() : QString();
            input.superiorLogin = m_ui->superiorCombo->currentData(Qt::UserRole + 1).toString();
            input.email = m_ui->emailEdit->text();
            input.phone = m_ui->phoneEdit->text();
            input.password = m_ui->passwordEdit->text();
            m_saved = identity.addUser(input);
        }
        QDialog::accept();
    } catch (const domain::Error &error) {
        if (m_errorLabels.contains(error.field())) {
            m_touched.insert(error.field());
            showFieldError(error.field(), ErrorPresenter::describe(error));
        } else {
            m_ui->messageLabel->setText(ErrorPresenter::describe(error));
            m_ui->messageLabel->show();
        }
    }
}

} // namespace bizdesk::ui
