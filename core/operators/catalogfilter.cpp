#include "catalogfilter.h"

#include "channelgraph.h"
#include "config/semanticversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// ">=min <=max" with either bound optional, as oc-mirror turns minVersion/maxVersion into a versionRange.
class VersionRange
{
public:
    std::optional<SemanticVersion> min;
    std::optional<SemanticVersion> max;
    QString text;

    static std::optional<VersionRange> from(const QString &minVersion, const QString &maxVersion, QString *error)
    {
        VersionRange range;
        QStringList parts;
        if (!minVersion.isEmpty()) {
            QString why;
            range.min = SemanticVersion::parse(minVersion, &why);
            if (!range.min) {
                *error = QStringLiteral("error parsing version range: minVersion %1: %2").arg(quoted(minVersion), why);
                return std::nullopt;
            }
            parts.append(QStringLiteral(">=") + minVersion);
        }
        if (!maxVersion.isEmpty()) {
            QString why;
            range.max = SemanticVersion::parse(maxVersion, &why);
            if (!range.max) {
                *error = QStringLiteral("error parsing version range: maxVersion %1: %2").arg(quoted(maxVersion), why);
                return std::nullopt;
            }
            parts.append(QStringLiteral("<=") + maxVersion);
        }
        range.text = parts.join(QLatin1Char(' '));
        return range;
    }

    bool contains(const std::optional<SemanticVersion> &version) const
    {
        if (!version)
            return false;
        if (min && *version < *min)
            return false;
        if (max && *max < *version)
            return false;
        return true;
    }
};

struct ChannelSelection
{
    QStringList kept; // entry names kept in this channel
    QList<QPair<QString, BundleKeepReason>> reasons;
    QStringList warnings;
};

