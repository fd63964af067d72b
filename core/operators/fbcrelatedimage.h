#pragma once

#include <QString>

// One `relatedImages` entry of an olm.bundle; the name may be empty.
class FbcRelatedImage
{
public:
    QString name;
    QString image;

    bool operator==(const FbcRelatedImage &) const = default;
};
