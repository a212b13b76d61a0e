#pragma once

#include "services/entertainment/ExpenseReport.h"
#include "ui/shell/MainWindow.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// Reports tab: the entertainment expense report per month/quarter/year by department and
/// person, with print preview, PDF and Excel export (§6.1, §6.4).
class ReportPeriodPicker;

class ExpenseReportPage : public QWidget, public ModulePage
{
    Q_OBJECT

public:
    explicit ExpenseReportPage(services::Session &session, QWidget *parent = nullptr);
    void refresh() override;

    ReportPeriodPicker *periodPicker() const { return m_period; }
    QTextBrowser *view() const { return m_view; }
    /// The report shown now (none after an error).
    const std::optional<services::ExpenseReportData> &data() const { return m_data; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void printPreview();
    void save(const QString &filter, const QString &suffix);

    services::Session &m_session;
    ReportPeriodPicker *m_period = nullptr;
    QComboBox *m_department = nullptr;
    QLabel *m_message = nullptr;
    QTextBrowser *m_view = nullptr;
    std::optional<services::ExpenseReportData> m_data;
    bool m_loaded = false;
};

} // namespace bizdesk::ui
