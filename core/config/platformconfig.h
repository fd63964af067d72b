#pragma once

#include "platformfilter.h"
#include "releasechannel.h"

#include <QList>
#include <QStringList>

#include <optional>

// The `platform:` block: OpenShift / OKD release content.
class PlatformConfig
{
public:
    std::optional<bool> graph;
    QList<ReleaseChannel> channels;
    QStringList architectures;       // deprecated by oc-mirror in favour of `platforms`; never both
    QList<PlatformFilter> platforms; // sparse manifest lists
    std::optional<QString> release;  // one explicit payload; channels are ignored when set
    std::optional<bool> kubeVirtContainer;

    bool isGraph() const { return graph.value_or(false); }
    bool isKubeVirtContainer() const { return kubeVirtContainer.value_or(false); }
    bool isEmpty() const { return *this == PlatformConfig(); }
    bool operator==(const PlatformConfig &) const = default;
};
