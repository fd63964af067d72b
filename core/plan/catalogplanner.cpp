#include "catalogplanner.h"

#include "workspace/atomicfilewriter.h"

#include "archive/layerextractor.h"
#include "copy/imagecopier.h"
#include "copy/imagepuller.h"
#include "operators/catalogfilter.h"
#include "operators/catalogimagebuilder.h"
#include "operators/fbcloader.h"
#include "operators/fbcwriter.h"
#include "operators/filterid.h"
#include "operators/filterspec.h"
#include "operators/operatorcollector.h"
#include "registry/ociimagelayout.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
QString configsPath(const QByteArray &configJson)
{
    const QJsonObject config = QJsonDocument::fromJson(configJson).object().value(QStringLiteral("config")).toObject();
    const QString label =
        config.value(QStringLiteral("Labels")).toObject().value(QString(CatalogImageBuilder::ConfigsLabel)).toString();
    return label.isEmpty() ? QStringLiteral("/configs") : label;
}

bool wantsWholeCatalog(const OperatorCatalog &catalog)
{
    return catalog.full.value_or(false) && catalog.packages.isEmpty();
}

QString readDigestFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
}
} // namespace

CatalogPlanner::CatalogPlanner(Options options)
    : m_options(std::move(options))
{
}

CatalogPlanner::LayoutName CatalogPlanner::layoutName(const OperatorCatalog &catalog)
{
    LayoutName name;
    QString path = catalog.catalog.mid(int(qstrlen("oci://")));
    if (path.isEmpty()) {
        name.error = QStringLiteral("the oci:// reference names no directory: expected oci:///absolute/path");
        return name;
    }
    name.path = QDir::cleanPath(QDir(path).absolutePath());
    name.repository = catalog.targetCatalog.value_or(QString());
    if (name.repository.isEmpty())
        name.repository = QFileInfo(name.path).fileName();
    name.tag = catalog.targetTag.value_or(QString());
    if (name.tag.isEmpty())
        name.tag = QStringLiteral("latest");
    if (!DistributionStore::isValidRepository(name.repository)) {
        name.error = catalog.targetCatalog.value_or(QString()).isEmpty()
                         ? QStringLiteral("the layout directory's name \"%1\" cannot be a repository name (lowercase "
                                          "letters, digits and . _ - separators): set targetCatalog")
                               .arg(name.repository)
                         : QStringLiteral("targetCatalog \"%1\" is not a valid repository name").arg(name.repository);
    } else if (!DistributionStore::isValidTag(name.tag)) {
        name.error = QStringLiteral("targetTag \"%1\" is not a valid tag").arg(name.tag);
    }
    return name;
}

