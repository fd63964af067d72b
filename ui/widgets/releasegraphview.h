#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QWidget>

class ReleaseGraphModel;

// Draws a ReleaseGraphModel: one lane per minor version (oldest on top), the releases of a lane left to right in
// version order, updates as lines (within a lane as arcs above it), conditional updates dashed, the releases the
// filter selects filled, the explicit min/max bounds flagged and the shortest upgrade path drawn over the rest.
// A click asks for a release as minimum, a shift-click as maximum; the context menu and the keyboard (arrows,
// Enter, Shift+Enter) do the same. The widget only asks: whoever owns the filter decides.
class ReleaseGraphView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseGraphView)

public:
    explicit ReleaseGraphView(QWidget *parent = nullptr);

    void setModel(ReleaseGraphModel *model);
    ReleaseGraphModel *model() const { return m_model; }

    // Where a release is drawn, in widget coordinates; a null point when it is not in the graph.
    QPointF nodeCenter(const QString &version) const;
    // The release drawn at a point (within the node's radius), or an empty string.
    QString versionAt(const QPointF &position) const;

    QString currentVersion() const;
    void setCurrentVersion(const QString &version);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int NodeRadius = 7;

Q_SIGNALS:
    void minimumRequested(const QString &version);
    void maximumRequested(const QString &version);
    void clearMinimumRequested();
    void clearMaximumRequested();
    void currentVersionChanged(const QString &version);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Placement
    {
        int lane = 0;
        int rank = 0; // position within the lane
    };

    void relayout();
    void updatePositions();
    int nodeAt(const QPointF &position) const;
    void setCurrentNode(int node);
    void moveCurrent(int laneDelta, int rankDelta);
    void drawEdge(QPainter &painter, int from, int to) const;
    QString toolTipFor(int node) const;

    QPointer<ReleaseGraphModel> m_model;
    QHash<int, Placement> m_placements; // node index → lane and rank
    QList<QString> m_laneNames;         // "4.16"
    QList<QList<int>> m_lanes;          // per lane, node indices in version order
    QHash<int, QPointF> m_positions;    // node index → centre
    int m_maxRank = 0;
    double m_spacing = 0;
    int m_current = -1;
    int m_hovered = -1;
};
