#pragma once

#include "registry/imagereference.h"
#include "registry/registryresult.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QStringList>

#include <memory>

class RegistryClient;

// The tags each destination repository had when a run began, listed once per repository (paginated) and shared by
// every image of the run: one request per repository where each image would need a HEAD. An operator's related
// images and bundles are mirrored by digest under `sha256-<hex>` tags, so a rerun of a catalog checks them with a
// few lists; an unlisted tag spares the HEAD of an image about to be copied. Thread-safe; find() blocks a worker
// thread.
class DestinationTagIndex
{
public:
    enum class Answer {
        Listed,    // the repository has the tag
        NotListed, // it has not (or the repository does not exist yet)
        Unknown    // the registry would not list it: ask for the manifest instead
    };

    explicit DestinationTagIndex(RegistryClient *client);

    Answer find(const ImageReference &destination);

private:
    RegistryClient *m_client;
    QMutex m_mutex;
    QHash<QString, QFuture<RegistryResult<QStringList>>> m_listings;
    QHash<QString, std::shared_ptr<const QSet<QString>>> m_tags; // nullptr: could not be listed
};
