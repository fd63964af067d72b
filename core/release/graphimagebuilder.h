#pragma once

#include "registry/imagelayerappender.h"

#include <QByteArray>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

// The OpenShift Update Service graph-data image, as oc-mirror builds it: the base image (ubi9) with one more layer
// holding the content of the graph-data tarball under /var/lib/cincinnati-graph-data, and a CMD that copies it to
// where the Update Service reads it. Every platform of the base image gets the layer; the rest of the base's config
// stays. Entries are owned by 0:0 (files 0644, directories 0755) with a fixed time, so an unchanged graph gives the
// same digests. No network access here: GraphImagePlanner fetches the tarball and the base image.
class GraphImageBuilder
{
public:
    static constexpr QLatin1String BaseImage{"registry.access.redhat.com/ubi9/ubi:latest"};
    static constexpr QLatin1String DefaultGraphDataUrl{"https://api.openshift.com/api/upgrades_info/graph-data"};
    static constexpr QLatin1String DataDirectory{"var/lib/cincinnati-graph-data"};
    static constexpr QLatin1String Repository{"openshift/graph-image"};
    static constexpr QLatin1String Tag{"latest"};

    // Where the graph data comes from. Without UPDATE_URL_OVERRIDE: the public service. With it, the graph-data
    // endpoint beside the override (".../v1/graph" or ".../graph" → ".../graph-data"); empty when the override has
    // neither form.
    class Source
    {
    public:
        QString url;
        QString updateUrlOverride; // empty when not set
    };
    static Source graphDataSource(const QProcessEnvironment &environment);

    // /bin/bash -c "exec cp -rp /var/lib/cincinnati-graph-data/* /var/lib/cincinnati/graph-data"
    static QStringList command();

    // Reads a graph-data tar.gz (or plain tar). Regular files and directories are kept; other entries (links,
    // devices) are skipped and listed in skippedEntries(). Absolute paths and ".." are refused.
    bool setGraphData(const QByteArray &archive, QString *error = nullptr);
    QMap<QString, QByteArray> files() const { return m_files; }
    QStringList directories() const { return m_directories; }
    QStringList skippedEntries() const { return m_skipped; }

    // Seconds since the epoch put on every entry of the layer (default 0).
    void setModificationTime(qint64 seconds) { m_mtime = seconds; }

    // The uncompressed layer: DataDirectory and its parents, then the tarball's content.
    QByteArray layerTar(QString *error = nullptr) const;

    // sourceIndex and manifests as ImageLayerAppender takes them (the base image).
    std::optional<ImageLayerAppender::Result> build(const QByteArray &sourceIndex,
                                                    const QList<ImageLayerAppender::SourceManifest> &manifests,
                                                    QString *error = nullptr) const;

private:
    QMap<QString, QByteArray> m_files;
    QStringList m_directories;
    QStringList m_skipped;
    qint64 m_mtime = 0;
};
