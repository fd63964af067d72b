#pragma once

#include "imagesetcontent.h"

#include <QString>

#include <optional>

// kind: DeleteImageSetConfiguration (mirror.openshift.io/v2alpha1): what to delete from a mirror registry.
class DeleteImageSetConfiguration
{
public:
    static QLatin1String kindName() { return QLatin1String("DeleteImageSetConfiguration"); }

    std::optional<QString> apiVersion = QStringLiteral("mirror.openshift.io/v2alpha1");
    ImageSetContent deleteContent; // the `delete:` block (`delete` is a C++ keyword)

    bool operator==(const DeleteImageSetConfiguration &) const = default;
};
