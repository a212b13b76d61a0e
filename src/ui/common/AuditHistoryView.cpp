#include "ui/common/AuditHistoryView.h"

#include "domain/Clock.h"
#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "ui/common/ErrorPresenter.h"

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
        const QJsonValue old = before.value(key);
        const QJsonValue now = after.value(key);
        if (old == now)
            continue;
        if (before.isEmpty())
            parts << tr("%1: %2").arg(key, valueText(now));
        else
            parts << tr("%1: %2 → %3").arg(key, valueText(old), valueText(now));
    }
    return parts.join(QStringLiteral("; "));
}

void AuditHistoryView::reload()
{
    m_list->clear();
    m_note->hide();
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
            item->setText(3, entry.action);
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
        m_note->setText(error.kind() == domain::ErrorKind::Denied
                            ? tr("The change history is visible to the director, executives and administrators (§7).")
                            : ErrorPresenter::describe(error));
        m_note->show();
    }
}

} // namespace bizdesk::ui
