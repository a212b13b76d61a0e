#pragma once

#include "services/contracts/ContractLedger.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class ReportPeriodPicker;

/// The contract ledger (合同台账, §5.6) for a month, quarter or year: the contracts signed then
/// with amount, received, outstanding and overdue in CNY, with print preview, PDF and Excel.
class ContractLedgerView : public QWidget
{
    Q_OBJECT

public:
    explicit ContractLedgerView(services::Session &session, QWidget *parent = nullptr);

    /// Builds the ledger of the period picked.
    void build();
    void printPreview();
    /// Writes the ledger shown to `path` (.pdf, .xlsx, .csv); false after an error (shown).
    bool saveTo(const QString &path);

    ReportPeriodPicker *periodPicker() const { return m_period; }
    QTextBrowser *view() const { return m_view; }
    QLabel *messageLabel() const { return m_message; }
    const std::optional<services::ContractLedgerData> &data() const { return m_data; }

private:
    void save(const QString &filter, const QString &suffix);

    services::Session &m_session;
    ReportPeriodPicker *m_period = nullptr;
    QLabel *m_message = nullptr;
    QTextBrowser *m_view = nullptr;
    std::optional<services::ContractLedgerData> m_data;
};

} // namespace bizdesk::ui
