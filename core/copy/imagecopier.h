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
#include <optional>

class DestinationTagIndex;
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
        DestinationTagIndex *destinationTags = nullptr; // a registry destination's tags, listed once per repository
    };

    enum class Outcome { Copied, AlreadyPresent, Failed };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString error;
        QString digest;
        qint64 bytesCopied = 0;
    };

    // What the destination and the source say about an entry before anything is copied: whether it is already
    // there with the right digest, and if not, where its manifest comes from.
    struct Probe
    {
        Outcome outcome = Outcome::Failed; // Copied here means "needs copying"
        QString error;
        QString presentDigest;            // at the destination, empty when absent
        ImageReference source;            // where the manifest was found (a mirror, the origin, or the cache)
        QString sourceDigest;             // what the origin names now
        std::optional<Manifest> manifest; // fetched already when the destination lacked the image

        bool needsCopy() const { return outcome == Outcome::Copied; }
    };

    using ProgressCallback = std::function<void(const ImageCopyProgress &)>;

    explicit ImageCopier(Context context);

    // probe() then, if needed, copy(probe).
    Result copy(const MirrorPlanEntry &entry, ImageCopyProgress progress, const ProgressCallback &report) const;
    // Checks the destination first, then the source: a HEAD each when the destination has an image under the tag
    // (a by-digest origin, or one the resume journal finished with that digest, needs no source request at all),
    // the source manifest itself when the destination has nothing. Cheap enough to run well ahead of the copies.
    Probe probe(const MirrorPlanEntry &entry) const;
    // Copies what probe() found missing.
    Result copy(const MirrorPlanEntry &entry, const Probe &probe, ImageCopyProgress progress,
                const ProgressCallback &report) const;

private:
    RegistryResult<Manifest> fetchManifest(const ImageReference &from, const QString &digestOrTag) const;
    QString destinationDigest(const ImageReference &destination) const;
    RegistryResult<void> copyBlobs(const ImageReference &source, const ImageReference &destination,
                                   const QList<Descriptor> &blobs, ImageCopyProgress &progress,
                                   const ProgressCallback &report) const;
    RegistryResult<void> placeWaitingBlob(const ImageReference &source, const ImageReference &destination,
                                          const Descriptor &blob, const QString &holder) const;
    QFuture<RegistryResult<QString>> startTransfer(const ImageReference &source, const ImageReference &destination,
                                                   const Descriptor &blob) const;
    // A child of an index, pushed once per run and repository however many indexes name it.
    RegistryResult<void> pushChildManifest(const ImageReference &destination, const Manifest &child) const;
    RegistryResult<void> pushManifest(const ImageReference &destination, const Manifest &manifest,
                                      const QString &tag) const;
    // Resuming: a blob an earlier run placed (or was placing) in this registry is found or mounted, not sent again.
    bool placedInEarlierRun(const ImageReference &destination, const Descriptor &blob, bool mount) const;
    void journalSending(const ImageReference &destination, const Descriptor &blob) const;
    void journalBlob(const ImageReference &destination, const Descriptor &blob) const;
    ImagePuller puller() const;
    // Images whose source is not the cache host are read from registries even when a source cache is set.
    bool readsFromRegistry(const ImageReference &origin) const;
    Context registryContext() const;
    QString ledgerKey(const ImageReference &destination, const Digest &digest) const;
    bool isCancelled() const { return m_context.cancelled && m_context.cancelled->load(); }

    Context m_context;
};
