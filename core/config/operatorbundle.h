#pragma once

#include <QString>

// One entry of `packages[].bundles` (select a bundle by name). oc-mirror 4.16–4.17 accepted it; Ferry keeps
// reading it so that configurations written for those releases still load.
class OperatorBundle
{
public:
    QString name;

    bool operator==(const OperatorBundle &) const = default;
};