// The range walk. Every node of the replaces chain gets the number of in-range bundles at or below it (itself,
// what it skips, what the rest of the chain holds), each bundle counted once, from the tail up. The kept segment
// starts at the lowest node that still has the maximum count and ends above the first node with a zero count.
ChannelSelection selectRange(const ChannelGraph &graph, const VersionRange &range)
{
    ChannelSelection selection;
    const QStringList chain = graph.replacesChain();
    QList<int> counts(chain.size(), 0);
    QSet<QString> seen;
    const auto inRange = [&](const QString &name) {
        return graph.contains(name) && range.contains(graph.version(name));
    };
    for (qsizetype i = chain.size() - 1; i >= 0; --i) {
        int count = i + 1 < chain.size() ? counts.at(i + 1) : 0;
        const QString &node = chain.at(i);
        if (!seen.contains(node) && inRange(node)) {
            seen.insert(node);
            ++count;
        }
        for (const QString &skip : graph.skips(node)) {
            if (!seen.contains(skip) && inRange(skip)) {
                seen.insert(skip);
                ++count;
            }
        }
        counts[i] = count;
    }
    qsizetype head = 0;
    qsizetype tail = chain.size();
    int maxCount = -1;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        if (counts.at(i) >= maxCount) {
            head = i;
            maxCount = counts.at(i);
        }
        if (counts.at(i) == 0) {
            tail = i;
            break;
        }
    }
    QSet<QString> kept;
    for (qsizetype i = head; i < tail; ++i) {
        const QString &node = chain.at(i);
        if (!kept.contains(node)) {
            kept.insert(node);
            selection.kept.append(node);
        }
        BundleKeepReason reason;
        reason.channel = graph.channel();
        reason.range = range.text;
        if (inRange(node)) {
            reason.kind = BundleKeepReason::Kind::InRange;
        } else {
            reason.kind = BundleKeepReason::Kind::Continuity;
            QString above;
            QString below;
            for (qsizetype j = i - 1; j >= head && above.isEmpty(); --j) {
                if (inRange(chain.at(j)))
                    above = chain.at(j);
            }
            for (qsizetype j = i + 1; j < tail && below.isEmpty(); ++j) {
                if (inRange(chain.at(j)))
                    below = chain.at(j);
            }
            const QString none = QStringLiteral("(none)");
            reason.related = QStringLiteral("%1 and %2")
                                 .arg(above.isEmpty() ? chain.at(head) : above, below.isEmpty() ? none : below);
            const auto version = graph.version(node);
            if (version)
                selection.warnings.append(QStringLiteral("including bundle %1 with version %2: it falls outside the "
                                                         "specified range of %3 but is required to ensure inclusion "
                                                         "of all bundles in the range")
                                              .arg(quoted(node), quoted(version->toString()), quoted(range.text)));
            else
                selection.warnings.append(QStringLiteral("including bundle %1: it is unversioned but is required to "
                                                         "ensure inclusion of all bundles in the range")
                                              .arg(quoted(node)));
        }
        selection.reasons.append({node, reason});
        for (const QString &skip : graph.skips(node)) {
            if (!inRange(skip))
                continue;
            if (!kept.contains(skip)) {
                kept.insert(skip);
                selection.kept.append(skip);
            }
            BundleKeepReason skipReason;
            skipReason.kind = BundleKeepReason::Kind::ReachedViaSkips;
            skipReason.channel = graph.channel();
            skipReason.range = range.text;
            skipReason.related = node;
            if (!chain.contains(skip))
                selection.reasons.append({skip, skipReason});
        }
    }
    return selection;
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The channel blob with only the kept entries, each entry as it was written in the source.
FbcChannel reducedChannel(const FbcChannel &channel, const QStringList &kept)
{
    const QSet<QString> keep(kept.cbegin(), kept.cend());
    FbcChannel result = channel;
    result.entries.clear();
    for (const FbcChannelEntry &entry : channel.entries) {
        if (keep.contains(entry.name))
            result.entries.append(entry);
    }
    if (result.entries.size() == channel.entries.size())
        return result;
    QJsonObject object = channel.object();
    QJsonArray entries;
    for (const QJsonValue &value : object.value(QLatin1String("entries")).toArray()) {
        if (keep.contains(value.toObject().value(QLatin1String("name")).toString()))
            entries.append(value);
    }
    object.insert(QLatin1String("entries"), entries);
    result.json = compactJson(object);
    return result;
}

} // namespace

