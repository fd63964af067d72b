#include "imagelayerappender.h"

#include "archive/tarbuilder.h"
#include "registry/digest.h"
#include "registry/mediatypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ImageLayerAppender::Blob makeBlob(const QString &mediaType, const QByteArray &data)
{
    return {Digest::sha256(data).toString(), mediaType, data};
}

QJsonObject descriptor(const ImageLayerAppender::Blob &blob)
{
    return {{QStringLiteral("mediaType"), blob.mediaType},
            {QStringLiteral("digest"), blob.digest},
            {QStringLiteral("size"), blob.data.size()}};
}
} // namespace

std::optional<ImageLayerAppender::Result>
ImageLayerAppender::build(const QByteArray &sourceIndex, const QList<SourceManifest> &manifests, QString *error) const
{
    const auto fail = [error](const QString &message) -> std::optional<Result> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (manifests.isEmpty())
        return fail(QStringLiteral("no source manifest given"));
    if (m_layers.isEmpty())
        return fail(QStringLiteral("no layer to append"));

    QList<QByteArray> compressed;
    QStringList diffIds;
    for (const Layer &layer : m_layers) {
        QString gzipError;
        const QByteArray gz = TarBuilder::gzip(layer.tar, &gzipError);
        if (gz.isEmpty())
            return fail(gzipError);
        compressed.append(gz);
        diffIds.append(Digest::sha256(layer.tar).toString());
    }

    // Source manifests by digest, to match the index's descriptors.
    QHash<QString, qsizetype> byDigest;
    for (qsizetype i = 0; i < manifests.size(); ++i)
        byDigest.insert(Digest::sha256(manifests.at(i).manifest).toString(), i);

    QJsonObject index;
    QJsonArray sourceDescriptors;
    bool docker = false;
    if (!sourceIndex.isEmpty()) {
        QJsonParseError parseError;
        index = QJsonDocument::fromJson(sourceIndex, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || !index.value(QLatin1String("manifests")).isArray())
            return fail(QStringLiteral("the source index is not an image index / manifest list: %1")
                            .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                              : QStringLiteral("no \"manifests\"")));
        docker = index.value(QLatin1String("mediaType")).toString() == MediaTypes::DockerManifestList;
        sourceDescriptors = index.value(QLatin1String("manifests")).toArray();
    } else {
        if (manifests.size() != 1)
            return fail(QStringLiteral("without a source index exactly one manifest is expected, got %1")
                            .arg(manifests.size()));
        const QJsonObject manifest = QJsonDocument::fromJson(manifests.constFirst().manifest).object();
        docker = manifest.value(QLatin1String("mediaType")).toString() == MediaTypes::DockerManifest;
        const QJsonObject config = QJsonDocument::fromJson(manifests.constFirst().config).object();
        QJsonObject platform{{QStringLiteral("architecture"), config.value(QLatin1String("architecture"))},
                             {QStringLiteral("os"), config.value(QLatin1String("os"))}};
        if (config.contains(QLatin1String("variant")))
            platform.insert(QStringLiteral("variant"), config.value(QLatin1String("variant")));
        QJsonObject only{{QStringLiteral("mediaType"),
                          docker ? QString(MediaTypes::DockerManifest) : QString(MediaTypes::OciManifest)},
                         {QStringLiteral("digest"), Digest::sha256(manifests.constFirst().manifest).toString()},
                         {QStringLiteral("size"), manifests.constFirst().manifest.size()},
                         {QStringLiteral("platform"), platform}};
        sourceDescriptors.append(only);
        index.insert(QStringLiteral("schemaVersion"), 2);
        index.insert(QStringLiteral("mediaType"),
                     docker ? QString(MediaTypes::DockerManifestList) : QString(MediaTypes::OciIndex));
    }

    Result result;
    const QString layerType = docker ? QString(MediaTypes::DockerLayerGzip) : QString(MediaTypes::OciLayerGzip);
    for (const QByteArray &gz : std::as_const(compressed))
        result.layers.append(makeBlob(layerType, gz));

    QJsonArray newDescriptors;
    for (const QJsonValue &value : std::as_const(sourceDescriptors)) {
        QJsonObject entry = value.toObject();
        const QJsonObject platform = entry.value(QLatin1String("platform")).toObject();
        const QString digest = entry.value(QLatin1String("digest")).toString();
        if (platform.value(QLatin1String("os")).toString() == QLatin1String("unknown"))
            continue; // an attestation manifest: it describes the original image, not the new one
        const auto found = byDigest.constFind(digest);
        if (found == byDigest.cend())
            return fail(QStringLiteral("the source index lists manifest %1 (%2/%3) but it was not given")
                            .arg(digest, platform.value(QLatin1String("os")).toString(),
                                 platform.value(QLatin1String("architecture")).toString()));
        const SourceManifest &source = manifests.at(*found);

        QJsonParseError parseError;
        QJsonObject manifest = QJsonDocument::fromJson(source.manifest, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || !manifest.value(QLatin1String("layers")).isArray())
            return fail(QStringLiteral("manifest %1 is not an image manifest").arg(digest));
        QJsonObject config = QJsonDocument::fromJson(source.config, &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return fail(
                QStringLiteral("the config of manifest %1 is not JSON: %2").arg(digest, parseError.errorString()));

        QJsonObject runtime = config.value(QLatin1String("config")).toObject();
        if (m_editor)
            m_editor(runtime);
        config.insert(QStringLiteral("config"), runtime);
        if (!m_author.isEmpty())
            config.insert(QStringLiteral("author"), m_author);
        QJsonObject rootfs = config.value(QLatin1String("rootfs")).toObject();
        QJsonArray configDiffIds = rootfs.value(QLatin1String("diff_ids")).toArray();
        for (const QString &diffId : std::as_const(diffIds))
            configDiffIds.append(diffId);
        rootfs.insert(QStringLiteral("type"), QStringLiteral("layers"));
        rootfs.insert(QStringLiteral("diff_ids"), configDiffIds);
        config.insert(QStringLiteral("rootfs"), rootfs);
        QJsonArray history = config.value(QLatin1String("history")).toArray();
        for (const Layer &layer : m_layers) {
            QJsonObject step{{QStringLiteral("created_by"), layer.createdBy}};
            if (!m_author.isEmpty())
                step.insert(QStringLiteral("author"), m_author);
            history.append(step);
        }
        config.insert(QStringLiteral("history"), history);

        const QString configType =
            manifest.value(QLatin1String("config")).toObject().value(QLatin1String("mediaType")).toString();
        const Blob configBlob = makeBlob(configType, compact(config));
        manifest.insert(QStringLiteral("config"), descriptor(configBlob));
        QJsonArray layers = manifest.value(QLatin1String("layers")).toArray();
        for (const Blob &layer : std::as_const(result.layers))
            layers.append(descriptor(layer));
        manifest.insert(QStringLiteral("layers"), layers);
        const QString manifestType = manifest.value(QLatin1String("mediaType")).toString().isEmpty()
                                         ? entry.value(QLatin1String("mediaType")).toString()
                                         : manifest.value(QLatin1String("mediaType")).toString();
        const Blob manifestBlob = makeBlob(manifestType, compact(manifest));
        result.configs.append(configBlob);
        result.manifests.append(manifestBlob);

        entry.insert(QStringLiteral("digest"), manifestBlob.digest);
        entry.insert(QStringLiteral("size"), manifestBlob.data.size());
        newDescriptors.append(entry);
    }
    if (newDescriptors.isEmpty())
        return fail(QStringLiteral("the source index has no platform manifest"));
    index.insert(QStringLiteral("manifests"), newDescriptors);
    if (index.value(QLatin1String("mediaType")).toString().isEmpty())
        index.insert(QStringLiteral("mediaType"), QString(MediaTypes::OciIndex)); // optional in OCI, explicit here
    result.index = makeBlob(index.value(QLatin1String("mediaType")).toString(), compact(index));
    return result;
}
