#include "releaseselector.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

QString graphKey(const QString &architecture, const QString &channel)
{
    return architecture + QLatin1Char('/') + channel;
}

QString channelLabel(const QString &channel, const QString &architecture)
{
    return QStringLiteral("channel %1 (%2)").arg(channel, architecture);
}

struct ChannelName
{
    QString prefix;
    int major = 0;
    int minor = 0;
};

// "stable-4.16" → {stable, 4, 16}; the cross-channel path derives intermediate channel names from it.
std::optional<ChannelName> splitChannelName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^(.+)-(\\d+)\\.(\\d+)$"));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    bool majorOk = false;
    bool minorOk = false;
    ChannelName result{match.captured(1), match.captured(2).toInt(&majorOk), match.captured(3).toInt(&minorOk)};
    if (!majorOk || !minorOk)
        return std::nullopt;
    return result;
}

SelectedRelease makeRelease(const UpdateGraph::Node &node, const QString &channel, const QString &architecture,
                            const ReleaseSelectionReason &reason)
{
    SelectedRelease release;
    release.version = node.version;
    release.semver = node.semver;
    release.payload = node.payload;
    release.channel = channel;
    release.architecture = architecture;
    release.reasons.append(reason);
    return release;
}

} // namespace

void ReleaseSelector::addGraph(const QString &architecture, const QString &channel, const UpdateGraph &graph)
{
    m_graphs.insert(graphKey(architecture, channel), graph);
}

bool ReleaseSelector::hasGraph(const QString &architecture, const QString &channel) const
{
    return m_graphs.contains(graphKey(architecture, channel));
}

const UpdateGraph *ReleaseSelector::graph(const QString &architecture, const QString &channel) const
{
    const auto it = m_graphs.constFind(graphKey(architecture, channel));
    return it == m_graphs.cend() ? nullptr : &it.value();
}

QList<QPair<QString, QString>> ReleaseSelector::neededGraphs(const ReleaseSelectionRequest &request) const
{
    QList<QPair<QString, QString>> result;
    if (!request.release.isEmpty())
        return result;
    for (const QString &architecture : request.effectiveArchitectures()) {
        bool complete = true;
        for (const ReleaseChannelFilter &channel : request.channels) {
            const QPair<QString, QString> key{architecture, channel.name};
            if (!hasGraph(architecture, channel.name) && !result.contains(key)) {
                result.append(key);
                complete = false;
            }
        }
        // The intermediate channels depend on the bounds, which depend on the requested channels' graphs.
        if (!complete)
            continue;
        const auto plan = crossChannelPlan(request, architecture);
        if (!plan || !plan->error.isEmpty())
            continue;
        for (const QString &step : plan->steps) {
            const QPair<QString, QString> key{architecture, step};
            if (!hasGraph(architecture, step) && !result.contains(key))
                result.append(key);
        }
    }
    return result;
}

std::optional<ReleaseSelector::Bounds> ReleaseSelector::boundsOf(const ReleaseChannelFilter &channel,
                                                                 const UpdateGraph &graph) const
{
    const auto head = graph.head();
    const auto oldest = graph.oldest();
    if (!head || !oldest)
        return std::nullopt;
    Bounds bounds;
    if (!channel.minVersion && !channel.maxVersion) {
        // Heads only, unless the whole channel was asked for.
        bounds.min = channel.full ? oldest->semver : head->semver;
        bounds.max = head->semver;
    } else {
        // Only a maximum means "from the oldest release in the channel": oc-mirror's rule, kept for compatibility.
        bounds.min = channel.minVersion ? *channel.minVersion : oldest->semver;
        bounds.max = channel.maxVersion ? *channel.maxVersion : head->semver;
    }
    return bounds;
}

