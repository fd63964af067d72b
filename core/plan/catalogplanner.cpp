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
#include "workspace/distributionstore.h"

#include <QDir>
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
} // namespace

CatalogPlanner::CatalogPlanner(Options options)
    : m_options(std::move(options))
{
}

CatalogPlanner::Result CatalogPlanner::plan(const OperatorCatalog &catalog, const ImagePuller &puller,
                                            const QStringList &destinationRoots) const
{
    Result result;
    auto fail = [&](const QString &error) {
        result.errors << QStringLiteral("catalog %1: %2").arg(catalog.catalog, error);
        return result;
    };
    if (catalog.catalog.startsWith(QLatin1String("oci://")))
        return fail(QStringLiteral("catalogs in OCI layouts (oci://) are not supported by this version of Ferry"));
    QString parseError;
    const auto origin = ImageReference::parse(catalog.catalog, &parseError);
    if (!origin)
        return fail(parseError);

    // Offline the catalog is read where the archive put it: the cache, under its own path and tag.
    const ImageReference readFrom = m_options.offline ? origin->withDomain(m_options.cacheRoot) : *origin;
    const auto located = puller.locate(readFrom);
    if (!located)
        return fail(located.error().toString());
    const QString catalogDigest = located->manifest.digest().toString();
    const QString catalogDir = QDir(m_options.workingDirectory)
                                   .filePath(QStringLiteral("operator-catalogs/%1/%2")
                                                 .arg(origin->path(), catalogDigest.section(QLatin1Char(':'), 1)));
    const auto pulled = puller.pull(readFrom, catalogDir + QStringLiteral("/catalog-image/blobs"));
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
        const QString cacheRepository = origin->path();
        QString rebuiltDigest = m_options.cache->manifestDigestForTag(cacheRepository, rebuiltTag);
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

            // The original image goes into the cache first: the rebuilt one shares its layers.
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

            QList<CatalogImageBuilder::SourceManifest> manifests;
            QByteArray sourceIndex;
            auto addManifest = [&](const Manifest &manifest) {
                manifests.append({manifest.bytes(), m_options.cache->readBlob(manifest.config().digest().toString())});
            };
            if (located->manifest.isIndex()) {
                sourceIndex = located->manifest.bytes();
                for (const Descriptor &child : located->manifest.manifests()) {
                    const auto childManifest = puller.manifestByDigest(located->reference, child.digest().toString());
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
            AtomicFileWriter::write(catalogDir + QStringLiteral("/filtered-catalogs/%1/digest").arg(filterId),
                                    rebuiltDigest.section(QLatin1Char(':'), 1).toUtf8());
        }
        input.rebuiltDigest = rebuiltDigest;
        input.rebuiltSource = m_options.cacheRoot + QLatin1Char('/') + cacheRepository + QLatin1Char(':') + rebuiltTag;
    } else if (m_options.offline) {
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
            for (MirrorPlanEntry &entry : entries) {
                if (entry.kind == ImageKind::OperatorCatalog)
                    entry.source = located->reference.toString();
            }
        }
        result.entries.append(entries);
    }
    return result;
}
