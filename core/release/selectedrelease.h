#pragma once

#include "config/semanticversion.h"
#include "releaseselectionreason.h"

#include <QList>
#include <QString>

// One release payload chosen for mirroring, with every reason that selected it (the first is the main one).
class SelectedRelease
{
public:
    QString version; // as the graph spells it; empty for a platform.release given without version
    SemanticVersion semver;
    QString payload; // pull spec, normally by digest
    QString channel;
    QString architecture; // Cincinnati architecture name
    QList<ReleaseSelectionReason> reasons;

    ReleaseSelectionReason reason() const { return reasons.value(0); }
};