CatalogPlanner::Result CatalogPlanner::plan(const OperatorCatalog &catalog, const ImagePuller &puller,
                                            const QStringList &destinationRoots) const
{
    Result result;
    auto fail = [&](const QString &error) {
        result.errors << QStringLiteral("catalog %1: %2").arg(catalog.catalog, error);
        return result;
    };

    // An oci:// catalog has no registry: it lives in the cache under its destination name, imported from the layout
    // by mirrorToDisk and mirrorToMirror, and found there again by diskToMirror (the archive carries the cache).
    const bool fromLayout = catalog.isOciLayout();
    const ImagePuller cachePuller({m_options.client, nullptr, m_options.cache});
    const ImagePuller &reader = fromLayout ? cachePuller : puller;
    std::optional<ImageReference> origin;
    ImageReference readFrom;
    QString cacheRepository;
    QString layoutDigest;
    std::optional<OciImageLayout> layout;
    if (fromLayout) {
        const auto name = layoutName(catalog);
        if (!name.error.isEmpty())
            return fail(name.error);
        cacheRepository = name.repository;
        readFrom = *ImageReference::parse(m_options.cacheRoot + QLatin1Char('/') + name.repository + QLatin1Char(':') +
                                          name.tag);
        if (!m_options.offline) {
            QString error;
            layout = OciImageLayout::open(name.path, &error);
            if (!layout)
                return fail(error);
            if (layout->isCollapsed()) {
                // Collapsing only makes sense for the platforms of one image, not for several tagged images.
                QStringList untagged;
                for (const Descriptor &child : layout->image().manifests()) {
                    if (!child.platform())
                        untagged << child.annotations().value(OciImageLayout::RefNameAnnotation,
                                                              child.digest().toString());
                }
                if (!untagged.isEmpty())
                    return fail(QStringLiteral("%1/index.json lists several images, and %2 without a platform: a "
                                               "catalog layout must hold one image (one entry, or one entry per "
                                               "platform)")
                                    .arg(name.path, untagged.join(QStringLiteral(", "))));
            }
            layoutDigest = layout->importInto(*m_options.cache, name.repository, name.tag, &error);
            if (layoutDigest.isEmpty())
                return fail(QStringLiteral("cannot store the catalog in the local cache: %1").arg(error));
        }
    } else {
        QString parseError;
        origin = ImageReference::parse(catalog.catalog, &parseError);
        if (!origin)
            return fail(parseError);
        cacheRepository = origin->path();
        // Offline the catalog is read where the archive put it: the cache, under its own path and tag.
        readFrom = m_options.offline ? origin->withDomain(m_options.cacheRoot) : *origin;
    }

    const auto located = reader.locate(readFrom);
    if (!located)
        return fail(located.error().toString());
    const QString catalogDigest = located->manifest.digest().toString();
    const QString catalogDir = QDir(m_options.workingDirectory)
                                   .filePath(QStringLiteral("operator-catalogs/%1/%2")
                                                 .arg(cacheRepository, catalogDigest.section(QLatin1Char(':'), 1)));
    if (layout) {
        // The workspace keeps the layout as oc-mirror does (multi-manifest index.json collapsed), without the layers:
        // they are in the cache already, and the archive would otherwise carry them twice.
        QString error;
        const QString imageDir = catalogDir + QStringLiteral("/catalog-image");
        QDir(imageDir).removeRecursively();
        if (!layout->writeMetadataLayout(imageDir, &error))
            return fail(error);
    }
    // Every platform of a catalog image carries the same /configs: any one will do (an arm64-only catalog too).
    const auto pulled = reader.pull(readFrom, catalogDir + QStringLiteral("/catalog-image/blobs"), QString());
    if (!pulled)
        return fail(pulled.error().toString());

    const QString configDir = catalogDir + QStringLiteral("/catalog-config");
    QDir(configDir).removeRecursively();
    LayerExtractor extractor(configsPath(pulled->config), configDir);
    for (const QString &layer : pulled->layers) {
        QString error;
        if (!extractor.extractLayer(layer, &error))
            return fail(error);
    }
    QString loadError;
    const auto fbc = FbcLoader::load(configDir, &loadError);
    if (!fbc)
        return fail(loadError);

    const FilterSpec spec = FilterSpec::fromOperatorCatalog(catalog);
    const CatalogFilterResult filtered = CatalogFilter::filter(*fbc, spec);
    result.warnings << filtered.warnings;
    if (!filtered.isOk())
        return fail(filtered.error);

    OperatorCollector::CatalogInput input;
    input.catalog = catalog.catalog;
    input.targetCatalog = catalog.targetCatalog.value_or(QString());
    input.targetTag = catalog.targetTag.value_or(QString());

    if (!wantsWholeCatalog(catalog)) {
        const QString filterId = FilterId::compute(catalog, catalogDigest);
        const QString rebuiltTag = filterId;
        const QString digestFile = catalogDir + QStringLiteral("/filtered-catalogs/%1/digest").arg(filterId);
        QString rebuiltDigest = m_options.cache->manifestDigestForTag(cacheRepository, rebuiltTag);
        // A layout's filter ID names its path, not its content: a rebuild in the cache is reused only when this
        // very catalog (its digest is in catalogDir) recorded it.
        if (fromLayout && !m_options.offline && !rebuiltDigest.isEmpty() &&
            readDigestFile(digestFile) != rebuiltDigest.section(QLatin1Char(':'), 1))
            rebuiltDigest.clear();
        if (rebuiltDigest.isEmpty()) {
            if (m_options.offline)
                return fail(QStringLiteral("the rebuilt catalog %1:%2 is not in the local cache")
                                .arg(cacheRepository, rebuiltTag));
            const QString filteredDir =
                catalogDir + QStringLiteral("/filtered-catalogs/%1/catalog-config").arg(filterId);
            QDir(filteredDir).removeRecursively();
            QString error;
            if (!FbcWriter::write(filtered.catalog, filteredDir, &error))
                return fail(error);

            // The original image goes into the cache first: the rebuilt one shares its layers. (A layout's image
            // is there already.)
            if (!fromLayout) {
                MirrorPlanEntry original;
                original.origin = catalog.catalog;
                original.source = located->reference.toString();
                // Under the catalog's own tag, so that diskToMirror finds the original (and so the same filter ID).
                original.destination =
                    m_options.cacheRoot + QLatin1Char('/') + cacheRepository + QLatin1Char(':') +
                    (origin->hasTag() ? origin->tag()
                                      : QStringLiteral("sha256-") + catalogDigest.section(QLatin1Char(':'), 1));
                original.kind = ImageKind::OperatorCatalog;
                BlobLedger ledger;
                ImageCopier copier(
                    {m_options.client, nullptr, QString(), m_options.cache, nullptr, &ledger, nullptr, 5, nullptr});
                const auto copied = copier.copy(original, ImageCopyProgress{}, {});
                if (copied.outcome == ImageCopier::Outcome::Failed)
                    return fail(QStringLiteral("cannot store the catalog image in the cache: %1").arg(copied.error));
            }

            QList<CatalogImageBuilder::SourceManifest> manifests;
            QByteArray sourceIndex;
            auto addManifest = [&](const Manifest &manifest) {
                manifests.append({manifest.bytes(), m_options.cache->readBlob(manifest.config().digest().toString())});
            };
            if (located->manifest.isIndex()) {
                sourceIndex = located->manifest.bytes();
                for (const Descriptor &child : located->manifest.manifests()) {
                    const auto childManifest = reader.manifestByDigest(located->reference, child.digest().toString());
                    if (!childManifest)
                        return fail(childManifest.error().toString());
                    addManifest(*childManifest);
                }
            } else {
                addManifest(located->manifest);
            }
            CatalogImageBuilder builder;
            if (!builder.setCatalogDirectory(filteredDir, &error))
                return fail(error);
            const auto rebuilt = builder.build(sourceIndex, manifests, &error);
            if (!rebuilt)
                return fail(error);
            for (const auto &blob : rebuilt->layers + rebuilt->configs) {
                if (m_options.cache->putBlob(blob.data, &error).isEmpty())
                    return fail(error);
            }
            for (const auto &manifest : rebuilt->manifests) {
                if (m_options.cache->putManifest(cacheRepository, manifest.data, QString(), &error).isEmpty())
                    return fail(error);
            }
            rebuiltDigest = m_options.cache->putManifest(cacheRepository, rebuilt->index.data, rebuiltTag, &error);
            if (rebuiltDigest.isEmpty())
                return fail(error);
            if (!AtomicFileWriter::write(digestFile, rebuiltDigest.section(QLatin1Char(':'), 1).toUtf8(), &error))
                return fail(error);
        }
        input.rebuiltDigest = rebuiltDigest;
        input.rebuiltSource = m_options.cacheRoot + QLatin1Char('/') + cacheRepository + QLatin1Char(':') + rebuiltTag;
    } else if (m_options.offline || fromLayout) {
        input.rebuiltSource = readFrom.toString();
    }

    for (const QString &root : destinationRoots) {
        const auto collected = OperatorCollector(root).collect(filtered.catalog, input, &filtered);
        result.warnings << collected.warnings;
        if (!collected.isOk()) {
            result.errors << collected.errors;
            return result;
        }
        QList<MirrorPlanEntry> entries = collected.entries;
        if (root == m_options.cacheRoot && !m_options.offline) {
            // mirrorToDisk: the cache keeps the original catalog under its tag (the rebuilt one is already there
            // under its filter ID), so the archive carries both and diskToMirror can find the rebuild again.
            // A layout's catalog is in the cache at that very name already: naming it by digest lets the copy
            // see it is there.
            for (MirrorPlanEntry &entry : entries) {
                if (entry.kind == ImageKind::OperatorCatalog)
                    entry.source = fromLayout
                                       ? located->reference.withTag(QString()).withDigest(catalogDigest).toString()
                                       : located->reference.toString();
            }
        }
        result.entries.append(entries);
    }
    return result;
}
