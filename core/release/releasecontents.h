#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// What a release payload carries that the mirror needs: its component images (image-references), the optional
// KubeVirt container images (coreos bootimages) and the release metadata.
class ReleaseContents
{
public:
    struct Component
    {
        QString name;  // image-references tag name, e.g. "etcd", or kube-virt-container[-<arch>]
        QString image; // pull spec, by digest in real payloads
        bool operator==(const Component &) const = default;
    };

    QString version; // image-references metadata.name
    QList<Component> components;
    QList<Component> kubeVirtContainers;

    // release-metadata (cincinnati-metadata-v0); empty when the payload has none.
    QString metadataVersion;
    QStringList previous;
    QStringList next;
    QMap<QString, QString> metadata;

    QString manifestsDirectory; // where release-manifests/ was extracted
};
