#pragma once

#include "domain/contracts/ClauseTemplate.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Legal's clause templates (§5.1.3): the list by clause and name, add and remove. Only offered
/// to the people ClauseTemplateService lets keep them; the service checks again.
class ClauseTemplatesDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column { ClauseColumn, NameColumn, BodyColumn, ColumnCount };

    ClauseTemplatesDialog(services::Session &session, QWidget *parent = nullptr);

    /// As "Add…" does after its form; false (reason in the message) when refused.
    bool addTemplate(domain::ContractClause clause, const QString &name, const QString &body);
    /// Removes the selected template, as "Remove" does.
    bool removeSelected();

    QTableWidget *table() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }

private:
    void reload();
    void askAndAdd();
    template <typename Work>
    bool run(Work &&work);

    services::Session &m_session;
    QTableWidget *m_table = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace bizdesk::ui
