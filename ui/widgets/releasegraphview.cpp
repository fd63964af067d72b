#include "releasegraphview.h"

#include "models/releasegraphmodel.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int LeftMargin = 64;
constexpr int RightMargin = 24;
constexpr int TopMargin = 40;
constexpr int BottomMargin = 12;
constexpr int LaneHeight = 120;
constexpr int NodeOffset = 36; // from the bottom of a lane: the arcs of updates within a lane rise above it
constexpr double MinSpacing = 26;
constexpr double MaxSpacing = 64;

const QColor ConditionalColor(0xd3, 0x6c, 0x00);
const QColor RouteColor(0x2e, 0x7d, 0x32);
const QColor MinimumColor(0x2e, 0x7d, 0x32);
const QColor MaximumColor(0xc0, 0x39, 0x2b);

QString laneKey(const UpdateGraph::Node &node)
{
    return QStringLiteral("%1.%2").arg(node.semver.major()).arg(node.semver.minor());
}

QString nodeLabel(const UpdateGraph::Node &node)
{
    QString label = QString::number(node.semver.patch());
    if (node.semver.isPrerelease()) {
        label += QLatin1Char('-') + node.semver.prerelease().join(QLatin1Char('.'));
    }
    return label;
}

} // namespace

ReleaseGraphView::ReleaseGraphView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setAccessibleName(tr("Upgrade graph"));
    setAccessibleDescription(tr("Click a release to use it as minimum version, shift-click to use it as maximum "
                                "version. The table of versions offers the same choices."));
}

void ReleaseGraphView::setModel(ReleaseGraphModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &ReleaseGraphView::relayout);
        connect(m_model, &ReleaseGraphModel::selectionChanged, this, qOverload<>(&QWidget::update));
    }
    relayout();
}

void ReleaseGraphView::relayout()
{
    m_placements.clear();
    m_laneNames.clear();
    m_lanes.clear();
    m_maxRank = 0;
    m_current = -1;
    m_hovered = -1;
    if (m_model) {
        const UpdateGraph &graph = m_model->graph();
        // The model's rows are in version order, so lanes and ranks come out sorted.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const int node = m_model->graphIndexForRow(row);
            const QString key = laneKey(graph.nodes().at(node));
            if (m_laneNames.isEmpty() || m_laneNames.constLast() != key) {
                m_laneNames.append(key);
                m_lanes.append(QList<int>());
            }
            Placement placement;
            placement.lane = int(m_lanes.size()) - 1;
            placement.rank = int(m_lanes.last().size());
            m_lanes.last().append(node);
            m_placements.insert(node, placement);
            m_maxRank = std::max(m_maxRank, placement.rank + 1);
        }
    }
    updateGeometry();
    updatePositions();
    update();
}

void ReleaseGraphView::updatePositions()
{
    m_positions.clear();
    const double available = width() - LeftMargin - RightMargin;
    m_spacing = m_maxRank > 0 ? std::clamp(available / m_maxRank, MinSpacing, MaxSpacing) : MinSpacing;
    for (auto it = m_placements.cbegin(); it != m_placements.cend(); ++it) {
        const double x = LeftMargin + m_spacing * (it->rank + 0.5);
        const double y = TopMargin + LaneHeight * (it->lane + 1) - NodeOffset;
        m_positions.insert(it.key(), QPointF(x, y));
    }
}

QSize ReleaseGraphView::sizeHint() const
{
    const int lanes = std::max(1, int(m_lanes.size()));
    return QSize(LeftMargin + RightMargin + int(MinSpacing * std::max(m_maxRank, 8)),
                 TopMargin + BottomMargin + LaneHeight * lanes);
}

QSize ReleaseGraphView::minimumSizeHint() const
{
    return sizeHint();
}

QPointF ReleaseGraphView::nodeCenter(const QString &version) const
{
    if (!m_model) {
        return {};
    }
    return m_positions.value(m_model->graph().indexOf(version));
}

QString ReleaseGraphView::versionAt(const QPointF &position) const
{
    const int node = nodeAt(position);
    return node < 0 || !m_model ? QString() : m_model->graph().nodes().at(node).version;
}

int ReleaseGraphView::nodeAt(const QPointF &position) const
{
    // A little more than the drawn radius, so a click on the outline still counts.
    const double reach = NodeRadius + 3;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
        const QPointF delta = it.value() - position;
        if (delta.x() * delta.x() + delta.y() * delta.y() <= reach * reach) {
            return it.key();
        }
    }
    return -1;
}