CatalogFilterResult CatalogFilter::filter(const FileBasedCatalog &catalog, const FilterSpec &spec)
{
    CatalogFilterResult result;

    if (spec.packages.isEmpty() && spec.full) {
        result.catalog = catalog;
        result.unchanged = true;
        for (const FbcBundle &bundle : catalog.bundles())
            result.addReason(bundle.package, bundle.name, {BundleKeepReason::Kind::FullCatalog, {}, {}, {}});
        return result;
    }

    for (const FilterSpec::Package &package : spec.packages) {
        bool channelRange = false;
        for (const FilterSpec::Channel &channel : package.channels)
            channelRange = channelRange || channel.hasRange();
        if (spec.full && (package.hasRange() || channelRange)) {
            result.error = QStringLiteral("Full: true cannot be mixed with versionRange");
            return result;
        }
        if (package.hasRange() && channelRange) {
            result.error = QStringLiteral("package %1: mixing both filtering by minVersion/maxVersion and filtering by "
                                          "channel minVersion/maxVersion is not allowed")
                               .arg(quoted(package.name));
            return result;
        }
        if (!catalog.package(package.name))
            result.warnings.append(QStringLiteral("package %1 not found in catalog").arg(quoted(package.name)));
    }

    QHash<QString, QSet<QString>> keptBundles;
    QHash<QString, QSet<QString>> keptChannels;
    QList<FbcPackage> packages;
    QList<FbcChannel> channels;

    for (const FbcPackage &package : catalog.packages()) {
        const FilterSpec::Package *packageSpec = spec.package(package.name);
        if (!spec.packages.isEmpty() && !packageSpec)
            continue;

        // Channels the configuration selects, in catalog order.
        QList<const FbcChannel *> selected;
        for (const FbcChannel *channel : catalog.channelsOf(package.name)) {
            if (!packageSpec || packageSpec->channels.isEmpty() || packageSpec->channel(channel->name))
                selected.append(channel);
        }
        if (packageSpec) {
            for (const FilterSpec::Channel &channelSpec : packageSpec->channels) {
                if (!catalog.channel(package.name, channelSpec.name))
                    result.warnings.append(QStringLiteral("channel %1 not found in package %2")
                                               .arg(quoted(channelSpec.name), quoted(package.name)));
            }
        }
        const auto hasChannel = [&](const QString &name) {
            return std::any_of(selected.cbegin(), selected.cend(),
                               [&](const FbcChannel *channel) { return channel->name == name; });
        };

        FbcPackage keptPackage = package;
        if (packageSpec && !packageSpec->defaultChannel.isEmpty()) {
            if (!hasChannel(packageSpec->defaultChannel)) {
                result.error = QStringLiteral("invalid default channel configuration for package %1: specified "
                                              "default channel override %2 does not exist in the filtered output")
                                   .arg(quoted(package.name), quoted(packageSpec->defaultChannel));
                return result;
            }
            if (packageSpec->defaultChannel != package.defaultChannel) {
                keptPackage.defaultChannel = packageSpec->defaultChannel;
                QJsonObject object = package.object();
                object.insert(QLatin1String("defaultChannel"), keptPackage.defaultChannel);
                keptPackage.json = compactJson(object);
            }
        } else if (!package.defaultChannel.isEmpty() && !hasChannel(package.defaultChannel)) {
            result.error = QStringLiteral("invalid default channel configuration for package %1: the default channel "
                                          "%2 was filtered out, a new default channel must be configured for this "
                                          "package")
                               .arg(quoted(package.name), quoted(package.defaultChannel));
            return result;
        }

        QList<FbcChannel> packageChannels;
        for (const FbcChannel *channel : std::as_const(selected)) {
            QString rangeMin;
            QString rangeMax;
            if (packageSpec) {
                const FilterSpec::Channel *channelSpec = packageSpec->channel(channel->name);
                if (channelSpec && channelSpec->hasRange()) {
                    rangeMin = channelSpec->minVersion;
                    rangeMax = channelSpec->maxVersion;
                } else {
                    rangeMin = packageSpec->minVersion;
                    rangeMax = packageSpec->maxVersion;
                }
            }

            if (spec.full) {
                QStringList names = channel->entryNames();
                for (const QString &name : std::as_const(names)) {
                    keptBundles[package.name].insert(name);
                    result.addReason(package.name, name, {BundleKeepReason::Kind::FullChannel, channel->name, {}, {}});
                }
                packageChannels.append(*channel);
                continue;
            }

            QString graphError;
            const std::optional<ChannelGraph> graph = ChannelGraph::build(*channel, &catalog, &graphError);
            if (rangeMin.isEmpty() && rangeMax.isEmpty()) {
                if (!graph) {
                    result.error = QStringLiteral("package %1 channel %2 unable to filter head of channel: %3")
                                       .arg(quoted(package.name), quoted(channel->name), graphError);
                    return result;
                }
                keptBundles[package.name].insert(graph->head());
                result.addReason(package.name, graph->head(),
                                 {BundleKeepReason::Kind::ChannelHead, channel->name, {}, {}});
                packageChannels.append(reducedChannel(*channel, {graph->head()}));
                continue;
            }

            QString rangeError;
            const std::optional<VersionRange> range = VersionRange::from(rangeMin, rangeMax, &rangeError);
            if (!range) {
                result.error = QStringLiteral("package %1 channel %2: %3")
                                   .arg(quoted(package.name), quoted(channel->name), rangeError);
                return result;
            }
            if (!graph) {
                result.error = QStringLiteral("package %1 channel %2: %3")
                                   .arg(quoted(package.name), quoted(channel->name), graphError);
                return result;
            }
            const ChannelSelection selection = selectRange(*graph, *range);
            if (selection.kept.isEmpty()) {
                if (channel->name == keptPackage.defaultChannel) {
                    result.error = QStringLiteral("package %1 channel %2 has version range %3 that results in an "
                                                  "empty channel")
                                       .arg(quoted(package.name), quoted(channel->name), quoted(range->text));
                    return result;
                }
                result.warnings.append(QStringLiteral("package %1 channel %2 has version range %3 that results in "
                                                      "an empty channel: the channel is dropped")
                                           .arg(quoted(package.name), quoted(channel->name), quoted(range->text)));
                continue;
            }
            result.warnings.append(selection.warnings);
            for (const auto &[name, reason] : selection.reasons) {
                keptBundles[package.name].insert(name);
                result.addReason(package.name, name, reason);
            }
            packageChannels.append(reducedChannel(*channel, selection.kept));
        }

        if (packageChannels.isEmpty()) {
            result.warnings.append(QStringLiteral("package %1 has no channel left after filtering: it is dropped")
                                       .arg(quoted(package.name)));
            continue;
        }
        packages.append(keptPackage);
        for (const FbcChannel &channel : std::as_const(packageChannels))
            keptChannels[package.name].insert(channel.name);
        channels.append(packageChannels);
    }

    FileBasedCatalog &out = result.catalog;
    for (const FbcPackage &package : std::as_const(packages))
        out.addPackage(package);
    for (const FbcChannel &channel : std::as_const(channels))
        out.addChannel(channel);

    // Bundles sorted by package and name, as oc-mirror's filter emits them.
    QList<const FbcBundle *> bundles;
    for (const FbcPackage &package : std::as_const(packages)) {
        for (const QString &name : keptBundles.value(package.name)) {
            if (const FbcBundle *bundle = catalog.bundle(package.name, name))
                bundles.append(bundle);
        }
    }
    std::sort(bundles.begin(), bundles.end(), [](const FbcBundle *a, const FbcBundle *b) {
        return a->package != b->package ? a->package < b->package : a->name < b->name;
    });
    for (const FbcBundle *bundle : std::as_const(bundles))
        out.addBundle(*bundle);

    for (const FbcDeprecation &deprecation : catalog.deprecations()) {
        if (!keptChannels.contains(deprecation.package))
            continue;
        FbcDeprecation kept = deprecation;
        kept.entries.clear();
        QJsonArray entries;
        const QJsonArray original = deprecation.object().value(QLatin1String("entries")).toArray();
        for (qsizetype i = 0; i < deprecation.entries.size(); ++i) {
            const FbcDeprecation::Entry &entry = deprecation.entries.at(i);
            if (entry.schema == QLatin1String("olm.bundle") &&
                !keptBundles.value(deprecation.package).contains(entry.name))
                continue;
            if (entry.schema == QLatin1String("olm.channel") &&
                !keptChannels.value(deprecation.package).contains(entry.name))
                continue;
            kept.entries.append(entry);
            entries.append(original.at(i));
        }
        if (kept.entries.size() != deprecation.entries.size()) {
            QJsonObject object = deprecation.object();
            object.insert(QLatin1String("entries"), entries);
            kept.json = compactJson(object);
        }
        out.addDeprecation(kept);
    }

    for (const FbcMeta &meta : catalog.others()) {
        if (spec.packages.isEmpty() || meta.package.isEmpty() || keptChannels.contains(meta.package))
            out.addOther(meta);
    }
    return result;
}

QFuture<CatalogFilterResult> CatalogFilter::filterAsync(const FileBasedCatalog &catalog, const FilterSpec &spec,
                                                        QThreadPool *pool)
{
    const auto work = [catalog, spec]() { return filter(catalog, spec); };
    return pool ? QtConcurrent::run(pool, work) : QtConcurrent::run(work);
}
