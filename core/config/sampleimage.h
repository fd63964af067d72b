#pragma once

#include <QString>

// One entry of `samples:` (accepted and kept, not implemented, as in oc-mirror).
class SampleImage
{
public:
    QString name;

    bool operator==(const SampleImage &) const = default;
};
