#include "updategraph.h"

#include "config/jsonvaluedescription.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQueue>

#include <algorithm>

namespace {

// Line and column (1-based) of a byte offset, so a syntax error points into the file.
QString positionOf(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

bool fail(QString *error, const QString &source, const QString &field, const QString &what)
{
    if (error)
        *error = QStringLiteral("%1: %2: %3").arg(source, field, what);
    return false;
}

} // namespace

QStringList UpdateGraph::Node::channels() const
{
    const QString value = metadata.value(QLatin1String(ChannelsMetadataKey));
    QStringList result;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

std::optional<UpdateGraph> UpdateGraph::parse(const QByteArray &json, const QString &source, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("%1: %2: invalid JSON: %3")
                         .arg(source, positionOf(json, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, source, QStringLiteral("document"), QStringLiteral("expected a JSON object with \"nodes\""));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    UpdateGraph graph;

    const QJsonValue versionValue = root.value(QLatin1String("version"));
    if (!versionValue.isUndefined()) {
        if (!versionValue.isDouble()) {
            fail(error, source, QStringLiteral("version"),
                 QStringLiteral("expected the schema version as a number, got %1")
                     .arg(JsonValueDescription::of(versionValue)));
            return std::nullopt;
        }
        graph.m_schemaVersion = versionValue.toInt();
    }

    const QJsonValue nodesValue = root.value(QLatin1String("nodes"));
    if (!nodesValue.isArray()) {
        fail(error, source, QStringLiteral("nodes"),
             QStringLiteral("expected an array of release nodes, got %1").arg(JsonValueDescription::of(nodesValue)));
        return std::nullopt;
    }
    const QJsonArray nodes = nodesValue.toArray();
    graph.m_nodes.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QString field = QStringLiteral("nodes[%1]").arg(i);
        if (!nodes.at(i).isObject()) {
            fail(error, source, field,
                 QStringLiteral("expected an object, got %1").arg(JsonValueDescription::of(nodes.at(i))));
            return std::nullopt;
        }
        const QJsonObject object = nodes.at(i).toObject();
        const QJsonValue version = object.value(QLatin1String("version"));
        if (!version.isString()) {
            fail(error, source, field + QStringLiteral(".version"),
                 QStringLiteral("expected a version string, got %1").arg(JsonValueDescription::of(version)));
            return std::nullopt;
        }
        QString versionError;
        const auto semver = SemanticVersion::parse(version.toString(), &versionError);
        if (!semver) {
            fail(error, source, field + QStringLiteral(".version"),
                 QStringLiteral("expected a semantic version, got \"%1\" (%2)").arg(version.toString(), versionError));
            return std::nullopt;
        }
        const QJsonValue payload = object.value(QLatin1String("payload"));
        if (!payload.isString() || payload.toString().isEmpty()) {
            fail(error, source, field + QStringLiteral(".payload"),
                 QStringLiteral("expected the release image pull spec, got %1").arg(JsonValueDescription::of(payload)));
            return std::nullopt;
        }
        Node node;
        node.version = version.toString();
        node.semver = *semver;
        node.payload = payload.toString();
        const QJsonValue metadata = object.value(QLatin1String("metadata"));
        if (!metadata.isUndefined() && !metadata.isNull()) {
            if (!metadata.isObject()) {
                fail(error, source, field + QStringLiteral(".metadata"),
                     QStringLiteral("expected an object of strings, got %1").arg(JsonValueDescription::of(metadata)));
                return std::nullopt;
            }
            const QJsonObject map = metadata.toObject();
            for (auto it = map.begin(); it != map.end(); ++it) {
                if (!it.value().isString()) {
                    fail(error, source, field + QStringLiteral(".metadata.") + it.key(),
                         QStringLiteral("expected a string, got %1").arg(JsonValueDescription::of(it.value())));
                    return std::nullopt;
                }
                node.metadata.insert(it.key(), it.value().toString());
            }
        }
        if (graph.m_byVersion.contains(node.semver)) {
            fail(error, source, field + QStringLiteral(".version"),
                 QStringLiteral("version %1 appears twice in the graph").arg(node.version));
            return std::nullopt;
        }
        graph.m_byVersion.insert(node.semver, int(graph.m_nodes.size()));
        graph.m_nodes.append(node);
    }

    const int count = int(graph.m_nodes.size());
    graph.m_successors.resize(count);
    graph.m_predecessors.resize(count);
    const QJsonValue edgesValue = root.value(QLatin1String("edges"));
    if (!edgesValue.isUndefined() && !edgesValue.isArray()) {
        fail(error, source, QStringLiteral("edges"),
             QStringLiteral("expected an array of [from, to] index pairs, got %1")
                 .arg(JsonValueDescription::of(edgesValue)));
        return std::nullopt;
    }
    const QJsonArray edges = edgesValue.toArray();
    graph.m_edges.reserve(edges.size());
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QString field = QStringLiteral("edges[%1]").arg(i);
        const QJsonArray pair = edges.at(i).toArray();
        if (!edges.at(i).isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble()) {
            fail(error, source, field, QStringLiteral("expected a pair of node indices [from, to]"));
            return std::nullopt;
        }
        const double fromValue = pair.at(0).toDouble();
        const double toValue = pair.at(1).toDouble();
        const int from = int(fromValue);
        const int to = int(toValue);
        if (fromValue != from || toValue != to || from < 0 || to < 0 || from >= count || to >= count) {
            fail(error, source, field,
                 QStringLiteral("node index out of range (the graph has %1 nodes, indices start at 0)").arg(count));
            return std::nullopt;
        }
        graph.m_edges.append({from, to});
        if (!graph.m_successors[from].contains(to))
            graph.m_successors[from].append(to);
        if (!graph.m_predecessors[to].contains(from))
            graph.m_predecessors[to].append(from);
    }
    const auto descending = [&graph](int a, int b) { return graph.m_nodes.at(a).semver > graph.m_nodes.at(b).semver; };
    for (QList<int> &list : graph.m_successors)
        std::sort(list.begin(), list.end(), descending);
    for (QList<int> &list : graph.m_predecessors)
        std::sort(list.begin(), list.end(), descending);

    const QJsonValue conditionalValue = root.value(QLatin1String("conditionalEdges"));
    if (!conditionalValue.isUndefined() && !conditionalValue.isNull() && !conditionalValue.isArray()) {
        fail(error, source, QStringLiteral("conditionalEdges"),
             QStringLiteral("expected an array, got %1").arg(JsonValueDescription::of(conditionalValue)));
        return std::nullopt;
    }
    const QJsonArray groups = conditionalValue.toArray();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString field = QStringLiteral("conditionalEdges[%1]").arg(i);
        if (!groups.at(i).isObject()) {
            fail(error, source, field, QStringLiteral("expected an object with edges and risks"));
            return std::nullopt;
        }
        const QJsonObject groupObject = groups.at(i).toObject();
        ConditionalEdgeGroup group;
        const QJsonArray groupEdges = groupObject.value(QLatin1String("edges")).toArray();
        for (qsizetype j = 0; j < groupEdges.size(); ++j) {
            const QJsonObject edge = groupEdges.at(j).toObject();
            const QJsonValue from = edge.value(QLatin1String("from"));
            const QJsonValue to = edge.value(QLatin1String("to"));
            if (!from.isString() || !to.isString()) {
                fail(error, source, field + QStringLiteral(".edges[%1]").arg(j),
                     QStringLiteral("expected {\"from\": version, \"to\": version}"));
                return std::nullopt;
            }
            group.edges.append({from.toString(), to.toString()});
        }
        const QJsonArray risks = groupObject.value(QLatin1String("risks")).toArray();
        for (qsizetype j = 0; j < risks.size(); ++j) {
            const QJsonObject riskObject = risks.at(j).toObject();
            Risk risk;
            risk.url = riskObject.value(QLatin1String("url")).toString();
            risk.name = riskObject.value(QLatin1String("name")).toString();
            risk.message = riskObject.value(QLatin1String("message")).toString();
            if (risk.name.isEmpty()) {
                fail(error, source, field + QStringLiteral(".risks[%1].name").arg(j),
                     QStringLiteral("expected the risk name"));
                return std::nullopt;
            }
            const QJsonArray rules = riskObject.value(QLatin1String("matchingRules")).toArray();
            for (const QJsonValue &rule : rules)
                risk.matchingRuleTypes.append(rule.toObject().value(QLatin1String("type")).toString());
            group.risks.append(risk);
        }
        graph.m_conditionalEdges.append(group);
    }
    return graph;
}

