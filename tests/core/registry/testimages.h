#pragma once

// Builds images from random bytes for the registry tests: layers, config JSON, manifests and indexes with the
// exact bytes Ferry then pushes and compares.

#include "registry/descriptor.h"
#include "registry/manifest.h"
#include "registry/mediatypes.h"
#include "registry/registryclient.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

struct TestImage
{
    Manifest manifest;
    QList<QByteArray> blobs; // config first, then layers
};

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator *generator = QRandomGenerator::global();
    for (qsizetype i = 0; i + 4 <= size; i += 4) {
        const quint32 value = generator->generate();
        memcpy(bytes.data() + i, &value, 4);
    }
    for (qsizetype i = size - size % 4; i < size; ++i)
        bytes[i] = char(generator->bounded(256));
    return bytes;
}

inline QJsonObject descriptorJson(const QString &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), Digest::sha256(bytes).toString()},
                       {QStringLiteral("size"), bytes.size()}};
}

inline TestImage makeImage(bool oci, const QString &architecture, int layerCount, qsizetype layerSize)
{
    TestImage image;
    const QByteArray config =
        QJsonDocument(QJsonObject{{QStringLiteral("architecture"), architecture},
                                  {QStringLiteral("os"), QStringLiteral("linux")},
                                  {QStringLiteral("nonce"), QString::fromLatin1(randomBytes(8).toHex())}})
            .toJson(QJsonDocument::Compact);
    image.blobs.append(config);
    QJsonArray layers;
    for (int i = 0; i < layerCount; ++i) {
        const QByteArray layer = randomBytes(layerSize + i);
        image.blobs.append(layer);
        layers.append(
            descriptorJson(oci ? QString(MediaTypes::OciLayerGzip) : QString(MediaTypes::DockerLayerGzip), layer));
    }
    const QString mediaType = oci ? QString(MediaTypes::OciManifest) : QString(MediaTypes::DockerManifest);
    const QJsonObject root{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), mediaType},
        {QStringLiteral("config"),
         descriptorJson(oci ? QString(MediaTypes::OciConfig) : QString(MediaTypes::DockerConfig), config)},
        {QStringLiteral("layers"), layers}};
    // Indented on purpose: the bytes must survive unchanged, whitespace included.
    image.manifest = *Manifest::parse(QJsonDocument(root).toJson(QJsonDocument::Indented), mediaType);
    return image;
}

inline Manifest makeIndex(bool oci, const QList<TestImage> &children, const QStringList &architectures)
{
    QJsonArray manifests;
    for (qsizetype i = 0; i < children.size(); ++i) {
        QJsonObject entry = descriptorJson(children.at(i).manifest.mediaType(), children.at(i).manifest.bytes());
        entry.insert(QStringLiteral("platform"), QJsonObject{{QStringLiteral("architecture"), architectures.at(i)},
                                                             {QStringLiteral("os"), QStringLiteral("linux")}});
        manifests.append(entry);
    }
    const QString mediaType = oci ? QString(MediaTypes::OciIndex) : QString(MediaTypes::DockerManifestList);
    const QJsonObject root{{QStringLiteral("schemaVersion"), 2},
                           {QStringLiteral("mediaType"), mediaType},
                           {QStringLiteral("manifests"), manifests}};
    return *Manifest::parse(QJsonDocument(root).toJson(QJsonDocument::Compact), mediaType);
}

// Waits for a client future; the network runs on the client's own thread, so blocking here is fine in tests.
template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// Pushes an image's blobs, then its manifest. Returns the first error, empty when the image is in place.
inline QString pushTestImage(RegistryClient &client, const ImageReference &reference, const TestImage &image)
{
    for (const QByteArray &blob : image.blobs) {
        const auto pushed = await(client.pushBlob(reference, blob));
        if (!pushed.isOk())
            return pushed.error().toString();
    }
    const auto put = await(client.putManifest(reference, image.manifest));
    return put.isOk() ? QString() : put.error().toString();
}

// The manifest bytes an independent client (skopeo) sees.
inline QByteArray skopeoRaw(const QString &reference, QString *error = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("skopeo"),
                  {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--tls-verify=false"),
                   QStringLiteral("docker://") + reference});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(process.readAllStandardError());
        return QByteArray();
    }
    return process.readAllStandardOutput();
}

// HTTP status of a request made with curl (the independent check that something did or did not land).
inline int curlStatus(const QString &method, const QString &url)
{
    QProcess process;
    QStringList arguments{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                          QStringLiteral("%{http_code}")};
    if (method == QLatin1String("HEAD"))
        arguments << QStringLiteral("-I");
    else
        arguments << QStringLiteral("-X") << method;
    process.start(QStringLiteral("curl"), arguments << url);
    process.waitForFinished(30000);
    return process.readAllStandardOutput().trimmed().toInt();
}
