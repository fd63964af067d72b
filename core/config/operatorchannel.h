#pragma once

#include <QString>

#include <optional>

// One entry of `operators[].packages[].channels`.
class OperatorChannel
{
public:
    QString name;
    std::optional<QString> minVersion;
    std::optional<QString> maxVersion;

    bool hasVersionRange() const { return minVersion.has_value() || maxVersion.has_value(); }
    bool operator==(const OperatorChannel &) const = default;
};
