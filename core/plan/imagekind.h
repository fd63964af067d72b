#pragma once

#include <QString>

#include <optional>

// What an image is to the mirror: decides its destination name, its cluster resource and its exit-code category.
enum class ImageKind {
    OcpRelease,
    OcpReleaseContent,
    KubeVirtContainer,
    CincinnatiGraph,
    OperatorCatalog,
    OperatorBundle,
    OperatorRelatedImage,
    Generic,
    HelmImage,
};

// The four groups oc-mirror reports results and exit codes for.
enum class ImageCategory {
    Release,
    Operator,
    Additional,
    Helm,
};

namespace ImageKinds {
// The spelling used in delete-images.yaml and the logs (ocpRelease, operatorBundle, …).
QString toString(ImageKind kind);
std::optional<ImageKind> fromString(const QString &text);
ImageCategory category(ImageKind kind);
QString categoryName(ImageCategory category);
// Exit code bit of a failed category: release 2, operator 4, additional 8, helm 16.
int exitCodeBit(ImageCategory category);
// oc-mirror's copy order: release content, kubevirt, release, graph, operator related, generic, helm, bundles,
// catalogs.
int copyOrder(ImageKind kind);
} // namespace ImageKinds
