#pragma once

#include "helmchart.h"

#include <QList>
#include <QString>

// One entry of `helm.repositories`.
class HelmRepository
{
public:
    QString name;
    QString url;
    QList<HelmChart> charts;

    bool operator==(const HelmRepository &) const = default;
};
