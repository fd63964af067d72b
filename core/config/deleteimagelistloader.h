#pragma once

#include "deleteimagelistloadresult.h"

#include <QByteArray>
#include <QString>

// Reads delete-images.yaml strictly (same rules as ConfigLoader: duplicate keys, unknown fields and wrong
// types are errors with file:line:column). Accepts the current form (items with imageName, imageReference,
// type), the 4.17 form without `type` and the 4.16 form with `relatedBlobs`. Every imageReference must be a
// valid image reference (the `docker://` prefix is accepted) and every type one oc-mirror writes.
class DeleteImageListLoader
{
public:
    static DeleteImageListLoadResult loadFile(const QString &path);
    static DeleteImageListLoadResult loadData(const QByteArray &yaml, const QString &fileName);
};
