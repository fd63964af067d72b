#include "imagecopier.h"

#include "destinationtagindex.h"
#include "plan/destinationnamer.h"

#include "registry/awaitresult.h"

#include "imagepuller.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace {
RegistryError copyError(const QString &message)
{
    return RegistryError(RegistryError::Kind::Http, message);
}
} // namespace

ImageCopier::ImageCopier(Context context)
    : m_context(context)
{
}

QString ImageCopier::ledgerKey(const ImageReference &destination, const Digest &digest) const
{
    const QString place = m_context.destinationCache ? QStringLiteral("cache") : destination.domain();
    return place + QLatin1Char('|') + digest.toString();
}

RegistryResult<Manifest> ImageCopier::fetchManifest(const ImageReference &from, const QString &digest) const
{
    return puller().manifestByDigest(from, digest);
}

ImagePuller ImageCopier::puller() const
{
    return ImagePuller({m_context.client, m_context.registriesConf, m_context.sourceCache});
}

QString ImageCopier::destinationDigest(const ImageReference &destination) const
{
    if (m_context.destinationCache)
        return m_context.destinationCache->manifestDigestForTag(destination.path(), destination.tag());
    const auto head = awaitResult(m_context.client->headManifest(destination));
    return head ? head->digest().toString() : QString();
}

QFuture<RegistryResult<QString>> ImageCopier::startTransfer(const ImageReference &source,
                                                            const ImageReference &destination,
                                                            const Descriptor &blob) const
{
    const QString holder = destination.repository();
    auto toHolder = [holder](const RegistryResult<BlobTransfer::Outcome> &result) -> RegistryResult<QString> {
        if (!result)
            return RegistryResult<QString>(result.error());
        return RegistryResult<QString>(holder);
    };
    if (m_context.destinationCache) {
        const QString path = m_context.destinationCache->blobPath(blob.digest().toString());
        QDir().mkpath(QFileInfo(path).absolutePath());
        return m_context.client->downloadBlob(source, blob, path).then(toHolder);
    }
    if (m_context.sourceCache) {
        return m_context.client
            ->uploadBlob(m_context.sourceCache->blobPath(blob.digest().toString()), destination, blob)
            .then(toHolder);
    }
    return m_context.client->copyBlob(source, destination, blob).then(toHolder);
}

RegistryResult<void> ImageCopier::placeWaitingBlob(const ImageReference &source, const ImageReference &destination,
                                                   const Descriptor &blob, const QString &holder) const
{
    if (m_context.destinationCache) {
        QString error;
        if (!m_context.destinationCache->hasBlob(blob.digest().toString())) {
            const auto transferred = awaitResult(startTransfer(source, destination, blob));
            if (!transferred)
                return RegistryResult<void>(transferred.error());
        }
        if (!m_context.destinationCache->linkBlob(destination.path(), blob.digest().toString(), &error))
            return RegistryResult<void>(copyError(error));
        return RegistryResult<void>::success();
    }
    if (holder == destination.repository() || placedInEarlierRun(destination, blob, false))
        return RegistryResult<void>::success();
    // Several images of one repository may wait for the same blob. Only one of them places it there: a registry
    // rewrites the repository's link on every mount, and a manifest checked while that happens is refused.
    const QString repositoryKey = destination.repository() + QLatin1Char('|') + blob.digest().toString();
    BlobLedger::Claim placement = m_context.ledger->claim(repositoryKey);
    if (!placement.owner) {
        placement.holder.waitForFinished();
        if (placement.holder.resultCount() > 0 && placement.holder.result() == destination.repository())
            return RegistryResult<void>::success();
        placement = m_context.ledger->claim(repositoryKey); // the other image failed: try again ourselves
    }
    if (!holder.isEmpty()) {
        if (const auto from = ImageReference::parse(holder)) {
            journalSending(destination, blob); // a mount the registry made may never be reported back to us
            const auto mounted = awaitResult(m_context.client->mountBlob(*from, destination, blob.digest()));
            if (mounted && *mounted) {
                if (placement.owner)
                    m_context.ledger->resolve(repositoryKey, destination.repository());
                journalBlob(destination, blob);
                return RegistryResult<void>::success();
            }
        }
    }
    journalSending(destination, blob);
    const auto transferred = awaitResult(startTransfer(source, destination, blob));
    if (placement.owner)
        m_context.ledger->resolve(repositoryKey, transferred ? destination.repository() : QString());
    if (!transferred)
        return RegistryResult<void>(transferred.error());
    journalBlob(destination, blob);
    return RegistryResult<void>::success();
}

void ImageCopier::journalBlob(const ImageReference &destination, const Descriptor &blob) const
{
    if (m_context.journal && !m_context.destinationCache)
        m_context.journal->recordBlob(destination.domain(), destination.repository(), blob.digest().toString());
}

