#include "ui/contracts/ContractAttachmentsPanel.h"

#include "services/contracts/ContractAttachments.h"
#include "services/contracts/ContractService.h"
#include "ui/common/ErrorPresenter.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

using domain::ContractAttachment;

ContractAttachmentsPanel::ContractAttachmentsPanel(services::Session &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("Attachments"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    bar->addWidget(title);
    bar->addStretch(1);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("attachmentKind"));
    bar->addWidget(m_kind);
    m_add = new QPushButton(tr("Add &file…"), this);
    m_add->setToolTip(tr("Or drop files here; at most contract.attachment_max_mb each"));
    connect(m_add, &QPushButton::clicked, this, &ContractAttachmentsPanel::chooseAndAttach);
    bar->addWidget(m_add);
    m_save = new QPushButton(tr("Save &as…"), this);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &ContractAttachmentsPanel::chooseAndSave);
    bar->addWidget(m_save);
    layout->addLayout(bar);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("File"), tr("File size"), tr("SHA-256")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setMaximumHeight(110);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_table->selectedItems();
        m_save->setEnabled(!selected.isEmpty() && selected.first()->data(Qt::UserRole + 1).toBool());
    });
    layout->addWidget(m_table);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    setAcceptDrops(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

template <typename Work>
bool ContractAttachmentsPanel::run(Work &&work)
{
    return ErrorPresenter::attemptShowingIn(m_message, std::forward<Work>(work));
}

void ContractAttachmentsPanel::showFiles(const services::ContractDetail *detail)
{
    m_contractId = detail ? std::optional<qint64>(detail->contract.id) : std::nullopt;
    m_table->setRowCount(0);
    m_kind->clear();
    m_message->clear();
    m_save->setEnabled(false);
    setVisible(detail != nullptr);
    if (!detail)
        return;
    const services::ContractAttachments files(m_session);
    for (const ContractAttachment::Kind kind : domain::contractAttachmentKinds().all()) {
        if (files.mayAttach(detail->contract, kind))
            m_kind->addItem(domain::contractAttachmentKinds().display(kind), static_cast<int>(kind));
    }
    m_kind->setVisible(m_kind->count() > 0);
    m_add->setVisible(m_kind->count() > 0);
    const QLocale locale;
    for (const ContractAttachment &attachment : detail->attachments) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{domain::contractAttachmentKinds().display(attachment.kind),
                                attachment.hasContent ? attachment.fileName : tr("%1 (destroyed, §5.6.3)").arg(attachment.fileName),
                                locale.formattedDataSize(attachment.size), attachment.sha256.left(16) + QStringLiteral("…")};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, attachment.id);
            item->setData(Qt::UserRole + 1, attachment.hasContent);
            item->setToolTip(column == HashColumn ? attachment.sha256 : cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
}

bool ContractAttachmentsPanel::attach(const QString &path, ContractAttachment::Kind kind)
{
    if (!m_contractId)
        return false;
    const bool stored = run([&] { services::ContractAttachments(m_session).attachFile(*m_contractId, path, kind); });
    if (stored)
        emit attached();
    return stored;
}

bool ContractAttachmentsPanel::saveAs(qint64 attachmentId, const QString &path)
{
    return run([&] { services::ContractAttachments(m_session).saveTo(attachmentId, path); });
}

void ContractAttachmentsPanel::chooseAndAttach()
{
    if (m_kind->currentIndex() < 0)
        return;
    const auto kind = static_cast<ContractAttachment::Kind>(m_kind->currentData().toInt());
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach a file"));
    if (!path.isEmpty())
        attach(path, kind);
}

void ContractAttachmentsPanel::chooseAndSave()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const qint64 id = selected.first()->data(Qt::UserRole).toLongLong();
    const QString name = m_table->item(selected.first()->row(), NameColumn)->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save attachment as"), QDir::home().filePath(name));
    if (!path.isEmpty())
        saveAs(id, path);
}

void ContractAttachmentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_add->isVisibleTo(this) && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ContractAttachmentsPanel::dropEvent(QDropEvent *event)
{
    if (m_kind->currentIndex() < 0)
        return;
    const auto kind = static_cast<ContractAttachment::Kind>(m_kind->currentData().toInt());
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && !attach(url.toLocalFile(), kind))
            break;
    }
    event->acceptProposedAction();
}

} // namespace bizdesk::ui
