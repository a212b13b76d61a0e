#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace bizdesk::services {
class Session;
struct ContractQuery;
} // namespace bizdesk::services

namespace bizdesk::ui {

/// The Contracts tab's filters beside the state: customer (type part of the name, Enter
/// searches, pick one), owner, "ending soon" (contract.renewal_notice_days) and "overdue
/// receivables". The filtering itself is ContractService::list's, in SQL.
class ContractFilterBar : public QWidget
{
    Q_OBJECT

public:
    ContractFilterBar(services::Session &session, QWidget *parent = nullptr);

    /// Writes the chosen filters into `query`.
    void apply(services::ContractQuery &query) const;
    /// Looks up customers whose name contains `text` and offers them (Enter in the customer box).
    void searchCustomers(const QString &text);

    QComboBox *customerFilter() const { return m_customer; }
    QComboBox *ownerFilter() const { return m_owner; }
    QCheckBox *expiringFilter() const { return m_expiring; }
    QCheckBox *retentionFilter() const { return m_retention; }
    QCheckBox *overdueFilter() const { return m_overdue; }

signals:
    void changed();

private:
    services::Session &m_session;
    QComboBox *m_customer = nullptr;
    QComboBox *m_owner = nullptr;
    QCheckBox *m_expiring = nullptr;
    QCheckBox *m_retention = nullptr;
    QCheckBox *m_overdue = nullptr;
};

} // namespace bizdesk::ui
