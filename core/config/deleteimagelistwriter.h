#pragma once

#include "deleteimagelist.h"

#include <QByteArray>

// Writes delete-images.yaml as oc-mirror does: keys sorted (apiVersion, items, kind), each item with
// imageName, imageReference, relatedBlobs (only when present) and type (only when set).
class DeleteImageListWriter
{
public:
    static QByteArray write(const DeleteImageList &list);
};
