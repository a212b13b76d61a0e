#include "ui/customers/PipelineBoard.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/Style.h"
#include "services/customers/CustomerService.h"

#include <QDropEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace bizdesk::ui {

using domain::CustomerRules;
using domain::Stage;

namespace {

/// One board column; a drop asks the board to move the dragged card.
class StageList final : public QListWidget
{
public:
    StageList(PipelineBoard *board, Stage stage, QWidget *parent) : QListWidget(parent), m_board(board), m_stage(stage)
    {
        setDragEnabled(true);
        setAcceptDrops(true);
        setDropIndicatorShown(true);
        setDragDropMode(QAbstractItemView::DragDrop);
        setDefaultDropAction(Qt::MoveAction);
        setSpacing(2);
        setWordWrap(true);
    }

protected:
    void dropEvent(QDropEvent *event) override
    {
        auto *source = qobject_cast<QListWidget *>(event->source());
        if (!source || source == this || !source->currentItem()) {
            event->ignore();
            return;
        }
        const qint64 id = source->currentItem()->data(Qt::UserRole).toLongLong();
        event->setDropAction(Qt::IgnoreAction); // the board reloads from the database instead
        event->accept();
        QTimer::singleShot(0, m_board, [board = m_board, id, stage = m_stage] { board->moveCustomer(id, stage); });
    }

private:
    PipelineBoard *m_board;
    Stage m_stage;
};

} // namespace

PipelineBoard::PipelineBoard(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Drag a customer to the next stage. The pipeline moves one step at a time; a lost customer needs a reason and reopens as a lead (§3.1.4)."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    Style::markAsError(m_message);
    layout->addWidget(m_message);
    auto *columns = new QHBoxLayout;
    for (Stage stage : CustomerRules::stages()) {
        auto *box = new QVBoxLayout;
        auto *title = new QLabel(CustomerRules::label(stage), this);
        Style::markAsHeading(title);
        box->addWidget(title);
        auto *list = new StageList(this, stage, this);
        list->setObjectName(CustomerRules::name(stage));
        connect(list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
            emit customerChosen(item->data(Qt::UserRole).toLongLong());
        });
        box->addWidget(list);
        columns->addLayout(box);
        m_columns << list;
    }
    layout->addLayout(columns, 1);
}

QListWidget *PipelineBoard::column(Stage stage) const
{
    return m_columns.value(static_cast<int>(stage));
}

QString PipelineBoard::message() const
{
    return m_message->text();
}

void PipelineBoard::refresh()
{
    services::CustomerService service(m_session);
    m_shownVersions.clear();
    for (Stage stage : CustomerRules::stages()) {
        QListWidget *list = column(stage);
        list->clear();
        domain::CustomerQuery query;
        query.stage = stage;
        if (!m_session.may(domain::Action::ReadDepartmentCustomers))
            query.ownerId = m_session.userId();
        query.sort = domain::CustomerQuery::Sort::Updated;
        query.descending = true;
        const auto rows = service.list(query, 100);
        for (const auto &row : rows) {
            auto *item = new QListWidgetItem(row.customer.name + QLatin1Char('\n') + CustomerRules::label(row.customer.customerClass)
                                                 + QStringLiteral(" · ") + (row.ownerName.isEmpty() ? tr("shared pool") : row.ownerName),
                                             list);
            item->setData(Qt::UserRole, row.customer.id);
            item->setToolTip(row.customer.name);
            m_shownVersions.insert(row.customer.id, row.customer.version);
        }
        const qint64 total = service.count(query);
        if (total > rows.size())
            list->addItem(tr("… and %1 more (see the list)").arg(total - rows.size()));
    }
}

bool PipelineBoard::moveCustomer(domain::CustomerId id, Stage to)
{
    QString reason;
    if (to == Stage::Lost) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Mark as lost"), tr("Why was the customer lost? (required, §3.1.4)"), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return false;
    }
    try {
        // The card's version: a customer changed since the board was drawn is refused, not overwritten.
        const auto shown = m_shownVersions.constFind(id);
        services::CustomerService(m_session).changeStage(id, to, reason,
                                                         shown == m_shownVersions.cend() ? std::nullopt : std::optional(*shown));
        m_message->clear();
        refresh();
        emit moved();
        return true;
    } catch (const domain::Error &error) {
        m_message->setText(ErrorPresenter::describe(error));
        return false;
    }
}

} // namespace bizdesk::ui
