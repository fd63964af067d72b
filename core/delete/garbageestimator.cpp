#include "garbageestimator.h"

#include "registry/awaitresult.h"

#include "registry/imagereference.h"
#include "registry/registryclient.h"

#include <QLocale>
#include <QThreadPool>
#include <QtConcurrent>

QString GarbageEstimator::Estimate::toString() const
{
    if (!error.isEmpty())
        return QStringLiteral("no estimate of the space a garbage collection frees: %1").arg(error);
    QString text = QStringLiteral("a garbage collection of the registry would free about %1 (%2 bytes in %3 blobs)")
                       .arg(QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat))
                       .arg(bytes)
                       .arg(blobs);
    if (!allRepositories && repositoriesListed > 0)
        text += QStringLiteral(", at most: the registry holds %1 repositories, too many to read for an estimate, so "
                               "only the %2 affected repositories were read and blobs other repositories share are "
                               "counted as freed")
                    .arg(repositoriesListed)
                    .arg(repositoriesRead);
    else if (!allRepositories)
        text += QStringLiteral(", at most: the registry does not list its repositories, so only the %1 affected "
                               "repositories were read and blobs other repositories share are counted as freed")
                    .arg(repositoriesRead);
    if (unknownSizes > 0)
        text += QStringLiteral(", plus %1 blobs of unknown size").arg(unknownSizes);
    return text;
}

GarbageEstimator::GarbageEstimator(RegistryClient *client, QString registry, int parallel)
    : m_client(client)
    , m_registry(std::move(registry))
    , m_parallel(std::max(1, parallel))
{
}

void GarbageEstimator::recordDeleting(const QString &repository, const Manifest &manifest)
{
    QMutexLocker locker(&m_mutex);
    m_deleted.insert(repository + QLatin1Char('@') + manifest.digest().toString(), {repository, manifest, false});
}

void GarbageEstimator::confirmDeleted(const QString &repository, const QString &digest)
{
    QMutexLocker locker(&m_mutex);
    auto it = m_deleted.find(repository + QLatin1Char('@') + digest);
    if (it != m_deleted.end())
        it->confirmed = true;
}

GarbageEstimator::Estimate GarbageEstimator::estimate(const QStringList &affectedRepositories) const
{
    return run(affectedRepositories, false);
}

GarbageEstimator::Estimate GarbageEstimator::predict(const QStringList &affectedRepositories) const
{
    return run(affectedRepositories, true);
}

GarbageEstimator::Estimate GarbageEstimator::run(const QStringList &affectedRepositories, bool predicted) const
{
    Estimate estimate;
    QHash<QString, Deleted> deleted;
    {
        QMutexLocker locker(&m_mutex);
        for (auto it = m_deleted.cbegin(); it != m_deleted.cend(); ++it) {
            if (it->confirmed || predicted)
                deleted.insert(it.key(), it.value());
        }
    }

    QStringList repositories;
    const auto listed = awaitResult(m_client->listRepositories(m_registry));
    if (listed && listed->size() > m_repositoryLimit) {
        estimate.repositoriesListed = static_cast<int>(listed->size());
        repositories = affectedRepositories;
    } else if (listed) {
        repositories = *listed;
        estimate.allRepositories = true;
    } else {
        repositories = affectedRepositories;
    }
    repositories.removeDuplicates();
    estimate.repositoriesRead = static_cast<int>(repositories.size());

    // What the collection would mark: every remaining manifest and what it references.
    QSet<QString> marked;
    QSet<QString> fetched; // "repository@digest" already read
    QMutex mutex;
    QStringList failures;
    QThreadPool pool;
    pool.setMaxThreadCount(m_parallel);

    auto markManifest = [&](const Manifest &manifest) {
        marked.insert(manifest.digest().toString());
        for (const Descriptor &blob : manifest.blobs())
            marked.insert(blob.digest().toString());
        for (const Descriptor &child : manifest.manifests())
            marked.insert(child.digest().toString());
    };

    // Repositories → (repository, tag) pairs.
    QList<QPair<QString, QString>> tagged;
    QtConcurrent::blockingMap(&pool, repositories, [&](const QString &repository) {
        const auto reference = ImageReference::parse(m_registry + QLatin1Char('/') + repository);
        if (!reference)
            return;
        const auto tags = awaitResult(m_client->listTags(*reference));
        QMutexLocker locker(&mutex);
        if (!tags) {
            if (tags.error().kind() != RegistryError::Kind::NotFound)
                failures << tags.error().toString();
            return;
        }
        for (const QString &tag : *tags)
            tagged.append({repository, tag});
    });

    // Index children are fetched too (they are revisions of the same repository); so are the children of deleted
    // indexes that were not deleted themselves, which stay as untagged revisions.
    QList<QPair<QString, QString>> pending; // (repository, digest) to read
    auto readOne = [&](const QString &repository, const QString &tagOrDigest, bool isDigest) {
        const auto base = ImageReference::parse(m_registry + QLatin1Char('/') + repository);
        if (!base)
            return;
        const ImageReference reference =
            isDigest ? base->withTag(QString()).withDigest(tagOrDigest) : base->withTag(tagOrDigest);
        const auto manifest = awaitResult(m_client->getManifest(reference));
        QMutexLocker locker(&mutex);
        if (!manifest) {
            // A tag removed meanwhile, or an index child that was deleted: its digest was marked by its parent.
            if (manifest.error().kind() != RegistryError::Kind::NotFound)
                failures << manifest.error().toString();
            return;
        }
        const QString key = repository + QLatin1Char('@') + manifest->digest().toString();
        // Still there before a predicted deletion, but not after it.
        if (predicted && deleted.contains(key))
            return;
        fetched.insert(key);
        markManifest(*manifest);
        for (const Descriptor &child : manifest->manifests())
            pending.append({repository, child.digest().toString()});
    };
    QtConcurrent::blockingMap(&pool, tagged,
                              [&](const QPair<QString, QString> &entry) { readOne(entry.first, entry.second, false); });
    for (const Deleted &gone : std::as_const(deleted)) {
        for (const Descriptor &child : gone.manifest.manifests()) {
            if (!deleted.contains(gone.repository + QLatin1Char('@') + child.digest().toString()))
                pending.append({gone.repository, child.digest().toString()});
        }
    }
    while (!pending.isEmpty()) {
        QList<QPair<QString, QString>> batch;
        for (const auto &entry : std::as_const(pending)) {
            const QString key = entry.first + QLatin1Char('@') + entry.second;
            if (!fetched.contains(key) && !deleted.contains(key)) {
                fetched.insert(key);
                batch.append(entry);
            }
        }
        pending.clear();
        QtConcurrent::blockingMap(
            &pool, batch, [&](const QPair<QString, QString> &entry) { readOne(entry.first, entry.second, true); });
    }
    if (!failures.isEmpty()) {
        estimate.error = failures.first();
        return estimate;
    }

    // Sweep: what the deleted manifests referenced and nothing remaining does.
    QHash<QString, qint64> candidates;
    for (const Deleted &gone : std::as_const(deleted)) {
        candidates.insert(gone.manifest.digest().toString(), gone.manifest.size());
        for (const Descriptor &blob : gone.manifest.blobs())
            candidates.insert(blob.digest().toString(), blob.size());
    }
    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        if (marked.contains(it.key()))
            continue;
        ++estimate.blobs;
        if (it.value() < 0)
            ++estimate.unknownSizes;
        else
            estimate.bytes += it.value();
    }
    return estimate;
}
