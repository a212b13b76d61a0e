#include "ui/common/Style.h"

#include <QFont>
#include <QLabel>

namespace bizdesk::ui {

QColor Style::colourFor(Meaning meaning)
{
    switch (meaning) {
    case Meaning::Draft: return QColor(0x75, 0x75, 0x75);    // grey
    case Meaning::Waiting: return QColor(0xF5, 0x9E, 0x0B);  // amber
    case Meaning::Approved: return QColor(0x2E, 0x7D, 0x32); // green
    case Meaning::Returned: return QColor(0xEF, 0x6C, 0x00); // orange
    case Meaning::Rejected: return QColor(0xC6, 0x28, 0x28); // red
    case Meaning::Closed: return QColor(0x54, 0x6E, 0x7A);   // slate
    }
    return {};
}

void Style::markAsError(QLabel *label)
{
    label->setStyleSheet(QStringLiteral("color: %1;").arg(colourFor(Meaning::Rejected).name()));
    label->setWordWrap(true);
}

void Style::markAsHeading(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
}

} // namespace bizdesk::ui