void ImageCopier::journalSending(const ImageReference &destination, const Descriptor &blob) const
{
    if (m_context.journal && !m_context.destinationCache)
        m_context.journal->recordBlobSending(destination.domain(), destination.repository(), blob.digest().toString());
}

bool ImageCopier::placedInEarlierRun(const ImageReference &destination, const Descriptor &blob, bool mount) const
{
    // After a killed run the journal names the repositories of this registry a blob reached or was being sent to.
    // One here is confirmed with a HEAD, one elsewhere is mounted from there: one request instead of the whole blob.
    // The registry has the last word, so a blob that has gone since is simply sent again.
    if (!m_context.journal || m_context.destinationCache)
        return false;
    const QStringList repositories =
        m_context.journal->blobRepositories(destination.domain(), blob.digest().toString());
    if (repositories.contains(destination.repository())) {
        const auto exists = awaitResult(m_context.client->blobExists(destination, blob.digest()));
        if (exists && *exists) {
            journalBlob(destination, blob);
            return true;
        }
    }
    if (!mount)
        return false;
    int attempts = 0;
    for (const QString &holder : repositories) {
        if (holder == destination.repository() || ++attempts > 2)
            continue;
        const auto from = ImageReference::parse(holder);
        if (!from)
            continue;
        journalSending(destination, blob);
        const auto mounted = awaitResult(m_context.client->mountBlob(*from, destination, blob.digest()));
        if (mounted && *mounted) {
            journalBlob(destination, blob);
            return true;
        }
    }
    return false;
}

RegistryResult<void> ImageCopier::copyBlobs(const ImageReference &source, const ImageReference &destination,
                                            const QList<Descriptor> &blobs, ImageCopyProgress &progress,
                                            const ProgressCallback &report) const
{
    struct Owned
    {
        QFuture<RegistryResult<QString>> future;
        Descriptor blob;
    };
    struct Waiting
    {
        QFuture<QString> holder;
        Descriptor blob;
    };
    QList<Owned> owned;
    QList<Waiting> waiting;
    RegistryError firstError;

    auto blobDone = [&](const Descriptor &blob) {
        ++progress.blobsDone;
        progress.bytesDone += std::max<qint64>(0, blob.size());
        if (report)
            report(progress);
    };
    auto collect = [&](const Owned &transfer) {
        auto result = awaitResult(transfer.future);
        if (!result) {
            if (!firstError.isError())
                firstError = result.error();
            return;
        }
        if (m_context.destinationCache) {
            QString error;
            if (!m_context.destinationCache->linkBlob(destination.path(), transfer.blob.digest().toString(), &error)) {
                firstError = copyError(error);
                return;
            }
        }
        journalBlob(destination, transfer.blob);
        blobDone(transfer.blob);
    };

    for (const Descriptor &blob : blobs) {
        if (isCancelled())
            return RegistryResult<void>(copyError(QStringLiteral("cancelled")));
        if (m_context.destinationCache && m_context.destinationCache->hasBlob(blob.digest().toString())) {
            QString error;
            if (!m_context.destinationCache->linkBlob(destination.path(), blob.digest().toString(), &error))
                return RegistryResult<void>(copyError(error));
            blobDone(blob);
            continue;
        }
        const QString key = ledgerKey(destination, blob.digest());
        const BlobLedger::Claim claim = m_context.ledger->claim(key);
        if (!claim.owner) {
            waiting.append({claim.holder, blob});
            continue;
        }
        while (owned.size() >= std::max(1, m_context.parallelLayers)) {
            collect(owned.takeFirst());
            if (firstError.isError())
                break;
        }
        if (firstError.isError())
            break;
        if (placedInEarlierRun(destination, blob, true)) {
            m_context.ledger->resolve(key, destination.repository());
            blobDone(blob);
            continue;
        }
        journalSending(destination, blob);
        // The claim is settled as soon as the transfer ends, whatever this thread is doing then.
        BlobLedger *ledger = m_context.ledger;
        auto future = startTransfer(source, destination, blob).then([ledger, key](RegistryResult<QString> result) {
            ledger->resolve(key, result ? *result : QString());
            return result;
        });
        owned.append({future, blob});
        if (firstError.isError())
            break;
    }
    while (!owned.isEmpty())
        collect(owned.takeFirst());
    if (firstError.isError())
        return RegistryResult<void>(firstError);

    for (Waiting &wait : waiting) {
        if (isCancelled())
            return RegistryResult<void>(copyError(QStringLiteral("cancelled")));
        wait.holder.waitForFinished();
        const QString holder = wait.holder.resultCount() > 0 ? wait.holder.result() : QString();
        const auto placed = placeWaitingBlob(source, destination, wait.blob, holder);
        if (!placed)
            return placed;
        blobDone(wait.blob);
    }
    return RegistryResult<void>::success();
}

