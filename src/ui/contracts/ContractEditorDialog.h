#pragma once

#include "domain/contracts/ClauseTemplate.h"
#include "domain/contracts/Contract.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Drafting a contract (§5.1): the header and the seven required clauses (§5.1.2), one tab each.
/// New drafts and edits of a draft both come through here; the service validates on save.
class ContractEditorDialog : public QDialog
{
    Q_OBJECT

public:
    ContractEditorDialog(services::Session &session, const domain::Contract *existing, QWidget *parent = nullptr);

    domain::ContractForm form() const;
    domain::ClauseTexts clauses() const;

    QComboBox *customerCombo() const { return m_customer; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *amountEdit() const { return m_amount; }
    QPlainTextEdit *clauseEdit(domain::ContractClause clause) const { return m_clauses.value(clause); }
    QTabWidget *clauseTabs() const { return m_tabs; }
    /// "Insert template": its menu offers legal's templates of the clause on the current tab (§5.1.3).
    QPushButton *templateButton() const { return m_insertTemplate; }
    domain::ContractClause currentClause() const;
    /// Puts the template's text at the cursor of its clause.
    void insertTemplate(const domain::ClauseTemplate &clauseTemplate);

private:
    void searchCustomers(const QString &text);
    void fillTemplateMenu();

    services::Session &m_session;
    QComboBox *m_customer = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_currency = nullptr;
    QLineEdit *m_owner = nullptr;
    QDateEdit *m_start = nullptr;
    QDateEdit *m_end = nullptr;
    QMap<domain::ContractClause, QPlainTextEdit *> m_clauses;
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_insertTemplate = nullptr;
};

} // namespace bizdesk::ui
