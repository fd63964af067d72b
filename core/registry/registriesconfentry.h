#pragma once

#include "registrymirror.h"

#include <QList>
#include <QString>

// One [[registry]] table of a containers-registries.conf(5) file: which references it applies to (prefix), where
// they really live (location) and the mirrors to try first.
class RegistriesConfEntry
{
public:
    // host[:port][/path], or a wildcard "*.example.com"; defaults to the location.
    QString prefix;
    // Empty only for a wildcard prefix (the reference's own registry is used).
    QString location;
    bool insecure = false;
    bool blocked = false;
    bool mirrorByDigestOnly = false;
    QList<RegistryMirror> mirrors;
    QString file;
    int line = 0;

    bool isWildcard() const { return prefix.startsWith(QLatin1String("*.")); }
    // Length of the part of a reference string ("domain/path[:tag][@digest]") this entry's prefix matches, or -1.
    int matchLength(const QString &reference) const;

    bool operator==(const RegistriesConfEntry &) const = default;
};
