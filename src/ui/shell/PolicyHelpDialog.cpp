#include "ui/shell/PolicyHelpDialog.h"

#include "services/Session.h"
#include "services/policy/PolicyService.h"
#include "ui/common/ErrorPresenter.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bizdesk::ui {

PolicyHelpDialog::PolicyHelpDialog(services::Session &session, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Policy and rules"));
    resize(860, 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("BizDesk enforces these rules of the business management regulation. The director "
                                "changes the values in Settings → Policy; every change is versioned and audited."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *table = new QTableWidget(this);
    table->setObjectName(QStringLiteral("policyTable"));
    table->setColumnCount(4);
    table->setHorizontalHeaderLabels({tr("Clause"), tr("Rule"), tr("Value"), tr("Key")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    ErrorPresenter::attempt(this, [&] {
        const auto settings = services::PolicyService(session).settings();
        table->setRowCount(static_cast<int>(settings.size()));
        int row = 0;
        for (const auto &setting : settings) {
            const auto *definition = setting.definition;
            table->setItem(row, 0, new QTableWidgetItem(QStringLiteral("§") + definition->clause));
            table->setItem(row, 1, new QTableWidgetItem(definition->translatedDescription()));
            auto *value = new QTableWidgetItem(QStringLiteral("%1 %2").arg(setting.value, definition->translatedUnit()).trimmed());
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, 2, value);
            table->setItem(row, 3, new QTableWidgetItem(definition->key));
            ++row;
        }
    });
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(2);
    table->resizeColumnToContents(3);
    layout->addWidget(table);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace bizdesk::ui
