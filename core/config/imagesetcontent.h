#pragma once

#include "additionalimage.h"
#include "blockedimage.h"
#include "helmconfig.h"
#include "operatorcatalog.h"
#include "platformconfig.h"
#include "sampleimage.h"

#include <QList>

#include <optional>

// The body of `mirror:` (ImageSetConfiguration) or `delete:` (DeleteImageSetConfiguration); oc-mirror gives
// both the same fields. `platform` and `helm` remember whether the block was written at all.
class ImageSetContent
{
public:
    std::optional<PlatformConfig> platform;
    QList<OperatorCatalog> operators;
    QList<AdditionalImage> additionalImages;
    std::optional<HelmConfig> helm;
    QList<BlockedImage> blockedImages;
    QList<SampleImage> samples;

    bool operator==(const ImageSetContent &) const = default;
};
