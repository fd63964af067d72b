#include "graphimageplanner.h"

#include "copy/imagecopier.h"
#include "copy/imagepuller.h"
#include "release/graphimagebuilder.h"
#include "release/releasecollector.h"
#include "release/releasehttpfetcher.h"
#include "workspace/atomicfilewriter.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QNetworkRequest>

GraphImagePlanner::GraphImagePlanner(Options options)
    : m_options(std::move(options))
{
}

QString GraphImagePlanner::cachedReference() const
{
    return m_options.cacheRoot + QLatin1Char('/') + GraphImageBuilder::Repository + QLatin1Char(':') +
           GraphImageBuilder::Tag;
}

GraphImagePlanner::Result GraphImagePlanner::plan(const ImagePuller &puller, const QStringList &destinationRoots) const
{
    Result result;
    const QString cachedDigest =
        m_options.cache->manifestDigestForTag(GraphImageBuilder::Repository, GraphImageBuilder::Tag);
    if (m_options.offline) {
        if (cachedDigest.isEmpty()) {
            result.error = QStringLiteral("unable to find graph image in local cache");
            return result;
        }
        result.digest = cachedDigest;
    } else {
        const GraphImageBuilder::Source source = GraphImageBuilder::graphDataSource(m_options.environment);
        // A URL may carry a login (https://user:password@host/…): messages never show it.
        const auto scrub = [&source](QString message) {
            for (const QString &url : {source.url, source.updateUrlOverride}) {
                const QUrl parsed(url);
                if (!parsed.userInfo().isEmpty())
                    message.replace(url, parsed.toString(QUrl::RemoveUserInfo));
                if (!parsed.password().isEmpty())
                    message.replace(parsed.password(), QStringLiteral("***"));
            }
            return message;
        };
        QString fetchError;
        QByteArray graphData;
        if (source.url.isEmpty()) {
            fetchError = QStringLiteral("UPDATE_URL_OVERRIDE (%1) does not end in /v1/graph or /graph, so no "
                                        "graph-data URL can be derived from it")
                             .arg(source.updateUrlOverride);
        } else {
            ReleaseHttpFetcher fetcher(m_options.environment);
            QNetworkRequest request{QUrl(source.url)};
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
            auto future = fetcher.get(request);
            future.waitForFinished();
            if (future.isCanceled()) {
                fetchError = QStringLiteral("the download of %1 was cancelled").arg(source.url);
            } else {
                const ReleaseHttpFetcher::Response response = future.result();
                if (!response.networkError.isEmpty())
                    fetchError = QStringLiteral("cannot download the graph data from %1: %2")
                                     .arg(source.url, response.networkError);
                else if (response.httpStatus != 200)
                    fetchError = QStringLiteral("cannot download the graph data from %1: HTTP status %2")
                                     .arg(source.url)
                                     .arg(response.httpStatus);
                else
                    graphData = response.body;
            }
        }
        fetchError = scrub(fetchError);
        if (!fetchError.isEmpty()) {
            // oc-mirror's enclave rule: behind an override, a graph image built earlier is good enough.
            if (!source.updateUrlOverride.isEmpty() && !cachedDigest.isEmpty()) {
                result.warnings << fetchError +
                                       QStringLiteral("; UPDATE_URL_OVERRIDE is set: the graph image already in the "
                                                      "local cache (%1) is used")
                                           .arg(cachedDigest);
                result.digest = cachedDigest;
            } else {
                result.error = fetchError;
                if (!source.updateUrlOverride.isEmpty())
                    result.error += QStringLiteral("; and no graph image is in the local cache to fall back on");
                return result;
            }
        } else {
            QString error;
            const QString preparation = QDir(m_options.workingDirectory).filePath(QStringLiteral("graph-preparation"));
            if (!QDir().mkpath(preparation) ||
                !AtomicFileWriter::write(preparation + QStringLiteral("/cincinnati-graph-data.tar.gz"), graphData,
                                         &error)) {
                result.error = error.isEmpty() ? QStringLiteral("cannot create %1").arg(preparation) : error;
                return result;
            }
            result.digest = build(puller, graphData, &result.warnings, &error);
            if (result.digest.isEmpty()) {
                result.error = error;
                return result;
            }
            result.infos << scrub(QStringLiteral("graph image built from %1: %2").arg(source.url, result.digest));
        }
    }

    for (const QString &root : destinationRoots) {
        MirrorPlanEntry entry = ReleaseCollector(root).graphImageEntry(cachedReference());
        entry.source = cachedReference();
        result.entries.append({entry});
    }
    return result;
}

