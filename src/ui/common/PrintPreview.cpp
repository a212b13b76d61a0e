#include "ui/common/PrintPreview.h"

#include <QPrintPreviewDialog>
#include <QPrinter>

namespace bizdesk::ui {

void PrintPreview::show(QWidget *parent, const services::PrintDocument &document, const QDateTime &printedAt)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(document.title);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(document.title);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&](QPrinter *target) { services::DocumentRenderer::render(document, *target, printedAt); });
    dialog.exec();
}

} // namespace bizdesk::ui
