#include "mirrorprogressdelegate.h"

#include "models/mirrorplanmodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

MirrorProgressDelegate::MirrorProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void MirrorProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const auto state = ImageCopyProgress::State(index.data(MirrorPlanModel::StateRole).toInt());
    // Queued and failed images have no meaningful bar: the plain text (empty, or what was done) says it.
    if (state != ImageCopyProgress::State::Copying && state != ImageCopyProgress::State::Done) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The selection and alternating background first, as for any cell.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = int(index.data(MirrorPlanModel::FractionRole).toDouble() * 1000);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}
