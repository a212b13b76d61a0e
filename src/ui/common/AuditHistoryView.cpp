#include "ui/common/AuditHistoryView.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "ui/common/ErrorPresenter.h"

#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {
namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("—");
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return QString::fromUtf8(QJsonDocument(value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

AuditHistoryView::AuditHistoryView(services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("auditHistoryList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("When"), tr("Who"), tr("On behalf of"), tr("Action"), tr("Change (before → after)")});
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list);
}

void AuditHistoryView::setEntity(const QString &entityKind, qint64 entityId)
{
    m_entityKind = entityKind;
    m_entityId = entityId;
    reload();
}

void AuditHistoryView::clear()
{
    m_entityKind.clear();
    m_entityId = 0;
    m_list->clear();
    m_note->hide();
}

QString AuditHistoryView::actionLabel(const QString &action)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("user.create_first"), QT_TR_NOOP("First account created")},
        {QStringLiteral("user.add"), QT_TR_NOOP("Person added")},
        {QStringLiteral("user.update"), QT_TR_NOOP("Person changed")},
        {QStringLiteral("user.unlock"), QT_TR_NOOP("Account unlocked")},
        {QStringLiteral("user.change_password"), QT_TR_NOOP("Password changed")},
        {QStringLiteral("auth.login"), QT_TR_NOOP("Logged in")},
        {QStringLiteral("auth.login_failed"), QT_TR_NOOP("Login failed")},
        {QStringLiteral("auth.locked"), QT_TR_NOOP("Account locked")},
        {QStringLiteral("department.add"), QT_TR_NOOP("Department added")},
        {QStringLiteral("department.set_head"), QT_TR_NOOP("Department head set")},
        {QStringLiteral("delegation.add"), QT_TR_NOOP("Delegation given")},
        {QStringLiteral("delegation.revoke"), QT_TR_NOOP("Delegation revoked")},
        {QStringLiteral("policy.set"), QT_TR_NOOP("Policy setting changed")},
        // entertainment (§6)
        {QStringLiteral("expense.apply"), QT_TR_NOOP("Entertainment application filled in")},
        {QStringLiteral("expense.edit"), QT_TR_NOOP("Entertainment draft changed")},
        {QStringLiteral("expense.submit"), QT_TR_NOOP("Submitted for approval")},
        {QStringLiteral("expense.approve"), QT_TR_NOOP("Approved")},
        {QStringLiteral("expense.return"), QT_TR_NOOP("Returned")},
        {QStringLiteral("expense.reject"), QT_TR_NOOP("Rejected")},
        {QStringLiteral("expense.withdraw"), QT_TR_NOOP("Withdrawn")},
        {QStringLiteral("expense.cancel"), QT_TR_NOOP("Cancelled")},
        {QStringLiteral("expense.claim"), QT_TR_NOOP("Claim filed")},
        {QStringLiteral("expense.finance_approve"), QT_TR_NOOP("Reimbursed")},
        {QStringLiteral("expense.finance_return"), QT_TR_NOOP("Claim returned for correction")},
        {QStringLiteral("expense.finance_reject"), QT_TR_NOOP("Claim refused")},
        {QStringLiteral("expense.attach"), QT_TR_NOOP("Receipt attached")},
    };
    const char *label = labels.value(action);
    return label ? tr(label) : action;
}

QString AuditHistoryView::fieldLabel(const QString &key)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("login"), QT_TR_NOOP("login")},
        {QStringLiteral("name"), QT_TR_NOOP("name")},
        {QStringLiteral("roles"), QT_TR_NOOP("roles")},
        {QStringLiteral("active"), QT_TR_NOOP("active")},
        {QStringLiteral("department_id"), QT_TR_NOOP("department")},
        {QStringLiteral("superior_id"), QT_TR_NOOP("superior")},
        {QStringLiteral("head_id"), QT_TR_NOOP("head")},
        {QStringLiteral("email"), QT_TR_NOOP("e-mail")},
        {QStringLiteral("phone"), QT_TR_NOOP("phone")},
        {QStringLiteral("locked_until"), QT_TR_NOOP("locked until")},
        {QStringLiteral("reason"), QT_TR_NOOP("reason")},
        {QStringLiteral("attempt"), QT_TR_NOOP("attempt")},
        {QStringLiteral("delegate"), QT_TR_NOOP("delegate")},
        {QStringLiteral("from"), QT_TR_NOOP("from")},
        {QStringLiteral("to"), QT_TR_NOOP("to")},
        {QStringLiteral("state"), QT_TR_NOOP("state")},
        {QStringLiteral("estimate"), QT_TR_NOOP("estimate")},
        {QStringLiteral("actual"), QT_TR_NOOP("actual cost")},
        {QStringLiteral("comment"), QT_TR_NOOP("comment")},
        {QStringLiteral("file"), QT_TR_NOOP("file")},
    };
    const char *label = labels.value(key);
    return label ? tr(label) : key;
}

QString AuditHistoryView::describeChange(const QString &beforeJson, const QString &afterJson)
{
    const QJsonObject before = QJsonDocument::fromJson(beforeJson.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(afterJson.toUtf8()).object();
    QStringList keys = before.keys();
    for (const QString &key : after.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        // Row bookkeeping, not content.
        if (key == QLatin1String("id") || key == QLatin1String("version"))
            continue;
        const QJsonValue old = before.value(key);
        const QJsonValue now = after.value(key);
        if (old == now)
            continue;
        if (before.isEmpty())
            parts << tr("%1: %2").arg(fieldLabel(key), valueText(now));
        else
            parts << tr("%1: %2 → %3").arg(fieldLabel(key), valueText(old), valueText(now));
    }
    return parts.join(QStringLiteral("; "));
}

void AuditHistoryView::reload()
{
    m_list->clear();
    m_note->hide();
    m_list->show();
    if (m_entityKind.isEmpty())
        return;
    try {
        const auto entries = services::AuditTrail(m_session).history(m_entityKind, m_entityId);
        for (const domain::AuditEntry &entry : entries) {
            const QDateTime at = domain::fromStorageTimestamp(entry.at);
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(0, QLocale().toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")));
            item->setText(1, entry.actorLogin);
            item->setText(2, entry.onBehalfOfLogin);
            item->setText(3, actionLabel(entry.action));
            item->setToolTip(3, entry.action);
            const QString change = describeChange(entry.beforeJson, entry.afterJson);
            item->setText(4, change);
            item->setToolTip(4, change);
            item->setData(0, Qt::UserRole, entry.id);
        }
        if (entries.isEmpty()) {
            m_note->setText(tr("No recorded changes yet."));
            m_note->show();
        }
        for (int column = 0; column < 4; ++column)
            m_list->resizeColumnToContents(column);
    } catch (const domain::Error &error) {
        m_list->setVisible(error.kind() != domain::ErrorKind::Denied);
        m_note->setText(error.kind() == domain::ErrorKind::Denied
                            ? tr("The change history is visible to the director, executives and administrators (§7).")
                            : ErrorPresenter::describe(error));
        m_note->show();
    }
}

} // namespace bizdesk::ui
