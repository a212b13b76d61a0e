#include "ui/common/AuditHistoryView.h"

#include "domain/Error.h"
#include "services/ModuleCatalog.h"
#include "services/Session.h"
#include "services/modules/ReadableHistory.h"
#include "ui/common/ErrorPresenter.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

AuditHistoryView::AuditHistoryView(services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("auditHistoryList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("When"), tr("Who"), tr("On behalf of"), tr("Action"), tr("Change (before → after)")});
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list);
}

void AuditHistoryView::setRecord(const services::RecordRef &record)
{
    m_record = record;
    reload();
}

void AuditHistoryView::clear()
{
    m_record.reset();
    m_list->clear();
    m_note->hide();
}

QString AuditHistoryView::actionLabel(const QString &action)
{
    const QString label = services::ModuleCatalog::actionLabel(action);
    return label.isEmpty() ? action : label;
}

void AuditHistoryView::reload()
{
    m_list->clear();
    m_note->hide();
    m_list->show();
    if (!m_record)
        return;
    try {
        const QList<services::HistoryLine> entries = services::ReadableHistory(m_session).of(*m_record);
        for (const services::HistoryLine &entry : entries) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(0, QLocale().toString(entry.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")));
            item->setText(1, entry.who);
            item->setText(2, entry.onBehalfOf);
            item->setText(3, entry.action);
            item->setToolTip(3, entry.actionKey);
            item->setText(4, entry.change);
            item->setToolTip(4, entry.change);
            item->setData(0, Qt::UserRole, entry.entryId);
        }
        if (entries.isEmpty()) {
            m_note->setText(tr("No recorded changes yet."));
            m_note->show();
        }
        for (int column = 0; column < 4; ++column)
            m_list->resizeColumnToContents(column);
    } catch (const domain::Error &error) {
        m_list->setVisible(error.kind() != domain::ErrorKind::Denied);
        m_note->setText(error.kind() == domain::ErrorKind::Denied
                            ? tr("The change history is visible to the director, executives and administrators (§7).")
                            : ErrorPresenter::describe(error));
        m_note->show();
    }
}

} // namespace bizdesk::ui
