#pragma once

#include "imagekind.h"

#include <QString>
#include <QStringList>

// One image to mirror: where it comes from, where it goes, and why it is in the plan.
class MirrorPlanEntry
{
public:
    QString origin;      // the reference as the config, payload or catalog names it
    QString source;      // where it is really pulled from (a cache or archive path for diskToMirror); empty = origin
    QString destination; // full destination reference, without transport
    ImageKind kind = ImageKind::Generic;
    QString reason;            // why it was selected, for review windows ("in range 4.16.5–4.16.6", …)
    QStringList operatorNames; // operator packages that need it (error reports name them)
    QStringList bundleNames;   // bundles that need it

    static MirrorPlanEntry of(const QString &origin, const QString &destination, ImageKind kind)
    {
        MirrorPlanEntry entry;
        entry.origin = origin;
        entry.destination = destination;
        entry.kind = kind;
        return entry;
    }

    QString effectiveSource() const { return source.isEmpty() ? origin : source; }
    ImageCategory category() const { return ImageKinds::category(kind); }
    bool operator==(const MirrorPlanEntry &) const = default;
};
