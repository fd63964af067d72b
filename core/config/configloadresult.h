#pragma once

#include "configerror.h"
#include "configkind.h"
#include "configsourcemap.h"
#include "deleteimagesetconfiguration.h"
#include "imagesetconfiguration.h"

#include <QList>

#include <optional>

// What ConfigLoader read. The configuration matching `kind` is set whenever the kind was recognised, even
// if errors were found (fields with errors are left unset), so an editor can still show the rest.
class ConfigLoadResult
{
public:
    ConfigKind kind = ConfigKind::Unknown;
    std::optional<ImageSetConfiguration> imageSetConfiguration;
    std::optional<DeleteImageSetConfiguration> deleteImageSetConfiguration;
    QList<ConfigError> errors; // every problem, sorted by position
    ConfigSourceMap sourceMap; // where each field was written

    bool isValid() const { return errors.isEmpty() && kind != ConfigKind::Unknown; }
};
