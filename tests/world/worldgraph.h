#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The world's update graph (graph.json written by ReleaseBuilder), answering Cincinnati queries: the nodes of one
// architecture that belong to a channel, the edges between them as indices, and the conditional edges among them.
class WorldGraph
{
public:
    bool load(const QString &path, QString *error);

    // The Cincinnati JSON document for channel and arch (amd64, arm64, multi). Unknown channels or archs give an
    // empty graph, as the real service does.
    QJsonObject answer(const QString &channel, const QString &arch) const;

private:
    QJsonObject m_architectures;
    QJsonArray m_edges;
    QJsonArray m_conditionalEdges;
};
