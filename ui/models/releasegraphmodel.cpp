#include "releasegraphmodel.h"

#include "release/releaseselector.h"

#include <algorithm>

ReleaseGraphModel::ReleaseGraphModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReleaseGraphModel::setGraph(const UpdateGraph &graph, const QString &channel, const QString &architecture)
{
    beginResetModel();
    m_graph = graph;
    m_channel = channel;
    m_architecture = architecture;

    const QList<UpdateGraph::Node> &nodes = m_graph.nodes();
    const int count = int(nodes.size());
    m_order.clear();
    m_rowOf.clear();
    for (int i = 0; i < count; ++i) {
        m_order.append(i);
    }
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&nodes](int a, int b) { return nodes.at(a).semver < nodes.at(b).semver; });
    for (int row = 0; row < count; ++row) {
        m_rowOf.insert(m_order.at(row), row);
    }

    m_upgradesOut = QList<int>(count, 0);
    m_upgradesIn = QList<int>(count, 0);
    m_conditionalOut = QList<int>(count, 0);
    m_conditionalIn = QList<int>(count, 0);
    m_risksIn = QList<QStringList>(count);
    m_riskDetailsIn = QList<QStringList>(count);
    m_conditional.clear();
    for (const auto &edge : m_graph.edges()) {
        if (edge.first >= 0 && edge.first < count && edge.second >= 0 && edge.second < count) {
            ++m_upgradesOut[edge.first];
            ++m_upgradesIn[edge.second];
        }
    }
    for (const UpdateGraph::ConditionalEdgeGroup &group : m_graph.conditionalEdges()) {
        QStringList names;
        QStringList details;
        for (const UpdateGraph::Risk &risk : group.risks) {
            names.append(risk.name);
            details.append(risk.url.isEmpty() ? QStringLiteral("%1: %2").arg(risk.name, risk.message)
                                              : QStringLiteral("%1: %2 (%3)").arg(risk.name, risk.message, risk.url));
        }
        for (const UpdateGraph::ConditionalEdge &edge : group.edges) {
            // Conditional edges name versions; one whose end is not a node of this answer cannot be drawn.
            const int from = m_graph.indexOf(edge.from);
            const int to = m_graph.indexOf(edge.to);
            if (from < 0 || to < 0) {
                continue;
            }
            m_conditional.append({from, to, names});
            ++m_conditionalOut[from];
            ++m_conditionalIn[to];
            for (qsizetype i = 0; i < names.size(); ++i) {
                if (!m_risksIn[to].contains(names.at(i))) {
                    m_risksIn[to].append(names.at(i));
                    m_riskDetailsIn[to].append(details.at(i));
                }
            }
        }
    }
    reselect();
    endResetModel();
    emit selectionChanged();
}

void ReleaseGraphModel::clear()
{
    setGraph(UpdateGraph(), QString(), QString());
}

void ReleaseGraphModel::setFilter(const ReleaseChannelFilter &filter)
{
    m_filter = filter;
    reselect();
    if (!m_order.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    emit selectionChanged();
}

void ReleaseGraphModel::reselect()
{
    m_reasons.clear();
    m_route.clear();
    m_selection = ReleaseSelection();
    if (m_graph.isEmpty()) {
        return;
    }
    // The channel being picked is always the graph's own, whatever name the filter carries meanwhile.
    ReleaseChannelFilter filter = m_filter;
    filter.name = m_channel;
    ReleaseSelector selector;
    selector.addGraph(m_architecture, m_channel, m_graph);
    ReleaseSelectionRequest request;
    request.channels = {filter};
    request.architectures = {m_architecture};
    m_selection = selector.select(request);
    for (const SelectedRelease &release : std::as_const(m_selection.releases)) {
        const int node = m_graph.indexOf(release.semver);
        if (node < 0) {
            continue;
        }
        m_reasons.insert(node, release.reasons);
        // The selector lists a shortest path in walking order, which is the route to draw.
        if (release.reason().kind == ReleaseSelectionReason::Kind::ShortestPath) {
            m_route.append(node);
        }
    }
}

int ReleaseGraphModel::rowForGraphIndex(int graphIndex) const
{
    return m_rowOf.value(graphIndex, -1);
}

int ReleaseGraphModel::rowForVersion(const QString &version) const
{
    return rowForGraphIndex(m_graph.indexOf(version));
}

int ReleaseGraphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int ReleaseGraphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseGraphModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    return rowValue(index.row(), index.column(), role);
}

