#pragma once

#include "blobledger.h"
#include "copyjournal.h"
#include "imagecopyprogress.h"
#include "imagepuller.h"

#include "plan/mirrorplanentry.h"
#include "registry/imagereference.h"
#include "registry/manifest.h"
#include "registry/registryresult.h"

#include <atomic>
#include <functional>

class DistributionStore;
class RegistriesConf;
class RegistryClient;

// Copies one image (a manifest with its blobs, or an index with every child) from its source to its destination,
// blocking the calling worker thread while the registry client does the networking. Blobs first, then child
// manifests by digest, then the top manifest under its tag, so a destination never holds a manifest whose content
// is missing. Manifest bytes are never changed: digests are preserved.
class ImageCopier
{
public:
    struct Context
    {
        RegistryClient *client = nullptr;
        DistributionStore *sourceCache = nullptr; // read images from the local cache …
        QString cacheRegistry; // … when their source names this host ("localhost:55000"); empty: every image
        DistributionStore *destinationCache = nullptr;  // mirrorToDisk: write images into the local cache
        const RegistriesConf *registriesConf = nullptr; // where origins are really pulled from
        BlobLedger *ledger = nullptr;
        CopyJournal *journal = nullptr;
        int parallelLayers = 5;
        const std::atomic_bool *cancelled = nullptr;
    };

    enum class Outcome { Copied, AlreadyPresent, Failed };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString error;
        QString digest;
        qint64 bytesCopied = 0;
    };

    using ProgressCallback = std::function<void(const ImageCopyProgress &)>;

    explicit ImageCopier(Context context);

    Result copy(const MirrorPlanEntry &entry, ImageCopyProgress progress, const ProgressCallback &report) const;

private:
    struct Source
    {
        ImageReference reference; // where the manifest was found (a mirror, the origin, or the cache)
        Manifest manifest;
    };

    RegistryResult<Source> fetchSource(const ImageReference &origin) const;
    RegistryResult<Manifest> fetchManifest(const ImageReference &from, const QString &digestOrTag) const;
    QString destinationDigest(const ImageReference &destination) const;
    RegistryResult<void> copyBlobs(const ImageReference &source, const ImageReference &destination,
                                   const QList<Descriptor> &blobs, ImageCopyProgress &progress,
                                   const ProgressCallback &report) const;
    RegistryResult<void> placeWaitingBlob(const ImageReference &source, const ImageReference &destination,
                                          const Descriptor &blob, const QString &holder) const;
    QFuture<RegistryResult<QString>> startTransfer(const ImageReference &source, const ImageReference &destination,
                                                   const Descriptor &blob) const;
    RegistryResult<void> pushManifest(const ImageReference &destination, const Manifest &manifest,
                                      const QString &tag) const;
    ImagePuller puller() const;
    QString ledgerKey(const ImageReference &destination, const Digest &digest) const;
    bool isCancelled() const { return m_context.cancelled && m_context.cancelled->load(); }

    Context m_context;
};
