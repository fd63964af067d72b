#include "releaseplanner.h"

#include "copy/imagepuller.h"
#include "release/cincinnaticlient.h"
#include "release/releasecollector.h"
#include "release/releasepayloadreader.h"
#include "release/releaseselectionrequest.h"
#include "release/releaseselector.h"
#include "release/releasesignaturefetcher.h"
#include "release/releasesignatureverifier.h"

#include <QDir>
#include <QFile>

namespace {
QString digestOf(const QString &payload)
{
    const qsizetype at = payload.indexOf(QLatin1Char('@'));
    return at < 0 ? QString() : payload.mid(at + 1);
}

// The payload's architecture inside a multi-arch payload is read for the bastion's own platform.
QString pullArchitecture(const QString &cincinnatiArchitecture)
{
    return cincinnatiArchitecture == QLatin1String("multi") ? QStringLiteral("amd64") : cincinnatiArchitecture;
}
} // namespace

ReleasePlanner::ReleasePlanner(Options options)
    : m_options(std::move(options))
{
}

QList<ReleasePlanner::Result> ReleasePlanner::plan(const PlatformConfig &platform, const ImagePuller &puller,
                                                   const QString &cacheRoot, const QStringList &destinationRoots) const
{
    QList<Result> results(destinationRoots.size());
    auto fail = [&](const QString &error) {
        for (Result &result : results)
            result.error = error;
        return results;
    };
    QString requestError;
    const auto request = ReleaseSelectionRequest::fromPlatform(platform, &requestError);
    if (!request)
        return fail(requestError);

    ReleaseSelector selector;
    CincinnatiClient cincinnati(m_options.environment);
    // Graphs of the minors between two channels are only known to be needed once the channels' graphs are loaded.
    for (auto needed = selector.neededGraphs(*request); !needed.isEmpty(); needed = selector.neededGraphs(*request)) {
        for (const auto &[architecture, channel] : std::as_const(needed)) {
            ReleaseChannelFilter::Type type = ReleaseChannelFilter::Type::Ocp;
            for (const ReleaseChannelFilter &filter : request->channels) {
                if (filter.name == channel)
                    type = filter.type;
            }
            CincinnatiClient::Result graph;
            if (m_options.offline) {
                graph = CincinnatiClient::loadStored(m_options.workingDirectory, architecture, channel);
            } else {
                auto future = cincinnati.fetchGraph(type, channel, architecture, m_options.workingDirectory);
                future.waitForFinished();
                graph = future.result();
            }
            if (!graph.isOk())
                return fail(graph.error);
            selector.addGraph(architecture, channel, graph.graph);
        }
    }
    const ReleaseSelection selection = selector.select(*request);
    for (Result &result : results)
        result.warnings = selection.warnings;
    if (!selection.isOk())
        return fail(selection.errors.join(QStringLiteral("; ")));
    if (selection.releases.isEmpty())
        return fail(QStringLiteral("no release images found"));

    ReleaseSignatureVerifier verifier;
    QString keyError;
    const bool haveKey = verifier.loadKeyFromEnvironment(m_options.environment, &keyError);
    ReleaseSignatureFetcher fetcher(m_options.environment);

    QList<ReleaseCollector::Payload> payloads;
    for (const SelectedRelease &release : selection.releases) {
        if (m_options.cancelled && m_options.cancelled->load())
            return fail(QStringLiteral("cancelled"));
        const QString digest = digestOf(release.payload);
        ReleaseCollector::Payload payload;
        payload.release = release;
        payload.payloadDigest = digest;

        // The signature names the release tag every destination uses, so it comes first.
        QByteArray signature;
        const QString stored = ReleaseSignatureVerifier::findStored(m_options.workingDirectory, digest);
        if (!stored.isEmpty()) {
            QFile file(stored);
            if (file.open(QIODevice::ReadOnly))
                signature = file.readAll();
        }
        if (signature.isEmpty() && !m_options.offline) {
            auto fetched = fetcher.fetch(digest);
            fetched.waitForFinished();
            const auto answer = fetched.result();
            if (!answer.isOk() &&
                !(m_options.ignoreReleaseSignature && !platform.release.value_or(QString()).isEmpty()))
                return fail(answer.error);
            signature = answer.signature;
        }
        if (!signature.isEmpty()) {
            if (!haveKey)
                return fail(QStringLiteral("cannot verify the signature of %1: %2").arg(release.payload, keyError));
            const auto verified = verifier.verifyAndStore(signature, digest, m_options.workingDirectory);
            if (!verified.isOk())
                return fail(QStringLiteral("release %1: %2").arg(release.payload, verified.error));
            payload.releaseTag = verified.releaseTag;
            for (Result &result : results)
                result.signatures.insert(digest, signature);
        } else if (m_options.offline) {
            return fail(QStringLiteral("no stored signature for %1 in %2/signatures")
                            .arg(release.payload, m_options.workingDirectory));
        }

        // Read the payload: from its registry, or offline from the cache where the archive put it.
        const QString tag = ReleaseCollector::effectiveReleaseTag(payload);
        const auto origin = ImageReference::parse(
            m_options.offline ? cacheRoot + QStringLiteral("/openshift/release-images:") + tag : release.payload);
        if (!origin)
            return fail(QStringLiteral("invalid payload reference %1").arg(release.payload));
        ReleasePayloadReader::Options readOptions;
        readOptions.kubeVirtContainer = platform.kubeVirtContainer.value_or(false);
        if (release.architecture != QLatin1String("multi"))
            readOptions.kubeVirtArchitectures = {ReleasePayloadReader::bootImageArchitecture(release.architecture)};
        const auto payloadReference = ImageReference::parse(release.payload);
        const QString manifestsDir =
            QDir(m_options.workingDirectory)
                .filePath(QStringLiteral("hold-release/%1/%2/release-manifests")
                              .arg(payloadReference ? payloadReference->path() : origin->path(), tag));
        if (m_options.reuseExtractedManifests &&
            QFile::exists(manifestsDir + QLatin1Char('/') + QLatin1String(ReleasePayloadReader::ImageReferencesFile))) {
            // Delete generation reads what an earlier mirror extracted: the payload itself may be nowhere local.
            QString readError;
            const auto stored = ReleasePayloadReader(manifestsDir).contents(readOptions, &readError);
            if (!stored)
                return fail(QStringLiteral("release payload %1: %2").arg(release.payload, readError));
            payload.contents = *stored;
            payloads.append(payload);
            continue;
        }
        const QString payloadDir =
            QDir(m_options.workingDirectory).filePath(QStringLiteral("release-images/%1/%2").arg(origin->path(), tag));
        const auto pulled =
            puller.pull(*origin, payloadDir + QStringLiteral("/blobs"), pullArchitecture(release.architecture));
        if (!pulled)
            return fail(
                QStringLiteral("cannot read release payload %1: %2").arg(release.payload, pulled.error().toString()));
        auto read = ReleasePayloadReader::readAsync(pulled->layers, manifestsDir, readOptions);
        read.waitForFinished();
        const auto contents = read.result();
        if (!contents.contents)
            return fail(QStringLiteral("release payload %1: %2").arg(release.payload, contents.error));
        payload.contents = *contents.contents;
        payloads.append(payload);
    }

    for (qsizetype i = 0; i < destinationRoots.size(); ++i) {
        QString error;
        const auto entries = ReleaseCollector(destinationRoots.at(i)).collect(payloads, &error);
        if (!entries)
            return fail(error);
        results[i].entries = *entries;
    }
    return results;
}
