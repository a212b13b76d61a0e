#pragma once

#include "services/modules/RecordRef.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTreeWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// One record's audit history for a detail pane: when, who (on behalf of whom), action and the
/// changed values (before → after), all as services::ReadableHistory words them (display names,
/// translated states and field labels from the modules' descriptors). Reusable by every module:
/// setRecord({customerRecord, 42}). Reading it is an auditor's right (Action::ReadAudit); others
/// see a note instead.
class AuditHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit AuditHistoryView(services::Session &session, QWidget *parent = nullptr);

    void setRecord(const services::RecordRef &record);
    void clear();
    void reload();
    QTreeWidget *list() const { return m_list; }

    /// Translated name of an audit action ("user.add" → "Person added"); the action itself when unknown.
    static QString actionLabel(const QString &action);

private:
    services::Session &m_session;
    std::optional<services::RecordRef> m_record;
    QTreeWidget *m_list = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace bizdesk::ui
