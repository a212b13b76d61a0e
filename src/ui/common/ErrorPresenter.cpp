#include "ui/common/ErrorPresenter.h"

#include "domain/Error.h"
#include "ui/common/Style.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>

namespace bizdesk::ui {

QString ErrorPresenter::describe(const domain::Error &error)
{
    if (error.clause().isEmpty() || error.message().contains(QStringLiteral("§") + error.clause()))
        return error.message();
    return QCoreApplication::translate("ErrorPresenter", "%1 (§%2)").arg(error.message(), error.clause());
}

void ErrorPresenter::show(QWidget *parent, const domain::Error &error)
{
    const QString title = error.kind() == domain::ErrorKind::DiskFull ? QCoreApplication::translate("ErrorPresenter", "The disk is full")
                          : error.kind() == domain::ErrorKind::Internal
                              ? QCoreApplication::translate("ErrorPresenter", "Something went wrong")
                              : QCoreApplication::translate("ErrorPresenter", "Not possible");
    if (error.kind() == domain::ErrorKind::Internal || error.kind() == domain::ErrorKind::DiskFull)
        QMessageBox::critical(parent, title, describe(error));
    else
        QMessageBox::warning(parent, title, describe(error));
}

void ErrorPresenter::showIn(QLabel *label, const domain::Error *error)
{
    if (!error) {
        label->clear();
        return;
    }
    label->setText(describe(*error));
    label->setStyleSheet(QStringLiteral("color:%1").arg(Style::colourFor(Style::Meaning::Rejected).name()));
}

} // namespace bizdesk::ui
