#include "ui/contracts/ContractLedgerView.h"

#include "services/Session.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/PrintPreview.h"
#include "ui/common/ReportButtons.h"
#include "ui/common/Style.h"
#include "ui/entertainment/ReportPeriodPicker.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bizdesk::ui {

ContractLedgerView::ContractLedgerView(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("ContractLedgerView"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Contract ledger"), this);
    Style::markAsHeading(title);
    layout->addWidget(title);
    auto *bar = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Signed in:"), this);
    m_period = new ReportPeriodPicker(m_session.today(), this);
    periodLabel->setBuddy(m_period->kindCombo());
    bar->addWidget(periodLabel);
    bar->addWidget(m_period);
    connect(m_period, &ReportPeriodPicker::periodChanged, this, &ContractLedgerView::build);
    bar->addStretch();
    ReportButtons::addTo(bar, this, [this] { printPreview(); },
                         [this](const QString &filter, const QString &suffix) { save(filter, suffix); });
    layout->addLayout(bar);
    m_message = new QLabel(this);
    Style::markAsError(m_message);
    m_message->hide();
    layout->addWidget(m_message);
    m_view = new QTextBrowser(this);
    layout->addWidget(m_view, 1);
}

void ContractLedgerView::build()
{
    try {
        m_data = services::ContractLedger(m_session).build(m_period->periodText());
        m_view->document()->setDefaultStyleSheet(services::DocumentRenderer::styleSheet());
        m_view->setHtml(services::ContractLedger::toDocument(*m_data).bodyHtml);
        m_message->hide();
    } catch (const domain::Error &error) {
        m_data.reset();
        m_view->clear();
        m_message->setText(ErrorPresenter::describe(error));
        m_message->show();
    }
}

void ContractLedgerView::printPreview()
{
    if (!m_data)
        build();
    if (m_data)
        PrintPreview::show(this, services::ContractLedger::toDocument(*m_data), m_session.now());
}

bool ContractLedgerView::saveTo(const QString &path)
{
    if (!m_data)
        build();
    if (!m_data)
        return false;
    try {
        services::ContractLedger(m_session).write(*m_data, path);
        m_message->hide();
        return true;
    } catch (const domain::Error &error) {
        m_message->setText(ErrorPresenter::describe(error));
        m_message->show();
        return false;
    }
}

void ContractLedgerView::save(const QString &filter, const QString &suffix)
{
    const QString label = m_data ? m_data->period.label : m_period->periodText();
    QString path = QFileDialog::getSaveFileName(this, tr("Save ledger"), tr("contract-ledger-%1%2").arg(label, suffix), filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    saveTo(path);
}

} // namespace bizdesk::ui
