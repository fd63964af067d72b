#pragma once

#include <QString>

#include <optional>

// One entry of `platform.channels`. Optional fields stay unset when the YAML does not name them, so that
// writing the configuration back never invents values such as `full: false`.
class ReleaseChannel
{
public:
    QString name;
    std::optional<QString> type; // "ocp" (default) or "okd"; oc-mirror reads any other string as ocp
    std::optional<QString> minVersion;
    std::optional<QString> maxVersion;
    std::optional<bool> shortestPath;
    std::optional<bool> full;

    bool isOkd() const { return type.value_or(QString()) == QLatin1String("okd"); }
    bool isFull() const { return full.value_or(false); }
    bool isShortestPath() const { return shortestPath.value_or(false); }
    bool operator==(const ReleaseChannel &) const = default;
};
