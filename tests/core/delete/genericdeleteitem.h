#pragma once

#include "config/deleteimagelist.h"

// A delete-images.yaml item for an additional image at `reference` (a registry reference without docker://).
inline DeleteImageItem genericDeleteItem(const QString &reference)
{
    DeleteImageItem item;
    item.imageName = QStringLiteral("quay.io/example/app:1");
    item.imageReference = QStringLiteral("docker://") + reference;
    item.type = QStringLiteral("generic");
    return item;
}
