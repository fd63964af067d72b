#pragma once

#include "platformfilter.h"

#include <QList>
#include <QString>

#include <optional>

// One entry of `additionalImages:`.
class AdditionalImage
{
public:
    QString name;
    std::optional<QString> targetRepo;
    std::optional<QString> targetTag;
    QList<PlatformFilter> platforms;

    bool operator==(const AdditionalImage &) const = default;
};
