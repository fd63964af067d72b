#pragma once

#include "config/semanticversion.h"

#include <QString>

#include <optional>

// One release channel entry of platform.channels, as release selection needs it. Kept independent of the config
// model so selection can be driven from the config, the command line or a test alike.
class ReleaseChannelFilter
{
public:
    enum class Type {
        Ocp,
        Okd,
    };

    QString name; // e.g. stable-4.16
    Type type = Type::Ocp;
    std::optional<SemanticVersion> minVersion;
    std::optional<SemanticVersion> maxVersion;
    bool shortestPath = false;
    bool full = false;
};
