#pragma once

#include "mirrorplanentry.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <atomic>

class DistributionStore;
class ImagePuller;
class RegistryClient;

// `graph: true`: puts the OpenShift Update Service graph-data image into the local cache as
// <cache>/openshift/graph-image:latest and names it for every destination root, so the copy carries it like any
// other image (mirrorToDisk: it is already in the cache and travels in the archive; mirrorToMirror: from the cache
// to the destination; diskToMirror: from the cache the archive filled).
//
// Building: the graph-data tarball is downloaded (the public service, or the endpoint beside UPDATE_URL_OVERRIDE),
// kept as working-dir/graph-preparation/cincinnati-graph-data.tar.gz, the base image is read through
// registries.conf into the cache (openshift/graph-image:base), and GraphImageBuilder adds the data layer.
// oc-mirror only reuses a cached graph image when UPDATE_URL_OVERRIDE is set; Ferry tries the endpoint beside the
// override first, then falls back to the cached image, and otherwise fails naming the URL it tried.
// Blocks the calling worker thread.
class GraphImagePlanner
{
public:
    struct Options
    {
        QString workingDirectory; // working-dir
        QString cacheRoot;        // "localhost:55000"
        DistributionStore *cache = nullptr;
        RegistryClient *client = nullptr;
        bool offline = false; // diskToMirror: the graph image must already be in the cache
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const std::atomic_bool *cancelled = nullptr;
    };

    struct Result
    {
        QList<QList<MirrorPlanEntry>> entries; // one list (of one entry) per destination root
        QString digest;                        // of the graph image in the cache
        QStringList warnings;
        QStringList infos;
        QString error; // the release category fails
    };

    static constexpr QLatin1String BaseTag{"base"};

    explicit GraphImagePlanner(Options options);

    // puller reads the base image (registries through registries.conf).
    Result plan(const ImagePuller &puller, const QStringList &destinationRoots) const;

    // <cacheRoot>/openshift/graph-image:latest
    QString cachedReference() const;

private:
    // The digest of the graph image now in the cache; empty with *error on failure.
    QString build(const ImagePuller &puller, const QByteArray &graphData, QStringList *warnings, QString *error) const;

    Options m_options;
};
