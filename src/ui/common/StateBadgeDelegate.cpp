#include "ui/common/StateBadgeDelegate.h"

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

namespace bizdesk::ui {

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant meaning = index.data(MeaningRole);
    if (!meaning.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QColor colour = Style::colourFor(static_cast<Style::Meaning>(meaning.toInt()));
    const QFontMetrics metrics(option.font);
    const int padding = metrics.height() / 2;
    const QSize size(metrics.horizontalAdvance(text) + 2 * padding, metrics.height() + 4);
    QRect badge(QPoint(0, 0), size);
    badge.moveCenter(option.rect.center());
    badge.moveLeft(option.rect.left() + 4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(badge, size.height() / 2.0, size.height() / 2.0);
    painter->fillPath(path, colour);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    return {metrics.horizontalAdvance(text) + metrics.height() + 12, metrics.height() + 10};
}

void StateBadgeDelegate::styleLabel(QLabel *label, Style::Meaning meaning, const QString &text)
{
    label->setText(text);
    label->setStyleSheet(QStringLiteral("QLabel { background-color: %1; color: white; border-radius: 9px; padding: 2px 10px; }")
                             .arg(Style::colourFor(meaning).name()));
}

} // namespace bizdesk::ui
