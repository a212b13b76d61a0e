#pragma once

#include "domain/customers/Customer.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// The churn warning tab (§3.2.4): at-risk customers with their scores and reasons, and the
/// win-back records with their results.
class ChurnPage : public QWidget
{
    Q_OBJECT

public:
    explicit ChurnPage(services::Session &session, QWidget *parent = nullptr);
    void refresh();
    QTableWidget *churnTable() const { return m_churnTable; }
    QTableWidget *winBackTable() const { return m_winBackTable; }
    QString summary() const;

public slots:
    void recordWinBack();
    /// The result of the chosen pending win-back; asks when not given.
    void recordWinBackResult(std::optional<bool> wonBack = std::nullopt, const QString &note = {});

signals:
    void customerChosen(domain::CustomerId id);

private:
    services::Session &m_session;
    QTableWidget *m_churnTable = nullptr;
    QTableWidget *m_winBackTable = nullptr;
    QLabel *m_churnSummary = nullptr;
};

} // namespace bizdesk::ui
