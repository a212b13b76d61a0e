#include "ui/common/PrintPreview.h"

#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>

namespace bizdesk::ui {

void PrintPreview::show(QWidget *parent, const services::PrintDocument &document, const QDateTime &printedAt)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(document.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    printer.setDocName(document.title);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(document.title);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&](QPrinter *target) { services::DocumentRenderer::render(document, *target, printedAt); });
    // Opens at the width of the window, so the form's text is readable without zooming first.
    if (auto *preview = dialog.findChild<QPrintPreviewWidget *>())
        preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    dialog.exec();
}

} // namespace bizdesk::ui