QString ReleaseGraphView::currentVersion() const
{
    return m_current < 0 || !m_model ? QString() : m_model->graph().nodes().at(m_current).version;
}

void ReleaseGraphView::setCurrentVersion(const QString &version)
{
    setCurrentNode(m_model ? m_model->graph().indexOf(version) : -1);
}

void ReleaseGraphView::setCurrentNode(int node)
{
    if (node == m_current) {
        return;
    }
    m_current = node;
    update();
    emit currentVersionChanged(currentVersion());
}

void ReleaseGraphView::moveCurrent(int laneDelta, int rankDelta)
{
    if (m_lanes.isEmpty()) {
        return;
    }
    if (m_current < 0 || !m_placements.contains(m_current)) {
        setCurrentNode(m_lanes.constFirst().constFirst());
        return;
    }
    const Placement here = m_placements.value(m_current);
    const int lane = std::clamp(here.lane + laneDelta, 0, int(m_lanes.size()) - 1);
    const QList<int> &nodes = m_lanes.at(lane);
    const int rank = std::clamp(here.rank + rankDelta, 0, int(nodes.size()) - 1);
    setCurrentNode(nodes.at(rank));
}

void ReleaseGraphView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updatePositions();
}

void ReleaseGraphView::drawEdge(QPainter &painter, int from, int to) const
{
    const QPointF a = m_positions.value(from);
    const QPointF b = m_positions.value(to);
    QPainterPath path(a);
    if (qFuzzyCompare(a.y(), b.y())) {
        const double rise = std::min(LaneHeight - NodeOffset - 8.0, 8.0 + std::abs(b.x() - a.x()) * 0.15);
        path.quadTo(QPointF((a.x() + b.x()) / 2, a.y() - rise), b);
    } else {
        const double bend = (b.y() - a.y()) * 0.5;
        path.cubicTo(QPointF(a.x(), a.y() + bend), QPointF(b.x(), b.y() - bend), b);
    }
    painter.drawPath(path);
}

