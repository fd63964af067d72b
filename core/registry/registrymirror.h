#pragma once

#include <QString>

// One [[registry.mirror]] of a containers-registries.conf(5) registry entry.
class RegistryMirror
{
public:
    // pull-from-mirror: which references may be pulled from this mirror.
    enum class PullFrom { All, DigestOnly, TagOnly };

    QString location; // host[:port][/path], no scheme
    bool insecure = false;
    PullFrom pullFrom = PullFrom::All;
    // Where it was declared, for messages.
    QString file;
    int line = 0;

    static QString pullFromName(PullFrom value);
    bool operator==(const RegistryMirror &) const = default;
};
