#pragma once

#include <QString>

// Why a filtered catalog keeps a bundle; review windows list these next to each bundle.
class BundleKeepReason
{
public:
    enum class Kind {
        ChannelHead,     // the head of a heads-only channel
        InRange,         // its version is in the channel's range
        Continuity,      // out of range, but on the replaces chain between in-range bundles
        ReachedViaSkips, // in range and skipped by a kept bundle of the replaces chain
        FullChannel,     // full: true with a package list
        FullCatalog,     // full: true without packages: the catalog is unchanged
    };

    Kind kind = Kind::ChannelHead;
    QString channel;
    QString range;   // ">=1.2.0 <=1.3.0" for range kinds
    QString related; // Continuity: "A and B"; ReachedViaSkips: the bundle that skips it

    QString text() const;
    bool operator==(const BundleKeepReason &) const = default;
};
