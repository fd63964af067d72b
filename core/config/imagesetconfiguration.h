#pragma once

#include "imagesetcontent.h"

#include <QString>

#include <optional>

// kind: ImageSetConfiguration (mirror.openshift.io/v2alpha1): what to mirror.
class ImageSetConfiguration
{
public:
    static QLatin1String kindName() { return QLatin1String("ImageSetConfiguration"); }

    // oc-mirror does not check apiVersion (examples still say v1alpha2); unset when the file has none.
    std::optional<QString> apiVersion = QStringLiteral("mirror.openshift.io/v2alpha1");
    std::optional<qint64> archiveSize; // GiB per archive segment; unset or 0 means 500
    ImageSetContent mirror;

    bool operator==(const ImageSetConfiguration &) const = default;
};
