#include "ui/shell/PlannedModulePage.h"

#include "ui/common/Style.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bizdesk::ui {

PlannedModulePage::PlannedModulePage(const QString &title, const QString &description, const QString &clauses,
                                     QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *heading = new QLabel(title, this);
    Style::markAsHeading(heading);
    heading->setAlignment(Qt::AlignCenter);
    auto *body = new QLabel(description, this);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    auto *clauseLabel = new QLabel(tr("Regulation: %1").arg(clauses), this);
    clauseLabel->setAlignment(Qt::AlignCenter);
    clauseLabel->setEnabled(false);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(body);
    layout->addWidget(clauseLabel, 0, Qt::AlignHCenter);
    layout->addStretch();
}

} // namespace bizdesk::ui
