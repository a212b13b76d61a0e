#pragma once

#include "domain/customers/Customer.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Kanban board: one column per open stage plus won and lost. Dragging a card to another
/// column asks the service; a refused move stays put and the message says why (§3.1.4).
class PipelineBoard : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineBoard(services::Session &session, QWidget *parent = nullptr);
    void refresh();
    /// What a drop does; returns false (and shows the reason) when the service refuses.
    bool moveCustomer(domain::CustomerId id, domain::Stage to);
    QString message() const;
    QListWidget *column(domain::Stage stage) const;

signals:
    void customerChosen(domain::CustomerId id);
    void moved();

private:
    services::Session &m_session;
    QList<QListWidget *> m_columns;
    QLabel *m_message = nullptr;
    /// Version of each card's customer when the board was drawn.
    QHash<domain::CustomerId, int> m_shownVersions;
};

} // namespace bizdesk::ui
