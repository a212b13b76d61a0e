#pragma once

#include "services/printing/DocumentRenderer.h"

class QWidget;

namespace bizdesk::ui {

/// Shows a printable document in QPrintPreviewDialog (A4), rendered by DocumentRenderer, from
/// where the user prints or saves it.
class PrintPreview
{
public:
    static void show(QWidget *parent, const services::PrintDocument &document, const QDateTime &printedAt);
};

} // namespace bizdesk::ui
