#include "imagepuller.h"

#include "registry/awaitresult.h"

#include "registry/registriesconf.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>

namespace {
RegistryError notFound(const QString &message)
{
    return RegistryError(RegistryError::Kind::NotFound, message);
}
} // namespace

ImagePuller::ImagePuller(Context context)
    : m_context(context)
{
}

RegistryResult<Manifest> ImagePuller::manifestByDigest(const ImageReference &from, const QString &digest) const
{
    if (m_context.cache) {
        QString error;
        const QByteArray bytes = m_context.cache->readManifest(from.path(), digest, &error);
        if (bytes.isEmpty()) {
            return RegistryResult<Manifest>(notFound(
                QStringLiteral("manifest %1 of %2 is not in the local cache: %3").arg(digest, from.path(), error)));
        }
        QString parseError;
        auto manifest = Manifest::parse(bytes, QString(), &parseError);
        if (!manifest)
            return RegistryResult<Manifest>(RegistryError(RegistryError::Kind::Http, parseError));
        return RegistryResult<Manifest>(*manifest);
    }
    return awaitResult(m_context.client->getManifest(from.withTag(QString()).withDigest(digest)));
}

RegistryResult<ImagePuller::Located> ImagePuller::locate(const ImageReference &origin) const
{
    if (m_context.cache) {
        QString digest = origin.digest();
        if (digest.isEmpty())
            digest = m_context.cache->manifestDigestForTag(origin.path(), origin.tag());
        if (digest.isEmpty()) {
            return RegistryResult<Located>(notFound(
                QStringLiteral("%1 is not in the local cache (was it in the archive?)").arg(origin.toString())));
        }
        const auto manifest = manifestByDigest(origin, digest);
        if (!manifest)
            return RegistryResult<Located>(manifest.error());
        return RegistryResult<Located>(Located{origin, *manifest});
    }

    const auto sources = candidates(origin);
    if (!sources)
        return RegistryResult<Located>(sources.error());
    RegistryError lastError;
    for (const ImageReference &candidate : *sources) {
        auto manifest = awaitResult(m_context.client->getManifest(candidate));
        if (manifest)
            return RegistryResult<Located>(Located{candidate, *manifest});
        lastError = manifest.error();
    }
    return RegistryResult<Located>(lastError);
}

RegistryResult<QList<ImageReference>> ImagePuller::candidates(const ImageReference &origin) const
{
    QList<ImageReference> found{origin};
    if (m_context.registriesConf) {
        QString error;
        const auto sources = m_context.registriesConf->pullSources(origin, &error);
        if (!error.isEmpty())
            return RegistryResult<QList<ImageReference>>(RegistryError(RegistryError::Kind::Http, error));
        if (!sources.isEmpty()) {
            found.clear();
            for (const auto &source : sources) {
                if (source.insecure)
                    m_context.client->setInsecure(source.reference.domain(), true);
                found.append(source.reference);
            }
        }
    }
    return RegistryResult<QList<ImageReference>>(found);
}

RegistryResult<ImagePuller::Resolved> ImagePuller::resolve(const ImageReference &origin) const
{
    if (m_context.cache) {
        QString digest = origin.digest();
        if (digest.isEmpty())
            digest = m_context.cache->manifestDigestForTag(origin.path(), origin.tag());
        if (digest.isEmpty()) {
            return RegistryResult<Resolved>(notFound(
                QStringLiteral("%1 is not in the local cache (was it in the archive?)").arg(origin.toString())));
        }
        return RegistryResult<Resolved>(Resolved{origin, digest});
    }
    const auto sources = candidates(origin);
    if (!sources)
        return RegistryResult<Resolved>(sources.error());
    if (origin.hasDigest()) {
        // The digest is the answer; the first candidate is where a copy would start looking.
        return RegistryResult<Resolved>(Resolved{sources->constFirst(), origin.digest()});
    }
    RegistryError lastError;
    for (const ImageReference &candidate : *sources) {
        const auto head = awaitResult(m_context.client->headManifest(candidate));
        if (head)
            return RegistryResult<Resolved>(Resolved{candidate, head->digest().toString()});
        lastError = head.error();
    }
    return RegistryResult<Resolved>(lastError);
}

RegistryResult<ImagePuller::Pulled> ImagePuller::pull(const ImageReference &origin, const QString &directory,
                                                      const QString &architecture) const
{
    const auto located = locate(origin);
    if (!located)
        return RegistryResult<Pulled>(located.error());
    Pulled pulled{located->reference, located->manifest, located->manifest, {}, {}};
    if (pulled.top.isIndex()) {
        // No architecture asked: linux/amd64 when the index has it, else its first linux image.
        const QString wanted = architecture.isEmpty() ? QStringLiteral("amd64") : architecture;
        QString chosen;
        QString firstLinux;
        for (const Descriptor &child : pulled.top.manifests()) {
            const auto platform = child.platform();
            if (!platform || platform->os != QLatin1String("linux"))
                continue;
            if (firstLinux.isEmpty())
                firstLinux = child.digest().toString();
            if (platform->architecture == wanted) {
                chosen = child.digest().toString();
                break;
            }
        }
        if (chosen.isEmpty() && architecture.isEmpty())
            chosen = firstLinux;
        if (chosen.isEmpty()) {
            return RegistryResult<Pulled>(notFound(
                architecture.isEmpty()
                    ? QStringLiteral("%1 has no linux image in its index").arg(origin.toString())
                    : QStringLiteral("%1 has no linux/%2 image in its index").arg(origin.toString(), architecture)));
        }
        const auto image = manifestByDigest(pulled.reference, chosen);
        if (!image)
            return RegistryResult<Pulled>(image.error());
        pulled.image = *image;
    }
    if (pulled.image.isIndex())
        return RegistryResult<Pulled>(
            notFound(QStringLiteral("%1: nested indexes are not supported here").arg(origin.toString())));

    QDir().mkpath(directory);
    const Descriptor config = pulled.image.config();
    if (m_context.cache) {
        pulled.config = m_context.cache->readBlob(config.digest().toString());
    } else {
        const auto bytes = awaitResult(m_context.client->getBlob(pulled.reference, config));
        if (!bytes)
            return RegistryResult<Pulled>(bytes.error());
        pulled.config = *bytes;
    }
    for (const Descriptor &layer : pulled.image.layers()) {
        if (m_context.cache) {
            pulled.layers << m_context.cache->blobPath(layer.digest().toString());
            continue;
        }
        const QString path = QDir(directory).filePath(layer.digest().encoded());
        if (!QFile::exists(path)) {
            const auto downloaded = awaitResult(m_context.client->downloadBlob(pulled.reference, layer, path));
            if (!downloaded)
                return RegistryResult<Pulled>(downloaded.error());
        }
        pulled.layers << path;
    }
    return RegistryResult<Pulled>(pulled);
}