QString GraphImagePlanner::build(const ImagePuller &puller, const QByteArray &graphData, QStringList *warnings,
                                 QString *errorOut) const
{
    const auto fail = [errorOut](const QString &message) {
        *errorOut = message;
        return QString();
    };
    GraphImageBuilder builder;
    QString error;
    if (!builder.setGraphData(graphData, &error))
        return fail(error);
    if (!builder.skippedEntries().isEmpty())
        *warnings << QStringLiteral("graph data: %1 entries that are neither files nor directories are left out: %2")
                         .arg(builder.skippedEntries().size())
                         .arg(builder.skippedEntries().mid(0, 5).join(QStringLiteral(", ")));

    const auto base = ImageReference::parse(GraphImageBuilder::BaseImage);
    const auto located = puller.locate(*base);
    if (!located)
        return fail(QStringLiteral("graph image: cannot read the base image %1: %2")
                        .arg(QString(GraphImageBuilder::BaseImage), located.error().toString()));

    // The base image goes into the cache first: the graph image shares its layers.
    MirrorPlanEntry copyBase;
    copyBase.origin = GraphImageBuilder::BaseImage;
    copyBase.source = located->reference.toString();
    copyBase.destination =
        m_options.cacheRoot + QLatin1Char('/') + GraphImageBuilder::Repository + QLatin1Char(':') + BaseTag;
    copyBase.kind = ImageKind::CincinnatiGraph;
    BlobLedger ledger;
    ImageCopier copier(
        {m_options.client, nullptr, QString(), m_options.cache, nullptr, &ledger, nullptr, 5, m_options.cancelled});
    const auto copied = copier.copy(copyBase, ImageCopyProgress{}, {});
    if (copied.outcome == ImageCopier::Outcome::Failed)
        return fail(QStringLiteral("graph image: cannot store the base image %1 in the cache: %2")
                        .arg(QString(GraphImageBuilder::BaseImage), copied.error));

    QList<ImageLayerAppender::SourceManifest> manifests;
    QByteArray sourceIndex;
    auto addManifest = [&](const Manifest &manifest) {
        manifests.append({manifest.bytes(), m_options.cache->readBlob(manifest.config().digest().toString())});
    };
    if (located->manifest.isIndex()) {
        sourceIndex = located->manifest.bytes();
        for (const Descriptor &child : located->manifest.manifests()) {
            const auto childManifest = puller.manifestByDigest(located->reference, child.digest().toString());
            if (!childManifest)
                return fail(QStringLiteral("graph image: base image %1: %2")
                                .arg(QString(GraphImageBuilder::BaseImage), childManifest.error().toString()));
            addManifest(*childManifest);
        }
    } else {
        addManifest(located->manifest);
    }
    const auto built = builder.build(sourceIndex, manifests, &error);
    if (!built)
        return fail(QStringLiteral("graph image: ") + error);
    for (const auto &blob : built->layers + built->configs) {
        if (m_options.cache->putBlob(blob.data, &error).isEmpty())
            return fail(error);
    }
    for (const auto &manifest : built->manifests) {
        if (m_options.cache->putManifest(GraphImageBuilder::Repository, manifest.data, QString(), &error).isEmpty())
            return fail(error);
    }
    const QString digest =
        m_options.cache->putManifest(GraphImageBuilder::Repository, built->index.data, GraphImageBuilder::Tag, &error);
    return digest.isEmpty() ? fail(error) : digest;
}
