#pragma once

#include <QStyledItemDelegate>

// Draws MirrorPlanModel's progress column as a progress bar with the byte and blob counts on it, so a long plan
// shows at a glance which images are moving.
class MirrorProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MirrorProgressDelegate)

public:
    explicit MirrorProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
