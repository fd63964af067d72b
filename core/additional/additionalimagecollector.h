#pragma once

#include "config/additionalimage.h"
#include "config/blockedimage.h"
#include "plan/destinationnamer.h"
#include "plan/mirrorplan.h"

#include <QList>
#include <QStringList>

// Turns additionalImages into plan entries: destinations named as oc-mirror names them, blocked images left out
// (and said so), tag+digest references pulled by digest and pushed under their tag, with a warning.
class AdditionalImageCollector
{
public:
    struct Result
    {
        QList<MirrorPlanEntry> entries;
        QStringList errors;   // unparsable references: the additional category fails
        QStringList warnings; // blocked images, tag+digest references
    };

    explicit AdditionalImageCollector(DestinationNamer namer);

    Result collect(const QList<AdditionalImage> &images, const QList<BlockedImage> &blocked) const;

private:
    DestinationNamer m_namer;
};