QList<SemanticVersion> UpdateGraph::versions() const
{
    QList<SemanticVersion> result;
    result.reserve(m_nodes.size());
    for (const Node &node : m_nodes)
        result.append(node.semver);
    std::sort(result.begin(), result.end());
    return result;
}

int UpdateGraph::headIndex() const
{
    int best = -1;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (best < 0 || m_nodes.at(i).semver > m_nodes.at(best).semver)
            best = i;
    }
    return best;
}

int UpdateGraph::oldestIndex() const
{
    int best = -1;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (best < 0 || m_nodes.at(i).semver < m_nodes.at(best).semver)
            best = i;
    }
    return best;
}

std::optional<UpdateGraph::Node> UpdateGraph::head() const
{
    const int index = headIndex();
    if (index < 0)
        return std::nullopt;
    return m_nodes.at(index);
}

std::optional<UpdateGraph::Node> UpdateGraph::oldest() const
{
    const int index = oldestIndex();
    if (index < 0)
        return std::nullopt;
    return m_nodes.at(index);
}

int UpdateGraph::indexOf(const SemanticVersion &version) const
{
    return m_byVersion.value(version, -1);
}

int UpdateGraph::indexOf(const QString &version) const
{
    const auto semver = SemanticVersion::parse(version);
    return semver ? indexOf(*semver) : -1;
}

