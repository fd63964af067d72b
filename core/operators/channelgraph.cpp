#include "channelgraph.h"

#include "filebasedcatalog.h"

#include <QSet>

#include <algorithm>
#include <deque>

namespace {
QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}
} // namespace

std::optional<ChannelGraph> ChannelGraph::build(const FbcChannel &channel, const FileBasedCatalog *catalog,
                                                QString *error)
{
    ChannelGraph graph;
    graph.m_package = channel.package;
    graph.m_channel = channel.name;
    if (channel.entries.isEmpty()) {
        if (error)
            *error = QStringLiteral("channel has no entries");
        return std::nullopt;
    }

    QStringList errors;
    // incoming[x] = the entries with an edge into x (they replace or skip x); nodes may be names that are not
    // entries of this channel (a tail replacing a bundle outside it).
    QHash<QString, QSet<QString>> incoming;
    for (const FbcChannelEntry &entry : channel.entries) {
        if (graph.m_index.contains(entry.name)) {
            errors.append(QStringLiteral("duplicate channel entry %1").arg(quoted(entry.name)));
            continue;
        }
        graph.m_index.insert(entry.name, graph.m_entries.size());
        graph.m_entries.append(entry.name);
        graph.m_entryData.append(entry);
        if (!entry.replaces.isEmpty()) {
            if (entry.replaces == entry.name)
                errors.append(QStringLiteral("invalid channel entry %1: replaces itself").arg(quoted(entry.name)));
            incoming[entry.replaces].insert(entry.name);
            graph.m_successors[entry.replaces].append(entry.name);
        }
        for (const QString &skip : entry.skips) {
            if (skip == entry.name)
                errors.append(QStringLiteral("invalid channel entry %1: skips itself").arg(quoted(entry.name)));
            incoming[skip].insert(entry.name);
            if (!graph.m_successors.value(skip).contains(entry.name))
                graph.m_successors[skip].append(entry.name);
        }
        if (catalog) {
            if (const FbcBundle *bundle = catalog->bundle(channel.package, entry.name)) {
                if (auto version = SemanticVersion::parse(bundle->version))
                    graph.m_versions.insert(entry.name, *version);
            }
        }
    }

    QStringList heads;
    for (const QString &name : std::as_const(graph.m_entries)) {
        if (incoming.value(name).isEmpty())
            heads.append(name);
    }
    if (heads.isEmpty()) {
        errors.append(QStringLiteral("no channel heads found"));
    } else if (heads.size() > 1) {
        heads.sort();
        errors.append(QStringLiteral("multiple channel heads found: [%1]").arg(heads.join(QLatin1Char(' '))));
    }
    if (!errors.isEmpty()) {
        if (error)
            *error = errors.join(QLatin1Char('\n'));
        return std::nullopt;
    }

    // A topological sort from the head consumes every edge exactly when the graph has no cycle; edges left over
    // belong to a cycle (or to a part that hangs off one).
    graph.m_head = heads.constFirst();
    std::deque<QString> queue{graph.m_head};
    while (!queue.empty()) {
        const QString current = queue.front();
        queue.pop_front();
        const auto it = graph.m_index.constFind(current);
        if (it == graph.m_index.cend())
            continue;
        const FbcChannelEntry &entry = graph.m_entryData.at(*it);
        QStringList targets = entry.skips;
        if (!entry.replaces.isEmpty())
            targets.prepend(entry.replaces);
        for (const QString &target : std::as_const(targets)) {
            auto in = incoming.find(target);
            if (in == incoming.end())
                continue;
            in->remove(current);
            if (in->isEmpty()) {
                incoming.erase(in);
                queue.push_back(target);
            }
        }
    }
    if (!incoming.isEmpty()) {
        if (error)
            *error = QStringLiteral("detected a cycle in the upgrade graph of the channel");
        return std::nullopt;
    }
    return graph;
}

QString ChannelGraph::replaces(const QString &name) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.cend())
        return {};
    const QString target = m_entryData.at(*it).replaces;
    return m_index.contains(target) ? target : QString();
}

QStringList ChannelGraph::skips(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? QStringList() : m_entryData.at(*it).skips;
}

QStringList ChannelGraph::successors(const QString &name) const
{
    return m_successors.value(name);
}

QStringList ChannelGraph::replacesChain() const
{
    QStringList chain;
    QSet<QString> seen;
    for (QString current = m_head; !current.isEmpty() && !seen.contains(current); current = replaces(current)) {
        seen.insert(current);
        chain.append(current);
    }
    return chain;
}

std::optional<SemanticVersion> ChannelGraph::version(const QString &name) const
{
    const auto it = m_versions.constFind(name);
    if (it == m_versions.cend())
        return std::nullopt;
    return *it;
}

QStringList ChannelGraph::entriesByVersion() const
{
    QStringList sorted = m_entries;
    std::stable_sort(sorted.begin(), sorted.end(), [this](const QString &a, const QString &b) {
        const auto va = version(a);
        const auto vb = version(b);
        if (va && vb)
            return *vb < *va;
        return va.has_value() && !vb.has_value();
    });
    return sorted;
}
