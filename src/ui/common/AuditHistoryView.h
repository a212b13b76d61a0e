#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// One record's audit history for a detail pane: when, who (on behalf of whom), action and the
/// changed values (before → after). Reusable by every module: setEntity("customer", 42).
/// Reading it is an auditor's right (Action::ReadAudit); others see a note instead.
class AuditHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit AuditHistoryView(services::Session &session, QWidget *parent = nullptr);

    void setEntity(const QString &entityKind, qint64 entityId);
    void clear();
    void reload();
    QTreeWidget *list() const { return m_list; }

    /// "name: 张三 → 李四; roles: specialist → manager" from two compact JSON objects.
    static QString describeChange(const QString &beforeJson, const QString &afterJson);
    /// Translated name of an audit action ("user.add" → "Person added"); the action itself when unknown.
    static QString actionLabel(const QString &action);
    /// Translated name of a recorded field ("superior_id" → "Superior"); the key itself when unknown.
    static QString fieldLabel(const QString &key);

private:
    services::Session &m_session;
    QString m_entityKind;
    qint64 m_entityId = 0;
    QTreeWidget *m_list = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace bizdesk::ui
