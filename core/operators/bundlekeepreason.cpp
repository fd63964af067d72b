#include "bundlekeepreason.h"

QString BundleKeepReason::text() const
{
    switch (kind) {
    case Kind::ChannelHead:
        return QStringLiteral("channel head of %1").arg(channel);
    case Kind::InRange:
        return QStringLiteral("in range %1 of channel %2").arg(range, channel);
    case Kind::Continuity:
        return QStringLiteral("kept for upgrade-path continuity between %1 in channel %2 (outside %3)")
            .arg(related, channel, range);
    case Kind::ReachedViaSkips:
        return QStringLiteral("in range %1 of channel %2, reached via skips from %3").arg(range, channel, related);
    case Kind::FullChannel:
        return QStringLiteral("full channel %1").arg(channel);
    case Kind::FullCatalog:
        return QStringLiteral("full catalog");
    }
    return {};
}