void ReleaseGraphView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);

    if (!m_model || m_positions.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No update graph loaded"));
        return;
    }
    const UpdateGraph &graph = m_model->graph();

    // Lanes, one per minor version.
    QColor band = pal.color(QPalette::AlternateBase);
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const QRectF laneRect(0, TopMargin + LaneHeight * lane, width(), LaneHeight);
        if (lane % 2 == 1) {
            painter.fillRect(laneRect, band);
        }
        painter.setPen(text);
        QFont laneFont = font();
        laneFont.setBold(true);
        painter.setFont(laneFont);
        painter.drawText(QRectF(8, laneRect.bottom() - NodeOffset - 12, LeftMargin - 16, 24),
                         Qt::AlignLeft | Qt::AlignVCenter, m_laneNames.at(lane));
    }
    painter.setFont(font());

    // Legend.
    {
        const QFontMetrics metrics(font());
        double x = 8;
        const double y = 14;
        const auto item = [&](const QString &label, const auto &drawSymbol) {
            drawSymbol(QPointF(x + 8, y));
            painter.setPen(text);
            painter.drawText(QPointF(x + 20, y + metrics.ascent() / 2.0 - 1), label);
            x += 32 + metrics.horizontalAdvance(label);
        };
        item(tr("mirrored"), [&](QPointF c) {
            painter.setPen(QPen(highlight.darker(130), 1.5));
            painter.setBrush(highlight);
            painter.drawEllipse(c, NodeRadius, NodeRadius);
        });
        item(tr("not mirrored"), [&](QPointF c) {
            painter.setPen(QPen(pal.color(QPalette::Mid), 1.5));
            painter.setBrush(pal.color(QPalette::Base));
            painter.drawEllipse(c, NodeRadius, NodeRadius);
        });
        item(tr("channel head"), [&](QPointF c) {
            painter.setPen(QPen(text, 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, NodeRadius + 3, NodeRadius + 3);
        });
        item(tr("update between mirrored releases"), [&](QPointF c) {
            QColor usableColor = highlight;
            usableColor.setAlpha(160);
            painter.setPen(QPen(usableColor, 1.5));
            painter.drawLine(c - QPointF(10, 0), c + QPointF(8, 0));
        });
        item(tr("conditional update"), [&](QPointF c) {
            painter.setPen(QPen(ConditionalColor, 1.5, Qt::DashLine));
            painter.drawLine(c - QPointF(10, 0), c + QPointF(8, 0));
        });
        if (!m_model->route().isEmpty()) {
            item(tr("shortest upgrade path"), [&](QPointF c) {
                painter.setPen(QPen(RouteColor, 3));
                painter.drawLine(c - QPointF(10, 0), c + QPointF(8, 0));
            });
        }
    }

    // Updates: all faintly, then those of the current or hovered release, the conditional ones dashed.
    painter.setBrush(Qt::NoBrush);
    QColor faint = text;
    faint.setAlpha(26);
    painter.setPen(QPen(faint, 1));
    for (const auto &edge : graph.edges()) {
        drawEdge(painter, edge.first, edge.second);
    }
    // Real graphs carry thousands of conditional updates: present but quiet until a release is in focus.
    QColor conditional = ConditionalColor;
    conditional.setAlpha(20);
    painter.setPen(QPen(conditional, 0.8, Qt::DashLine));
    for (const ReleaseGraphModel::ConditionalUpdate &update : m_model->conditionalUpdates()) {
        drawEdge(painter, update.from, update.to);
    }
    // The updates a disconnected cluster can take between mirrored releases.
    QColor usable = highlight;
    usable.setAlpha(120);
    painter.setPen(QPen(usable, 1.2));
    for (const auto &edge : graph.edges()) {
        if (m_model->isSelectedNode(edge.first) && m_model->isSelectedNode(edge.second)) {
            drawEdge(painter, edge.first, edge.second);
        }
    }
    const int focus = m_hovered >= 0 ? m_hovered : m_current;
    if (focus >= 0) {
        QColor strong = text;
        strong.setAlpha(150);
        painter.setPen(QPen(strong, 1.3));
        for (const auto &edge : graph.edges()) {
            if (edge.first == focus || edge.second == focus) {
                drawEdge(painter, edge.first, edge.second);
            }
        }
        painter.setPen(QPen(ConditionalColor, 1.6, Qt::DashLine));
        for (const ReleaseGraphModel::ConditionalUpdate &update : m_model->conditionalUpdates()) {
            if (update.from == focus || update.to == focus) {
                drawEdge(painter, update.from, update.to);
            }
        }
    }

    // The shortest upgrade path, over everything else.
    const QList<int> route = m_model->route();
    if (route.size() > 1) {
        painter.setPen(QPen(RouteColor, 3.5, Qt::SolidLine, Qt::RoundCap));
        for (qsizetype i = 1; i < route.size(); ++i) {
            drawEdge(painter, route.at(i - 1), route.at(i));
        }
    }

    // Releases.
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    const QFontMetrics smallMetrics(small);
    const ReleaseChannelFilter filter = m_model->filter();
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
        const int node = it.key();
        const QPointF c = it.value();
        const UpdateGraph::Node &release = graph.nodes().at(node);
        const bool selected = m_model->isSelectedNode(node);
        if (selected) {
            painter.setPen(QPen(highlight.darker(130), 1.5));
            painter.setBrush(highlight);
        } else {
            painter.setPen(QPen(pal.color(QPalette::Mid), 1.5));
            painter.setBrush(pal.color(QPalette::Base));
        }
        painter.drawEllipse(c, NodeRadius, NodeRadius);
        if (node == graph.headIndex()) {
            painter.setPen(QPen(text, 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, NodeRadius + 3, NodeRadius + 3);
        }
        if (node == m_current && hasFocus()) {
            painter.setPen(QPen(highlight, 1.5, Qt::DotLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(
                QRectF(c.x() - NodeRadius - 5, c.y() - NodeRadius - 5, 2 * NodeRadius + 10, 2 * NodeRadius + 10));
        }
        painter.setFont(small);
        painter.setPen(selected ? text : pal.color(QPalette::PlaceholderText));
        const QString label = nodeLabel(release);
        painter.drawText(QPointF(c.x() - smallMetrics.horizontalAdvance(label) / 2.0,
                                 c.y() + NodeRadius + 4 + smallMetrics.ascent()),
                         label);

        // The explicit bounds get a flag above the release.
        const bool isMin = filter.minVersion && *filter.minVersion == release.semver;
        const bool isMax = filter.maxVersion && *filter.maxVersion == release.semver;
        if (isMin || isMax) {
            const QString flag = isMin && isMax ? tr("min/max") : (isMin ? tr("min") : tr("max"));
            const QColor color = isMin ? MinimumColor : MaximumColor;
            const double top = c.y() - NodeRadius - 26;
            painter.setPen(QPen(color, 2));
            painter.drawLine(QPointF(c.x(), c.y() - NodeRadius - 2), QPointF(c.x(), top));
            const QRectF box(c.x(), top, smallMetrics.horizontalAdvance(flag) + 8, smallMetrics.height() + 2);
            painter.fillRect(box, color);
            painter.setPen(Qt::white);
            painter.drawText(box, Qt::AlignCenter, flag);
        }
        painter.setFont(font());
    }
}

void ReleaseGraphView::mousePressEvent(QMouseEvent *event)
{
    const int node = nodeAt(event->position());
    if (node < 0 || !m_model) {
        QWidget::mousePressEvent(event);
        return;
    }
    setCurrentNode(node);
    if (event->button() != Qt::LeftButton) {
        return;
    }
    const QString version = m_model->graph().nodes().at(node).version;
    if (event->modifiers() & Qt::ShiftModifier) {
        emit maximumRequested(version);
    } else {
        emit minimumRequested(version);
    }
}

void ReleaseGraphView::mouseMoveEvent(QMouseEvent *event)
{
    const int node = nodeAt(event->position());
    if (node != m_hovered) {
        m_hovered = node;
        setCursor(node >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void ReleaseGraphView::leaveEvent(QEvent *event)
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void ReleaseGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        moveCurrent(0, -1);
        return;
    case Qt::Key_Right:
        moveCurrent(0, 1);
        return;
    case Qt::Key_Up:
        moveCurrent(-1, 0);
        return;
    case Qt::Key_Down:
        moveCurrent(1, 0);
        return;
    case Qt::Key_Home:
        moveCurrent(0, -m_maxRank);
        return;
    case Qt::Key_End:
        moveCurrent(0, m_maxRank);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0) {
            if (event->modifiers() & Qt::ShiftModifier) {
                emit maximumRequested(currentVersion());
            } else {
                emit minimumRequested(currentVersion());
            }
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void ReleaseGraphView::contextMenuEvent(QContextMenuEvent *event)
{
    int node = nodeAt(event->pos());
    if (node < 0 && event->reason() == QContextMenuEvent::Keyboard) {
        node = m_current;
    }
    QMenu menu(this);
    if (node >= 0 && m_model) {
        setCurrentNode(node);
        const QString version = m_model->graph().nodes().at(node).version;
        menu.addAction(tr("Use %1 as &Minimum Version").arg(version), this,
                       [this, version] { emit minimumRequested(version); });
        menu.addAction(tr("Use %1 as Ma&ximum Version").arg(version), this,
                       [this, version] { emit maximumRequested(version); });
        menu.addSeparator();
    }
    menu.addAction(tr("Clear M&inimum Version"), this, &ReleaseGraphView::clearMinimumRequested);
    menu.addAction(tr("Clear Maxim&um Version"), this, &ReleaseGraphView::clearMaximumRequested);
    menu.exec(event->globalPos());
}

bool ReleaseGraphView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = nodeAt(help->pos());
        if (node >= 0) {
            QToolTip::showText(help->globalPos(), toolTipFor(node), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

QString ReleaseGraphView::toolTipFor(int node) const
{
    const int row = m_model->rowForGraphIndex(node);
    const auto value = [&](int role) { return m_model->data(m_model->index(row, 0), role); };
    QString html = QStringLiteral("<b>%1</b>").arg(value(ReleaseGraphModel::VersionRole).toString().toHtmlEscaped());
    if (value(ReleaseGraphModel::IsHeadRole).toBool()) {
        html += QStringLiteral(" ") + tr("(channel head)").toHtmlEscaped();
    }
    html += QStringLiteral("<br>");
    if (value(ReleaseGraphModel::SelectedRole).toBool()) {
        html += tr("Mirrored: %1")
                    .arg(value(ReleaseGraphModel::ReasonRole).toString())
                    .toHtmlEscaped()
                    .replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    } else {
        html += tr("Not mirrored").toHtmlEscaped();
    }
    html += QStringLiteral("<br>") + tr("Updates from here: %1, to here: %2")
                                         .arg(value(ReleaseGraphModel::UpgradesOutRole).toInt())
                                         .arg(value(ReleaseGraphModel::UpgradesInRole).toInt())
                                         .toHtmlEscaped();
    const QStringList risks = value(ReleaseGraphModel::RisksRole).toStringList();
    if (!risks.isEmpty()) {
        html += QStringLiteral("<br>") +
                tr("Conditional updates to here: %1").arg(risks.join(QStringLiteral(", "))).toHtmlEscaped();
    }
    return html;
}
