#pragma once

#include <QString>

// Why a release was selected; the review windows show the text, filters and icons use the kind.
class ReleaseSelectionReason
{
public:
    enum class Kind {
        ChannelHead,      // neither bound given: the latest release of the channel
        InRange,          // version within [min, max] of the channel (full channels included)
        ShortestPath,     // on the shortest upgrade path min → max of the channel
        CrossChannelPath, // on the upgrade path across several OCP channels
        ExplicitRelease,  // platform.release
    };

    Kind kind = Kind::ChannelHead;
    QString text;
    QString channel; // the channel it came from; empty for platform.release

    static QString kindName(Kind kind);
    bool operator==(const ReleaseSelectionReason &) const = default;
};
