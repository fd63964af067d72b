#pragma once

#include "helmchart.h"
#include "helmrepository.h"

#include <QList>

// The `helm:` block.
class HelmConfig
{
public:
    QList<HelmRepository> repositories;
    QList<HelmChart> local;

    bool isEmpty() const { return repositories.isEmpty() && local.isEmpty(); }
    bool operator==(const HelmConfig &) const = default;
};
