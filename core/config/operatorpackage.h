#pragma once

#include "operatorbundle.h"
#include "operatorchannel.h"

#include <QList>
#include <QString>

#include <optional>

// One entry of `operators[].packages`. A version range is given either here (applied to every channel) or on
// the channels, never on both levels.
class OperatorPackage
{
public:
    QString name;
    std::optional<QString> defaultChannel;
    std::optional<QString> minVersion;
    std::optional<QString> maxVersion;
    QList<OperatorChannel> channels;
    QList<OperatorBundle> bundles;

    bool hasVersionRange() const { return minVersion.has_value() || maxVersion.has_value(); }
    bool operator==(const OperatorPackage &) const = default;
};
