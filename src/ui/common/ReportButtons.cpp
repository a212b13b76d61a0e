#include "ui/common/ReportButtons.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QPushButton>

namespace bizdesk::ui {

void ReportButtons::addTo(QBoxLayout *bar, QWidget *owner, const std::function<void()> &preview,
                          const std::function<void(const QString &, const QString &)> &save)
{
    auto *print = new QPushButton(QCoreApplication::translate("ReportButtons", "Print preview…"), owner);
    QObject::connect(print, &QPushButton::clicked, owner, [preview] { preview(); });
    bar->addWidget(print);
    auto *pdf = new QPushButton(QCoreApplication::translate("ReportButtons", "PDF…"), owner);
    QObject::connect(pdf, &QPushButton::clicked, owner,
                     [save] { save(QCoreApplication::translate("ReportButtons", "PDF (*.pdf)"), QStringLiteral(".pdf")); });
    bar->addWidget(pdf);
    auto *excel = new QPushButton(QCoreApplication::translate("ReportButtons", "Excel…"), owner);
    QObject::connect(excel, &QPushButton::clicked, owner,
                     [save] { save(QCoreApplication::translate("ReportButtons", "Excel (*.xlsx)"), QStringLiteral(".xlsx")); });
    bar->addWidget(excel);
}

} // namespace bizdesk::ui
