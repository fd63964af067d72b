#include "cachedeleter.h"

#include "registry/manifest.h"

#include <QHash>
#include <QLocale>
#include <QSet>

QString CacheDeleter::Result::summary() const
{
    return QStringLiteral("removed %1 tags and %2 manifests from the local cache, swept %3 blobs (%4)")
        .arg(removedTags.size())
        .arg(removedManifests.size())
        .arg(sweep.blobs)
        .arg(QLocale::c().formattedDataSize(sweep.bytes, 1, QLocale::DataSizeTraditionalFormat));
}

CacheDeleter::CacheDeleter(DistributionStore *cache, QString destinationRegistry)
    : m_cache(cache)
    , m_destinationRegistry(std::move(destinationRegistry))
{
    while (m_destinationRegistry.endsWith(QLatin1Char('/')))
        m_destinationRegistry.chop(1);
}

CacheDeleter::Result CacheDeleter::remove(const QList<DeleteImageItem> &items) const
{
    Result result;
    const QString root = m_destinationRegistry + QLatin1Char('/');
    // repository → digests whose tag went and that may go too (with an index's children)
    QHash<QString, QSet<QString>> candidates;
    for (const DeleteImageItem &item : items) {
        QString reference = item.imageReference;
        if (reference.startsWith(QLatin1String("docker://")))
            reference = reference.mid(9);
        if (!reference.startsWith(root))
            continue;
        reference = reference.mid(root.size());
        const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || reference.indexOf(QLatin1Char('/'), colon) >= 0)
            continue;
        const QString repository = reference.left(colon);
        const QString tag = reference.mid(colon + 1);
        const QString digest = m_cache->manifestDigestForTag(repository, tag);
        if (digest.isEmpty())
            continue; // not in the cache
        QString error;
        if (!m_cache->removeTag(repository, tag, &error)) {
            result.errors << error;
            continue;
        }
        result.removedTags << repository + QLatin1Char(':') + tag;
        candidates[repository].insert(digest);
        if (const auto manifest = Manifest::parse(m_cache->readBlob(digest), QString())) {
            for (const Descriptor &child : manifest->manifests())
                candidates[repository].insert(child.digest().toString());
        }
    }

    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        const QString &repository = it.key();
        // What the remaining tags of the repository still need.
        QHash<QString, QString> needed;
        for (const QString &tag : m_cache->tags(repository)) {
            const QString digest = m_cache->manifestDigestForTag(repository, tag);
            const QString keeper = repository + QLatin1Char(':') + tag;
            needed.insert(digest, keeper);
            if (const auto manifest = Manifest::parse(m_cache->readBlob(digest), QString())) {
                for (const Descriptor &child : manifest->manifests())
                    needed.insert(child.digest().toString(), keeper);
            }
        }
        QStringList digests(it.value().cbegin(), it.value().cend());
        digests.sort();
        for (const QString &digest : std::as_const(digests)) {
            const QString name = repository + QLatin1Char('@') + digest;
            if (needed.contains(digest)) {
                result.keptManifests << name + QStringLiteral(" (needed by %1)").arg(needed.value(digest));
                continue;
            }
            if (!m_cache->hasManifest(repository, digest))
                continue;
            QString error;
            if (m_cache->removeManifestRevision(repository, digest, &error))
                result.removedManifests << name;
            else
                result.errors << error;
        }
    }
    result.sweep = m_cache->sweepUnreferencedBlobs();
    result.errors << result.sweep.errors;
    return result;
}
