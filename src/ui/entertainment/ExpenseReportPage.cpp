#include "ui/entertainment/ExpenseReportPage.h"

#include "services/Session.h"
#include "services/identity/IdentityService.h"
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
#include <QTextDocument>
#include <QVBoxLayout>

namespace bizdesk::ui {

ExpenseReportPage::ExpenseReportPage(services::Session &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("ExpenseReportPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Entertainment expense report"), this);
    Style::markAsHeading(title);
    layout->addWidget(title);
    auto *bar = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    // Chosen, not typed: a month, a quarter or a year of the company's calendar.
    m_period = new ReportPeriodPicker(m_session.today(), this);
    periodLabel->setBuddy(m_period->kindCombo());
    bar->addWidget(periodLabel);
    bar->addWidget(m_period);
    m_department = new QComboBox(this);
    m_department->addItem(tr("All departments"), QString());
    ErrorPresenter::attempt(this, [&] {
        for (const domain::Department &department : services::IdentityService(m_session).departments())
            m_department->addItem(department.name, department.name);
    });
    bar->addWidget(m_department);
    auto *show = new QPushButton(tr("&Show"), this);
    show->setDefault(true);
    connect(show, &QPushButton::clicked, this, &ExpenseReportPage::build);
    connect(m_period, &ReportPeriodPicker::periodChanged, this, [this] {
        if (m_loaded)
            build();
    });
    bar->addWidget(show);
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

void ExpenseReportPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        refresh();
}

void ExpenseReportPage::refresh()
{
    m_loaded = true;
    if (m_session.may(domain::Action::ViewReports))
        build();
}

void ExpenseReportPage::build()
{
    try {
        m_data = services::ExpenseReport(m_session).build(m_period->periodText(), m_department->currentData().toString());
        const services::PrintDocument document = services::ExpenseReport::toDocument(*m_data);
        m_view->document()->setDefaultStyleSheet(services::DocumentRenderer::styleSheet());
        m_view->setHtml(document.bodyHtml);
        // setHtml() starts a new document, resources included: the chart goes in afterwards.
        QTextDocument *text = m_view->document();
        services::DocumentRenderer::addImages(document, *text);
        text->markContentsDirty(0, text->characterCount());
        m_message->hide();
    } catch (const domain::Error &error) {
        m_data.reset();
        m_view->clear();
        m_message->setText(ErrorPresenter::describe(error));
        m_message->show();
    }
}

void ExpenseReportPage::printPreview()
{
    if (!m_data)
        build();
    if (!m_data)
        return;
    PrintPreview::show(this, services::ExpenseReport::toDocument(*m_data), m_session.now());
}

void ExpenseReportPage::save(const QString &filter, const QString &suffix)
{
    if (!m_data)
        build();
    if (!m_data)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save report"), tr("entertainment-%1%2").arg(m_data->period.label, suffix), filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    ErrorPresenter::attempt(this, [&] { services::ExpenseReport(m_session).write(*m_data, path); });
}

} // namespace bizdesk::ui
