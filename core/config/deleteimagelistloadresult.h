#pragma once

#include "configerror.h"
#include "deleteimagelist.h"

#include <QList>

#include <optional>

// What DeleteImageListLoader read: the list (set unless the file is not a DeleteImageList at all) and every
// error found.
class DeleteImageListLoadResult
{
public:
    std::optional<DeleteImageList> list;
    QList<ConfigError> errors;

    bool isValid() const { return list.has_value() && errors.isEmpty(); }
};
