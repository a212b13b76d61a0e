#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QWidget;

namespace bizdesk::ui {

/// The few visual conventions every screen shares (ui.md): one colour per meaning, error text,
/// headings. Colours are chosen to read on light and dark palettes alike.
class Style
{
public:
    enum class Meaning { Draft, Waiting, Approved, Returned, Rejected, Closed };

    static QColor colourFor(Meaning meaning);
    static void markAsError(QLabel *label);
    static void markAsHeading(QLabel *label);
};

} // namespace bizdesk::ui
