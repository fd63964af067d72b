#pragma once

#include <QString>

// One entry of `blockedImages:`; the name is a regular expression matched anywhere in a reference.
class BlockedImage
{
public:
    QString name;

    bool operator==(const BlockedImage &) const = default;
};
