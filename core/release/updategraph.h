#pragma once

#include "config/semanticversion.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// An OpenShift update graph as the Cincinnati API returns it for one channel and architecture: release nodes,
// unconditional edges (indices into the node list) and conditional edges with their risks. Selection only walks
// the unconditional edges; the conditional ones are kept so windows can show them.
class UpdateGraph
{
public:
    struct Node
    {
        QString version; // as the graph spells it
        SemanticVersion semver;
        QString payload; // pull spec, in practice by digest
        QMap<QString, QString> metadata;

        // The comma-separated io.openshift.upgrades.graph.release.channels metadata as a list.
        QStringList channels() const;
    };

    struct Risk
    {
        QString url;
        QString name;
        QString message;
        QStringList matchingRuleTypes; // "Always", "PromQL", …
    };

    struct ConditionalEdge
    {
        QString from;
        QString to;
    };

    struct ConditionalEdgeGroup
    {
        QList<ConditionalEdge> edges;
        QList<Risk> risks;
    };

    static constexpr auto ChannelsMetadataKey = "io.openshift.upgrades.graph.release.channels";

    UpdateGraph() = default;

    // Parses a Cincinnati JSON document. `source` names the document (file or URL) in errors, which also carry the
    // line and column of JSON syntax errors and the path of the offending field ("nodes[3].version").
    static std::optional<UpdateGraph> parse(const QByteArray &json, const QString &source, QString *error = nullptr);

    int schemaVersion() const { return m_schemaVersion; }
    const QList<Node> &nodes() const { return m_nodes; }
    const QList<QPair<int, int>> &edges() const { return m_edges; }
    const QList<ConditionalEdgeGroup> &conditionalEdges() const { return m_conditionalEdges; }
    bool isEmpty() const { return m_nodes.isEmpty(); }

    // Every version in the graph, ascending.
    QList<SemanticVersion> versions() const;
    // The channel head is simply the highest version in the answer; -1 when the graph is empty.
    int headIndex() const;
    int oldestIndex() const;
    std::optional<Node> head() const;
    std::optional<Node> oldest() const;

    int indexOf(const SemanticVersion &version) const;
    int indexOf(const QString &version) const;
    const Node *node(const SemanticVersion &version) const;

    // Direct update targets / sources of a node, ordered by descending version.
    QList<int> successors(int index) const;
    QList<int> predecessors(int index) const;
    // Indices of all nodes whose version lies in [min, max], ascending.
    QList<int> inRange(const SemanticVersion &min, const SemanticVersion &max) const;
    // Breadth-first search over the unconditional edges from `from` to `to`, successors explored in descending
    // version order; the node indices of the path including both ends, or empty when `to` is unreachable.
    QList<int> shortestPath(int from, int to) const;

private:
    int m_schemaVersion = 0;
    QList<Node> m_nodes;
    QList<QPair<int, int>> m_edges;
    QList<ConditionalEdgeGroup> m_conditionalEdges;
    QList<QList<int>> m_successors; // per node, descending version
    QList<QList<int>> m_predecessors;
    QHash<SemanticVersion, int> m_byVersion;
};
