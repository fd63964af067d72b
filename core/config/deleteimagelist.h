#pragma once

#include "deleteimageitem.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// kind: DeleteImageList (working-dir/delete/delete-images.yaml): the images `delete` phase 2 removes.
class DeleteImageList
{
public:
    static QLatin1String kindName() { return QLatin1String("DeleteImageList"); }
    // The `type` values oc-mirror writes.
    static const QStringList &knownTypes();

    std::optional<QString> apiVersion = QStringLiteral("mirror.openshift.io/v2alpha1");
    QList<DeleteImageItem> items;

    bool operator==(const DeleteImageList &) const = default;
};
