#include "releaseselectionreason.h"

QString ReleaseSelectionReason::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ChannelHead:
        return QStringLiteral("channelHead");
    case Kind::InRange:
        return QStringLiteral("inRange");
    case Kind::ShortestPath:
        return QStringLiteral("shortestPath");
    case Kind::CrossChannelPath:
        return QStringLiteral("crossChannelPath");
    case Kind::ExplicitRelease:
        return QStringLiteral("explicitRelease");
    }
    return QString();
}
