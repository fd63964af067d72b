#pragma once

#include "releasechannelfilter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class PlatformConfig;

// Everything release selection needs from platform: the channels, the Cincinnati architectures to resolve them
// for, and an explicitly requested payload (platform.release) which, when set, replaces the channels.
class ReleaseSelectionRequest
{
public:
    QList<ReleaseChannelFilter> channels;
    QStringList architectures; // Cincinnati names (amd64, arm64, ppc64le, s390x, multi); empty means amd64
    QString release;           // platform.release pull spec

    QStringList effectiveArchitectures() const;

    // From the configuration's platform block. Versions are read tolerantly, as the validator does (v4.16 is
    // 4.16.0); `platforms` means multi-architecture payloads (arch=multi). Errors name the field
    // (platform.channels[1].minVersion) and the value.
    static std::optional<ReleaseSelectionRequest> fromPlatform(const PlatformConfig &platform,
                                                               QString *error = nullptr);
};
