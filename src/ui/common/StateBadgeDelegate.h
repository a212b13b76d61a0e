#pragma once

#include "ui/common/Style.h"

#include <QStyledItemDelegate>

namespace bizdesk::ui {

/// Draws a workflow state as a rounded badge in the colour of its meaning (Style::colourFor)
/// with the translated state name as text — colour is never the only signal. The model gives
/// the translated name as Qt::DisplayRole and the Style::Meaning (as int) in MeaningRole.
class StateBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int MeaningRole = Qt::UserRole + 40;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// A badge as rich-text-free stylesheet for a QLabel (detail headers).
    static void styleLabel(class QLabel *label, Style::Meaning meaning, const QString &text);
};

} // namespace bizdesk::ui
