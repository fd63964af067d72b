#pragma once

#include "config/deleteimageitem.h"
#include "workspace/distributionstore.h"

#include <QList>
#include <QString>
#include <QStringList>

// delete --force-cache-delete: removes from Ferry's local cache the images a deletion removed from the registry
// (the cache names them as the registry does, without the destination prefix), then sweeps the cache blobs no
// cache manifest references any more. The cache follows the registry's rule for what stays: a manifest another tag
// of the cache (or an index under one) still needs keeps its revision; only the deleted tag goes.
class CacheDeleter
{
public:
    struct Result
    {
        QStringList removedTags;      // "repository:tag"
        QStringList removedManifests; // "repository@digest"
        QStringList keptManifests;    // "repository@digest (needed by repository:tag)"
        DistributionStore::SweepResult sweep;
        QStringList errors;
        // "removed 3 tags and 5 manifests, swept 12 blobs (34.5 MiB)"
        QString summary() const;
    };

    CacheDeleter(DistributionStore *cache, QString destinationRegistry);

    // Nothing else may use the cache meanwhile (see DistributionStore::sweepUnreferencedBlobs).
    Result remove(const QList<DeleteImageItem> &items) const;

private:
    DistributionStore *m_cache;
    QString m_destinationRegistry;
};
