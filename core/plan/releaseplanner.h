#pragma once

#include "mirrorplanentry.h"

#include "config/platformconfig.h"

#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <atomic>

class ImagePuller;

// Resolves `platform` into plan entries the way oc-mirror v2 does: update graphs (from Cincinnati, or for
// diskToMirror and delete from the copies stored in the workspace), the selection of releases, each payload's
// signature (verified, stored under working-dir/signatures), then the payload's image-references.
// Blocks the calling worker thread.
class ReleasePlanner
{
public:
    struct Options
    {
        QString workingDirectory;
        bool offline = false; // diskToMirror / delete: graphs and signatures from the workspace only
        bool ignoreReleaseSignature = false;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const std::atomic_bool *cancelled = nullptr;
        bool reuseExtractedManifests = false; // delete generation: read hold-release/ instead of the payload
    };

    struct Result
    {
        // Entries named for the destination root given to plan(); each also names its payload release tag.
        QList<MirrorPlanEntry> entries;
        QMap<QString, QByteArray> signatures; // payload digest → raw signature
        QStringList warnings;
        QString error; // release collection errors are fatal
    };

    explicit ReleasePlanner(Options options);

    // puller reads payload images (from registries or, offline, from the cache at cacheRoot).
    // destinationRoots: the roots to name entries for (e.g. the cache and the real destination); the result holds
    // one list per root, in the same order, entry i of each naming the same image.
    QList<Result> plan(const PlatformConfig &platform, const ImagePuller &puller, const QString &cacheRoot,
                       const QStringList &destinationRoots) const;

private:
    Options m_options;
};
