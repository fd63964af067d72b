#pragma once

#include "platformfilter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A chart of a Helm repository (`name`, `version`) or a local chart (`name`, `path`). oc-mirror uses one type
// for both lists, so every field is accepted in both places.
class HelmChart
{
public:
    QString name;
    std::optional<QString> version;
    std::optional<QString> path;
    QStringList imagePaths; // JSONPath expressions locating images in the rendered templates
    QList<PlatformFilter> platforms;

    bool operator==(const HelmChart &) const = default;
};