const UpdateGraph::Node *UpdateGraph::node(const SemanticVersion &version) const
{
    const int index = indexOf(version);
    return index < 0 ? nullptr : &m_nodes.at(index);
}

QList<int> UpdateGraph::successors(int index) const
{
    return m_successors.value(index);
}

QList<int> UpdateGraph::predecessors(int index) const
{
    return m_predecessors.value(index);
}

QList<int> UpdateGraph::inRange(const SemanticVersion &min, const SemanticVersion &max) const
{
    QList<int> result;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        const SemanticVersion &version = m_nodes.at(i).semver;
        if (version >= min && version <= max)
            result.append(i);
    }
    std::sort(result.begin(), result.end(),
              [this](int a, int b) { return m_nodes.at(a).semver < m_nodes.at(b).semver; });
    return result;
}

QList<int> UpdateGraph::shortestPath(int from, int to) const
{
    const int count = int(m_nodes.size());
    if (from < 0 || to < 0 || from >= count || to >= count)
        return {};
    if (from == to)
        return {from};
    QList<int> parent(count, -1);
    QList<bool> seen(count, false);
    QQueue<int> queue;
    queue.enqueue(from);
    seen[from] = true;
    while (!queue.isEmpty()) {
        const int current = queue.dequeue();
        for (int next : m_successors.at(current)) {
            if (seen.at(next))
                continue;
            seen[next] = true;
            parent[next] = current;
            if (next == to) {
                QList<int> path{to};
                for (int step = parent.at(to); step >= 0; step = parent.at(step))
                    path.prepend(step);
                return path;
            }
            queue.enqueue(next);
        }
    }
    return {};
}