RegistryResult<void> ImageCopier::pushManifest(const ImageReference &destination, const Manifest &manifest,
                                               const QString &tag) const
{
    if (m_context.destinationCache) {
        QString error;
        if (m_context.destinationCache->putManifest(destination.path(), manifest.bytes(), tag, &error).isEmpty())
            return RegistryResult<void>(copyError(error));
        return RegistryResult<void>::success();
    }
    const ImageReference target = tag.isEmpty()
                                      ? destination.withTag(QString()).withDigest(manifest.digest().toString())
                                      : destination.withDigest(QString()).withTag(tag);
    const auto pushed = awaitResult(m_context.client->putManifest(target, manifest));
    if (!pushed)
        return RegistryResult<void>(pushed.error());
    return RegistryResult<void>::success();
}

RegistryResult<void> ImageCopier::pushChildManifest(const ImageReference &destination, const Manifest &child) const
{
    // Indexes in one repository often share children (consecutive releases, the components of a multi-arch
    // release). Only one image pushes each child there: a registry rewrites the child's link on every push, and an
    // index whose children are checked while that happens is refused (MANIFEST_BLOB_UNKNOWN).
    const QString key = ledgerKey(destination, child.digest()) + QLatin1Char('|') + destination.repository();
    BlobLedger::Claim claim = m_context.ledger->claim(key);
    if (!claim.owner) {
        claim.holder.waitForFinished();
        if (claim.holder.resultCount() > 0 && claim.holder.result() == destination.repository())
            return RegistryResult<void>::success();
        claim = m_context.ledger->claim(key); // the other image failed: try again ourselves
    }
    const auto pushed = pushManifest(destination, child, QString());
    if (claim.owner)
        m_context.ledger->resolve(key, pushed ? destination.repository() : QString());
    return pushed;
}

bool ImageCopier::readsFromRegistry(const ImageReference &origin) const
{
    // Only images whose source is the cache are read from it (rebuilt catalogs in mirrorToMirror).
    return m_context.sourceCache && !m_context.cacheRegistry.isEmpty() && origin.domain() != m_context.cacheRegistry;
}

ImageCopier::Context ImageCopier::registryContext() const
{
    Context fromRegistry = m_context;
    fromRegistry.sourceCache = nullptr;
    return fromRegistry;
}

ImageCopier::Result ImageCopier::copy(const MirrorPlanEntry &entry, ImageCopyProgress progress,
                                      const ProgressCallback &report) const
{
    const Probe probed = probe(entry);
    if (!probed.needsCopy()) {
        Result result;
        result.outcome = probed.outcome;
        result.error = probed.error;
        result.digest = probed.presentDigest;
        return result;
    }
    return copy(entry, probed, progress, report);
}

ImageCopier::Probe ImageCopier::probe(const MirrorPlanEntry &entry) const
{
    Probe probe;
    auto fail = [&](const QString &message) {
        probe.outcome = Outcome::Failed;
        probe.error = message;
        return probe;
    };
    auto present = [&]() {
        probe.outcome = Outcome::AlreadyPresent;
        return probe;
    };
    // Present and confirmed against the source in this run: a rerun after a kill trusts it without asking again.
    auto confirmedPresent = [&](const QString &digest) {
        probe.presentDigest = digest;
        if (m_context.journal)
            m_context.journal->recordFinished(entry.destination, digest);
        return present();
    };
    QString parseError;
    const auto origin = ImageReference::parse(entry.effectiveSource(), &parseError);
    if (!origin)
        return fail(parseError);
    const auto destination = ImageReference::parse(entry.destination, &parseError);
    if (!destination)
        return fail(parseError);
    if (readsFromRegistry(*origin))
        return ImageCopier(registryContext()).probe(entry);
    if (!destination->hasTag())
        return fail(QStringLiteral("destination %1 has no tag").arg(entry.destination));

    bool askDestination = true;
    if (origin->hasDigest() && m_context.destinationTags && !m_context.destinationCache) {
        // A by-digest origin asks its repository's tag list (one request for all its images) first. An unlisted
        // tag needs no HEAD. A listed `sha256-<hex>` tag is this very image; any other listed tag (a release's
        // component tag, a targetTag) may name other content, so the HEAD below still compares digests.
        switch (m_context.destinationTags->find(*destination)) {
        case DestinationTagIndex::Answer::Listed:
            if (destination->tag() == DestinationNamer::destinationTag(origin->withTag(QString()))) {
                return confirmedPresent(origin->digest());
            }
            break;
        case DestinationTagIndex::Answer::NotListed:
            askDestination = false;
            break;
        case DestinationTagIndex::Answer::Unknown:
            break;
        }
    }
    if (askDestination)
        probe.presentDigest = destinationDigest(*destination);
    if (!probe.presentDigest.isEmpty()) {
        const QString journalled = m_context.journal ? m_context.journal->finishedDigest(entry.destination) : QString();
        // The journal only holds images of a run that did not finish: they came from the source in that run.
        if (probe.presentDigest == journalled || probe.presentDigest == origin->digest())
            return present();
        if (!origin->hasDigest()) {
            // The tag may have moved at the source: a HEAD tells, without pulling the manifest.
            const auto resolved = puller().resolve(*origin);
            if (resolved) {
                probe.source = resolved->reference;
                probe.sourceDigest = resolved->digest;
                if (probe.sourceDigest == probe.presentDigest)
                    return confirmedPresent(probe.presentDigest);
                probe.outcome = Outcome::Copied;
                return probe;
            }
            // A registry that answers HEAD without a digest (or not at all) still gets a GET below.
        }
    }

    const auto located = puller().locate(*origin);
    if (!located)
        return fail(located.error().toString());
    probe.source = located->reference;
    probe.sourceDigest = located->manifest.digest().toString();
    probe.manifest = located->manifest;
    if (probe.presentDigest == probe.sourceDigest)
        return confirmedPresent(probe.presentDigest);
    probe.outcome = Outcome::Copied;
    return probe;
}