void ReleaseSelector::selectChannel(const ReleaseChannelFilter &channel, const QString &architecture,
                                    QList<SelectedRelease> &out, QStringList &errors, QStringList &warnings) const
{
    const QString label = channelLabel(channel.name, architecture);
    const UpdateGraph *graph = this->graph(architecture, channel.name);
    if (!graph) {
        errors.append(QStringLiteral("%1: no update graph was loaded for this channel").arg(label));
        return;
    }
    const auto bounds = boundsOf(channel, *graph);
    if (!bounds) {
        errors.append(QStringLiteral("%1: the update graph contains no release").arg(label));
        return;
    }
    const QString min = bounds->min.toString();
    const QString max = bounds->max.toString();
    if (bounds->min > bounds->max) {
        errors.append(QStringLiteral("%1: minVersion %2 is greater than maxVersion %3").arg(label, min, max));
        return;
    }
    const bool headOnly = !channel.minVersion && !channel.maxVersion && !channel.full;

    ReleaseSelectionReason reason;
    reason.channel = channel.name;
    QList<int> indices;
    if (channel.shortestPath && !headOnly) {
        const int from = graph->indexOf(bounds->min);
        const int to = graph->indexOf(bounds->max);
        if (from < 0 || to < 0) {
            errors.append(QStringLiteral("%1: version %2 is not in the channel, so no shortest upgrade path can be "
                                         "computed from %3 to %4")
                              .arg(label, from < 0 ? min : max, min, max));
            return;
        }
        indices = graph->shortestPath(from, to);
        if (indices.isEmpty()) {
            errors.append(QStringLiteral("%1: no upgrade path leads from %2 to %3").arg(label, min, max));
            return;
        }
        reason.kind = ReleaseSelectionReason::Kind::ShortestPath;
        reason.text = QStringLiteral("on the shortest upgrade path %1 → %2 of channel %3").arg(min, max, channel.name);
    } else {
        indices = graph->inRange(bounds->min, bounds->max);
        if (headOnly) {
            reason.kind = ReleaseSelectionReason::Kind::ChannelHead;
            reason.text = QStringLiteral("head of channel %1").arg(channel.name);
        } else {
            reason.kind = ReleaseSelectionReason::Kind::InRange;
            reason.text = QStringLiteral("in range [%1, %2] of channel %3").arg(min, max, channel.name);
        }
    }
    if (indices.isEmpty())
        warnings.append(QStringLiteral("%1: no release between %2 and %3").arg(label, min, max));
    for (int index : std::as_const(indices))
        out.append(makeRelease(graph->nodes().at(index), channel.name, architecture, reason));
}

std::optional<ReleaseSelector::CrossChannelPlan>
ReleaseSelector::crossChannelPlan(const ReleaseSelectionRequest &request, const QString &architecture) const
{
    QList<const ReleaseChannelFilter *> ocp;
    for (const ReleaseChannelFilter &channel : request.channels) {
        if (channel.type == ReleaseChannelFilter::Type::Ocp)
            ocp.append(&channel);
    }
    if (ocp.size() < 2)
        return std::nullopt;

    CrossChannelPlan plan;
    for (const ReleaseChannelFilter *channel : std::as_const(ocp)) {
        const UpdateGraph *graph = this->graph(architecture, channel->name);
        if (!graph)
            continue;
        const auto bounds = boundsOf(*channel, *graph);
        if (!bounds)
            continue;
        if (plan.startChannel.isEmpty() || bounds->min < plan.start) {
            plan.start = bounds->min;
            plan.startChannel = channel->name;
        }
        if (plan.targetChannel.isEmpty() || bounds->max > plan.target) {
            plan.target = bounds->max;
            plan.targetChannel = channel->name;
        }
    }
    if (plan.startChannel.isEmpty())
        return std::nullopt;

    const auto source = splitChannelName(plan.startChannel);
    const auto target = splitChannelName(plan.targetChannel);
    if (!source || !target) {
        plan.error = QStringLiteral("cannot compute the upgrade path across channels (%1): channel name \"%2\" does "
                                    "not end in <major>.<minor>")
                         .arg(architecture, source ? plan.targetChannel : plan.startChannel);
        return plan;
    }
    if (source->major != target->major || target->minor <= source->minor) {
        if (plan.startChannel != plan.targetChannel && source->major != target->major)
            plan.steps.append(plan.startChannel);
        plan.steps.append(plan.targetChannel);
        return plan;
    }
    plan.steps.append(plan.startChannel);
    for (int minor = source->minor + 1; minor < target->minor; ++minor)
        plan.steps.append(QStringLiteral("%1-%2.%3").arg(source->prefix).arg(source->major).arg(minor));
    plan.steps.append(plan.targetChannel);
    return plan;
}