QVariant ReleaseGraphModel::rowValue(int row, int column, int role) const
{
    const int node = m_order.at(row);
    const UpdateGraph::Node &release = m_graph.nodes().at(node);
    const QList<ReleaseSelectionReason> reasons = m_reasons.value(node);
    const bool selected = m_reasons.contains(node);
    const bool head = node == m_graph.headIndex();
    QStringList reasonTexts;
    for (const ReleaseSelectionReason &reason : reasons) {
        reasonTexts.append(reason.text);
    }

    switch (role) {
    case VersionRole:
        return release.version;
    case GraphIndexRole:
        return node;
    case PayloadRole:
        return release.payload;
    case SelectedRole:
        return selected;
    case ReasonRole:
        return reasonTexts.join(QLatin1Char('\n'));
    case ReasonKindRole:
        return selected && !reasons.isEmpty() ? int(reasons.first().kind) : -1;
    case IsHeadRole:
        return head;
    case IsMinimumRole:
        return m_filter.minVersion && *m_filter.minVersion == release.semver;
    case IsMaximumRole:
        return m_filter.maxVersion && *m_filter.maxVersion == release.semver;
    case UpgradesOutRole:
        return m_upgradesOut.at(node);
    case UpgradesInRole:
        return m_upgradesIn.at(node);
    case ConditionalOutRole:
        return m_conditionalOut.at(node);
    case ConditionalInRole:
        return m_conditionalIn.at(node);
    case RisksRole:
        return m_risksIn.at(node);
    case SortRole:
        switch (column) {
        case VersionColumn:
            return row; // rows are already in semver order
        case SelectedColumn:
            return selected;
        case ReasonColumn:
            return reasonTexts.join(QLatin1Char('\n'));
        case UpgradesOutColumn:
            return m_upgradesOut.at(node);
        case UpgradesInColumn:
            return m_upgradesIn.at(node);
        case RisksColumn:
            return int(m_risksIn.at(node).size());
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case VersionColumn:
            return head ? tr("%1 (head)").arg(release.version) : release.version;
        case SelectedColumn:
            return selected ? tr("Mirrored") : QString();
        case ReasonColumn:
            return reasonTexts.join(QStringLiteral("; "));
        case UpgradesOutColumn:
            return m_conditionalOut.at(node) > 0
                       ? tr("%1 (+%2)").arg(m_upgradesOut.at(node)).arg(m_conditionalOut.at(node))
                       : QString::number(m_upgradesOut.at(node));
        case UpgradesInColumn:
            return m_conditionalIn.at(node) > 0
                       ? tr("%1 (+%2)").arg(m_upgradesIn.at(node)).arg(m_conditionalIn.at(node))
                       : QString::number(m_upgradesIn.at(node));
        case RisksColumn:
            return m_risksIn.at(node).join(QStringLiteral(", "));
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case VersionColumn:
            return release.payload;
        case ReasonColumn:
            return reasonTexts.join(QLatin1Char('\n'));
        case UpgradesOutColumn:
            return tr("Updates from this release: %1, and %2 conditional ones with a known risk")
                .arg(m_upgradesOut.at(node))
                .arg(m_conditionalOut.at(node));
        case UpgradesInColumn:
            return tr("Updates to this release: %1, and %2 conditional ones with a known risk")
                .arg(m_upgradesIn.at(node))
                .arg(m_conditionalIn.at(node));
        case RisksColumn:
            return m_riskDetailsIn.at(node).join(QLatin1Char('\n'));
        }
        return {};
    case Qt::CheckStateRole:
        return column == SelectedColumn ? QVariant(selected ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::TextAlignmentRole:
        return column == UpgradesOutColumn || column == UpgradesInColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                         : QVariant();
    case Qt::AccessibleTextRole:
        if (column == SelectedColumn) {
            return selected ? tr("Mirrored") : tr("Not mirrored");
        }
        return {};
    }
    return {};
}

QVariant ReleaseGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case UpgradesOutColumn:
        case UpgradesInColumn:
            return tr("Direct updates; in parentheses the conditional ones, which have a known risk");
        case RisksColumn:
            return tr("Risks of the conditional updates that lead to this release");
        }
        return {};
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case SelectedColumn:
        return tr("Mirror");
    case ReasonColumn:
        return tr("Reason");
    case UpgradesOutColumn:
        return tr("Updates out");
    case UpgradesInColumn:
        return tr("Updates in");
    case RisksColumn:
        return tr("Risks");
    }
    return {};
}

QHash<int, QByteArray> ReleaseGraphModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(VersionRole, "version");
    names.insert(GraphIndexRole, "graphIndex");
    names.insert(PayloadRole, "payload");
    names.insert(SelectedRole, "selected");
    names.insert(ReasonRole, "reason");
    names.insert(ReasonKindRole, "reasonKind");
    names.insert(IsHeadRole, "isHead");
    names.insert(IsMinimumRole, "isMinimum");
    names.insert(IsMaximumRole, "isMaximum");
    names.insert(UpgradesOutRole, "upgradesOut");
    names.insert(UpgradesInRole, "upgradesIn");
    names.insert(ConditionalOutRole, "conditionalOut");
    names.insert(ConditionalInRole, "conditionalIn");
    names.insert(RisksRole, "risks");
    names.insert(SortRole, "sort");
    return names;
}