ImageCopier::Result ImageCopier::copy(const MirrorPlanEntry &entry, const Probe &probe, ImageCopyProgress progress,
                                      const ProgressCallback &report) const
{
    Result result;
    auto fail = [&](const QString &message) {
        result.outcome = Outcome::Failed;
        result.error = message;
        return result;
    };
    if (!probe.needsCopy()) {
        result.outcome = probe.outcome;
        result.error = probe.error;
        result.digest = probe.presentDigest;
        return result;
    }
    QString parseError;
    const auto origin = ImageReference::parse(entry.effectiveSource(), &parseError);
    if (!origin)
        return fail(parseError);
    const auto destination = ImageReference::parse(entry.destination, &parseError);
    if (!destination)
        return fail(parseError);
    if (readsFromRegistry(*origin))
        return ImageCopier(registryContext()).copy(entry, probe, progress, report);

    Manifest top;
    if (probe.manifest) {
        top = *probe.manifest;
    } else {
        // By digest from where the probe found it: the bytes are verified, and a tag that moves now changes nothing.
        const auto fetched = fetchManifest(probe.source, probe.sourceDigest);
        if (!fetched)
            return fail(fetched.error().toString());
        top = *fetched;
    }
    const ImageReference sourceReference = probe.source;

    // Children of an index (and of nested indexes) in the order they must be pushed: deepest first.
    QList<Manifest> children;
    QList<Descriptor> blobs;
    QSet<QString> seenBlobs;
    auto addBlobs = [&](const Manifest &manifest) {
        for (const Descriptor &blob : manifest.blobs()) {
            if (!seenBlobs.contains(blob.digest().toString())) {
                seenBlobs.insert(blob.digest().toString());
                blobs.append(blob);
            }
        }
    };
    std::function<QString(const Manifest &, int)> gather = [&](const Manifest &manifest, int depth) -> QString {
        if (!manifest.isIndex()) {
            addBlobs(manifest);
            return {};
        }
        if (depth > 4)
            return QStringLiteral("indexes nested too deeply in %1").arg(origin->toString());
        for (const Descriptor &child : manifest.manifests()) {
            const auto fetched = fetchManifest(sourceReference, child.digest().toString());
            if (!fetched)
                return fetched.error().toString();
            const QString error = gather(*fetched, depth + 1);
            if (!error.isEmpty())
                return error;
            children.append(*fetched);
        }
        return {};
    };
    const QString gatherError = gather(top, 0);
    if (!gatherError.isEmpty())
        return fail(gatherError);

    progress.state = ImageCopyProgress::State::Copying;
    progress.blobsTotal = static_cast<int>(blobs.size());
    progress.bytesTotal = 0;
    for (const Descriptor &blob : std::as_const(blobs))
        progress.bytesTotal += std::max<qint64>(0, blob.size());
    if (report)
        report(progress);

    const auto copied = copyBlobs(sourceReference, *destination, blobs, progress, report);
    if (!copied)
        return fail(copied.error().toString());
    for (const Manifest &child : std::as_const(children)) {
        if (isCancelled())
            return fail(QStringLiteral("cancelled"));
        const auto pushed = pushChildManifest(*destination, child);
        if (!pushed)
            return fail(pushed.error().toString());
    }
    const auto pushed = pushManifest(*destination, top, destination->tag());
    if (!pushed)
        return fail(pushed.error().toString());

    result.outcome = Outcome::Copied;
    result.digest = top.digest().toString();
    result.bytesCopied = progress.bytesDone;
    if (m_context.journal)
        m_context.journal->recordFinished(entry.destination, result.digest);
    return result;
}
