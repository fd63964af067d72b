#include "worldgraph.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

bool WorldGraph::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1: %2 at offset %3").arg(path, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    const QJsonObject root = document.object();
    m_architectures = root.value(QLatin1String("architectures")).toObject();
    m_edges = root.value(QLatin1String("edges")).toArray();
    m_conditionalEdges = root.value(QLatin1String("conditionalEdges")).toArray();
    return true;
}

QJsonObject WorldGraph::answer(const QString &channel, const QString &arch) const
{
    QJsonArray nodes;
    QHash<QString, int> index;
    const QJsonArray all = m_architectures.value(arch).toArray();
    for (const QJsonValue &value : all) {
        const QJsonObject node = value.toObject();
        const QStringList channels = node.value(QLatin1String("metadata"))
                                         .toObject()
                                         .value(QLatin1String("io.openshift.upgrades.graph.release.channels"))
                                         .toString()
                                         .split(QLatin1Char(','));
        if (!channels.contains(channel))
            continue;
        index.insert(node.value(QLatin1String("version")).toString(), int(nodes.size()));
        nodes.append(node);
    }
    QJsonArray edges;
    for (const QJsonValue &value : m_edges) {
        const QJsonArray pair = value.toArray();
        const QString from = pair.at(0).toString();
        const QString to = pair.at(1).toString();
        if (index.contains(from) && index.contains(to))
            edges.append(QJsonArray{index.value(from), index.value(to)});
    }
    QJsonArray conditional;
    for (const QJsonValue &value : m_conditionalEdges) {
        QJsonObject group = value.toObject();
        QJsonArray kept;
        const QJsonArray groupEdges = group.value(QLatin1String("edges")).toArray();
        for (const QJsonValue &edge : groupEdges) {
            const QJsonObject e = edge.toObject();
            if (index.contains(e.value(QLatin1String("from")).toString()) &&
                index.contains(e.value(QLatin1String("to")).toString()))
                kept.append(e);
        }
        if (kept.isEmpty())
            continue;
        group.insert(QStringLiteral("edges"), kept);
        conditional.append(group);
    }
    return QJsonObject{{QStringLiteral("version"), 1},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("edges"), edges},
                       {QStringLiteral("conditionalEdges"), conditional}};
}
