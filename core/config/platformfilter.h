#pragma once

#include <QString>

// One OS/architecture pair (`platforms: [{os: linux, architecture: arm64}]`) selecting the children of a
// manifest list. Both fields are required by the validator, never by the parser.
class PlatformFilter
{
public:
    QString os;
    QString architecture;

    QString toString() const { return os + QLatin1Char('/') + architecture; }
    bool operator==(const PlatformFilter &) const = default;
};