void ReleaseSelector::selectCrossChannel(const CrossChannelPlan &plan, const QString &architecture,
                                         QList<SelectedRelease> &out, QStringList &errors, QStringList &warnings) const
{
    ReleaseSelectionReason reason;
    reason.kind = ReleaseSelectionReason::Kind::CrossChannelPath;
    reason.text = QStringLiteral("on the upgrade path from %1 (%2) to %3 (%4)")
                      .arg(plan.start.toString(), plan.startChannel, plan.target.toString(), plan.targetChannel);

    SemanticVersion current = plan.start;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const QString &channel = plan.steps.at(i);
        const bool last = i == plan.steps.size() - 1;
        const QString label = channelLabel(channel, architecture);
        const UpdateGraph *graph = this->graph(architecture, channel);
        if (!graph) {
            errors.append(QStringLiteral("%1: no update graph was loaded for this channel, which the upgrade path "
                                         "from %2 to %3 crosses")
                              .arg(label, plan.start.toString(), plan.target.toString()));
            return;
        }
        const int endIndex = last ? graph->indexOf(plan.target) : graph->headIndex();
        if (endIndex < 0) {
            errors.append(QStringLiteral("%1: version %2 is not in the channel, so the upgrade path across channels "
                                         "cannot end there")
                              .arg(label, plan.target.toString()));
            return;
        }
        reason.channel = channel;
        const int startIndex = graph->indexOf(current);
        QList<int> path = startIndex < 0 ? QList<int>() : graph->shortestPath(startIndex, endIndex);
        if (path.isEmpty()) {
            // Only the requested version of this channel is mirrored then.
            warnings.append(
                QStringLiteral("No upgrade path for %1 in target channel %2").arg(current.toString(), channel));
            path = {endIndex};
        }
        for (int index : std::as_const(path))
            out.append(makeRelease(graph->nodes().at(index), channel, architecture, reason));
        current = graph->nodes().at(endIndex).semver;
    }
}

ReleaseSelection ReleaseSelector::select(const ReleaseSelectionRequest &request) const
{
    ReleaseSelection result;
    if (!request.release.isEmpty()) {
        SelectedRelease release;
        release.payload = request.release;
        release.reasons.append({ReleaseSelectionReason::Kind::ExplicitRelease,
                                QStringLiteral("explicitly requested as platform.release"), QString()});
        result.releases.append(release);
        return result;
    }
    if (request.channels.isEmpty())
        return result;

    QList<SelectedRelease> all;
    bool eusWarned = false;
    for (const QString &architecture : request.effectiveArchitectures()) {
        for (const ReleaseChannelFilter &channel : request.channels) {
            selectChannel(channel, architecture, all, result.errors, result.warnings);
            const UpdateGraph *graph = this->graph(architecture, channel.name);
            if (eusWarned || !graph || !channel.name.startsWith(QLatin1String("eus-")))
                continue;
            const auto bounds = boundsOf(channel, *graph);
            if (bounds && bounds->max.major() == bounds->min.major() &&
                bounds->max.minor() - bounds->min.minor() >= 2) {
                result.warnings.append(
                    QStringLiteral("channel %1 spans %2 to %3: an update between EUS releases needs the intermediate "
                                   "releases the update path tool lists (%4); check that they are selected")
                        .arg(channel.name, bounds->min.toString(), bounds->max.toString(),
                             QLatin1String(UpdatePathToolUrl)));
                eusWarned = true;
            }
        }
        const auto plan = crossChannelPlan(request, architecture);
        if (plan) {
            if (!plan->error.isEmpty())
                result.errors.append(plan->error);
            else
                selectCrossChannel(*plan, architecture, all, result.errors, result.warnings);
        }
    }

    // The same payload reached by several rules is mirrored once, remembering every reason.
    QHash<QString, qsizetype> byPayload;
    for (const SelectedRelease &release : std::as_const(all)) {
        const auto it = byPayload.constFind(release.payload);
        if (it == byPayload.cend()) {
            byPayload.insert(release.payload, result.releases.size());
            result.releases.append(release);
            continue;
        }
        SelectedRelease &existing = result.releases[it.value()];
        for (const ReleaseSelectionReason &reason : release.reasons) {
            // Consecutive steps of one upgrade path are one reason, whichever channel each step walked.
            const bool known = std::any_of(existing.reasons.cbegin(), existing.reasons.cend(), [&](const auto &other) {
                return other.kind == reason.kind && other.text == reason.text;
            });
            if (!known)
                existing.reasons.append(reason);
        }
    }
    if (result.releases.isEmpty())
        result.errors.append(QStringLiteral("no release images found"));
    return result;
}
