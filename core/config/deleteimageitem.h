#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// One entry of delete-images.yaml: the image as it was collected (`imageName`), the destination reference
// that will be deleted (`imageReference`), and why it was mirrored (`type`; absent in files of oc-mirror
// 4.17). `relatedBlobs` is the 4.16 form, read and written back but not used for deleting.
class DeleteImageItem
{
public:
    QString imageName;
    QString imageReference;
    std::optional<QString> type;
    QStringList relatedBlobs;

    bool operator==(const DeleteImageItem &) const = default;
};
