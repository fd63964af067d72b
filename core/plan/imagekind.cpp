#include "imagekind.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<ImageKind, const char *>, 9> kindNames{{
    {ImageKind::OcpRelease, "ocpRelease"},
    {ImageKind::OcpReleaseContent, "ocpReleaseContent"},
    {ImageKind::KubeVirtContainer, "kubeVirtContainer"},
    {ImageKind::CincinnatiGraph, "cincinnatiGraph"},
    {ImageKind::OperatorCatalog, "operatorCatalog"},
    {ImageKind::OperatorBundle, "operatorBundle"},
    {ImageKind::OperatorRelatedImage, "operatorRelatedImage"},
    {ImageKind::Generic, "generic"},
    {ImageKind::HelmImage, "helmImage"},
}};
} // namespace

QString ImageKinds::toString(ImageKind kind)
{
    for (const auto &[value, name] : kindNames) {
        if (value == kind)
            return QLatin1String(name);
    }
    return {};
}

std::optional<ImageKind> ImageKinds::fromString(const QString &text)
{
    for (const auto &[value, name] : kindNames) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

ImageCategory ImageKinds::category(ImageKind kind)
{
    switch (kind) {
    case ImageKind::OcpRelease:
    case ImageKind::OcpReleaseContent:
    case ImageKind::KubeVirtContainer:
    case ImageKind::CincinnatiGraph:
        return ImageCategory::Release;
    case ImageKind::OperatorCatalog:
    case ImageKind::OperatorBundle:
    case ImageKind::OperatorRelatedImage:
        return ImageCategory::Operator;
    case ImageKind::Generic:
        return ImageCategory::Additional;
    case ImageKind::HelmImage:
        return ImageCategory::Helm;
    }
    return ImageCategory::Additional;
}

QString ImageKinds::categoryName(ImageCategory category)
{
    switch (category) {
    case ImageCategory::Release:
        return QStringLiteral("release");
    case ImageCategory::Operator:
        return QStringLiteral("operator");
    case ImageCategory::Additional:
        return QStringLiteral("additional");
    case ImageCategory::Helm:
        return QStringLiteral("helm");
    }
    return {};
}

int ImageKinds::exitCodeBit(ImageCategory category)
{
    switch (category) {
    case ImageCategory::Release:
        return 2;
    case ImageCategory::Operator:
        return 4;
    case ImageCategory::Additional:
        return 8;
    case ImageCategory::Helm:
        return 16;
    }
    return 1;
}

int ImageKinds::copyOrder(ImageKind kind)
{
    switch (kind) {
    case ImageKind::OcpReleaseContent:
        return 0;
    case ImageKind::KubeVirtContainer:
        return 1;
    case ImageKind::OcpRelease:
        return 2;
    case ImageKind::CincinnatiGraph:
        return 3;
    case ImageKind::OperatorRelatedImage:
        return 4;
    case ImageKind::Generic:
        return 5;
    case ImageKind::HelmImage:
        return 6;
    case ImageKind::OperatorBundle:
        return 7;
    case ImageKind::OperatorCatalog:
        return 8;
    }
    return 9;
}
