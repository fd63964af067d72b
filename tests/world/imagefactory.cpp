#include "imagefactory.h"

#include "tarwriter.h"
#include "workspace/distributionstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <random>

namespace {
const QLatin1String dockerManifest("application/vnd.docker.distribution.manifest.v2+json");
const QLatin1String dockerList("application/vnd.docker.distribution.manifest.list.v2+json");
const QLatin1String dockerConfig("application/vnd.docker.container.image.v1+json");
const QLatin1String dockerLayer("application/vnd.docker.image.rootfs.diff.tar.gzip");
const QLatin1String ociManifest("application/vnd.oci.image.manifest.v1+json");
const QLatin1String ociIndex("application/vnd.oci.image.index.v1+json");
const QLatin1String ociConfig("application/vnd.oci.image.config.v1+json");
const QLatin1String ociLayer("application/vnd.oci.image.layer.v1.tar+gzip");

QString descriptorFields(const QString &indent, const QString &mediaType, qint64 size, const QString &digest)
{
    return indent + QStringLiteral("\"mediaType\": \"") + mediaType + QStringLiteral("\",\n") + indent +
           QStringLiteral("\"size\": ") + QString::number(size) + QStringLiteral(",\n") + indent +
           QStringLiteral("\"digest\": \"") + digest + QStringLiteral("\"");
}
} // namespace

ImageFactory::ImageFactory(DistributionStore *store)
    : m_store(store)
{
}

quint64 ImageFactory::seedOf(const QString &text)
{
    const QByteArray hash = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    quint64 seed = 0;
    for (int i = 0; i < 8; ++i)
        seed = (seed << 8) | quint8(hash.at(i));
    return seed;
}

QByteArray ImageFactory::randomBytes(const QString &seed, int size)
{
    std::mt19937_64 generator(seedOf(seed));
    QByteArray bytes(size, Qt::Uninitialized);
    int i = 0;
    while (i < size) {
        quint64 value = generator();
        for (int k = 0; k < 8 && i < size; ++k, ++i) {
            bytes[i] = char(value & 0xff);
            value >>= 8;
        }
    }
    return bytes;
}

int ImageFactory::randomInt(const QString &seed, int low, int high)
{
    if (high <= low)
        return low;
    return low + int(seedOf(seed) % quint64(high - low + 1));
}

void ImageFactory::fail(const QString &message)
{
    QMutexLocker lock(&m_mutex);
    if (m_error.isEmpty())
        m_error = message;
}

QString ImageFactory::error() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

ImageFactory::Layer ImageFactory::putTarLayer(const QByteArray &tar)
{
    const QByteArray compressed = TarWriter::gzipBytes(tar);
    QString error;
    Layer layer;
    layer.digest = m_store->putBlob(compressed, &error);
    if (layer.digest.isEmpty())
        fail(error);
    layer.size = compressed.size();
    layer.diffId = DistributionStore::digestOf(tar);
    return layer;
}

ImageFactory::Layer ImageFactory::putRandomLayer(const QString &seed, int size, const QString &fileName)
{
    TarWriter tar;
    const int slash = int(fileName.lastIndexOf(QLatin1Char('/')));
    if (slash > 0)
        tar.addDirectory(fileName.left(slash));
    tar.addFile(fileName, randomBytes(seed, size), 0755);
    tar.finish();
    return putTarLayer(tar.tar());
}

ImageFactory::Image ImageFactory::putImage(const QString &repository, const ImageSpec &spec, const QString &tag)
{
    QJsonArray diffIds;
    QJsonArray history;
    for (const Layer &layer : spec.layers) {
        diffIds.append(layer.diffId);
        history.append(QJsonObject{{QStringLiteral("created"), QStringLiteral("2024-06-01T00:00:00Z")},
                                   {QStringLiteral("created_by"), QStringLiteral("ferry-world layer")}});
    }
    QJsonObject config{{QStringLiteral("architecture"), spec.architecture},
                       {QStringLiteral("os"), QStringLiteral("linux")},
                       {QStringLiteral("created"), QStringLiteral("2024-06-01T00:00:00Z")},
                       {QStringLiteral("config"), spec.containerConfig},
                       {QStringLiteral("history"), history},
                       {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                                              {QStringLiteral("diff_ids"), diffIds}}}};
    if (!spec.variant.isEmpty())
        config.insert(QStringLiteral("variant"), spec.variant);
    const QByteArray configBytes = QJsonDocument(config).toJson(QJsonDocument::Compact);
    QString error;
    const QString configDigest = m_store->putBlob(configBytes, &error);
    if (configDigest.isEmpty()) {
        fail(error);
        return {};
    }

    // Spelled out by hand to look like what registries serve (field order, three-space indent).
    const QString mediaType = spec.oci ? QString(ociManifest) : QString(dockerManifest);
    QString json = QStringLiteral("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"") + mediaType +
                   QStringLiteral("\",\n   \"config\": {\n") +
                   descriptorFields(QStringLiteral("      "), spec.oci ? QString(ociConfig) : QString(dockerConfig),
                                    configBytes.size(), configDigest) +
                   QStringLiteral("\n   },\n   \"layers\": [\n");
    for (qsizetype i = 0; i < spec.layers.size(); ++i) {
        const Layer &layer = spec.layers.at(i);
        json += QStringLiteral("      {\n") +
                descriptorFields(QStringLiteral("         "), spec.oci ? QString(ociLayer) : QString(dockerLayer),
                                 layer.size, layer.digest) +
                QStringLiteral("\n      }") +
                (i + 1 < spec.layers.size() ? QStringLiteral(",\n") : QStringLiteral("\n"));
    }
    json += QStringLiteral("   ]\n}");
    const QByteArray bytes = json.toUtf8();
    Image image;
    image.repository = repository;
    image.digest = m_store->putManifest(repository, bytes, tag, &error);
    if (image.digest.isEmpty())
        fail(error);
    image.mediaType = mediaType;
    image.size = bytes.size();
    image.architecture = spec.architecture;
    image.variant = spec.variant;
    return image;
}

ImageFactory::Image ImageFactory::putIndex(const QString &repository, const QList<Image> &children, const QString &tag,
                                           bool oci)
{
    const QString mediaType = oci ? QString(ociIndex) : QString(dockerList);
    QString json = QStringLiteral("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"") + mediaType +
                   QStringLiteral("\",\n   \"manifests\": [\n");
    for (qsizetype i = 0; i < children.size(); ++i) {
        const Image &child = children.at(i);
        json += QStringLiteral("      {\n") +
                descriptorFields(QStringLiteral("         "), child.mediaType, child.size, child.digest) +
                QStringLiteral(",\n         \"platform\": {\n            \"architecture\": \"") + child.architecture +
                QStringLiteral("\",\n            \"os\": \"linux\"");
        if (!child.variant.isEmpty())
            json += QStringLiteral(",\n            \"variant\": \"") + child.variant + QStringLiteral("\"");
        json += QStringLiteral("\n         }\n      }") +
                (i + 1 < children.size() ? QStringLiteral(",\n") : QStringLiteral("\n"));
    }
    json += QStringLiteral("   ]\n}");
    const QByteArray bytes = json.toUtf8();
    QString error;
    Image image;
    image.repository = repository;
    image.digest = m_store->putManifest(repository, bytes, tag, &error);
    if (image.digest.isEmpty())
        fail(error);
    image.mediaType = mediaType;
    image.size = bytes.size();
    return image;
}

ImageFactory::Image ImageFactory::copyImage(const Image &image, const QString &repository, const QString &tag)
{
    QString error;
    const QByteArray bytes = m_store->readManifest(image.repository, image.digest, &error);
    if (bytes.isEmpty()) {
        fail(error);
        return {};
    }
    const QJsonObject manifest = QJsonDocument::fromJson(bytes).object();
    const QJsonArray children = manifest.value(QLatin1String("manifests")).toArray();
    for (const QJsonValue &child : children) {
        Image childImage;
        childImage.repository = image.repository;
        childImage.digest = child.toObject().value(QLatin1String("digest")).toString();
        copyImage(childImage, repository);
    }
    Image copy = image;
    copy.repository = repository;
    if (m_store->putManifest(repository, bytes, tag, &error).isEmpty())
        fail(error);
    return copy;
}

bool ImageFactory::tag(const QString &repository, const QString &tag, const QString &digest)
{
    QString error;
    if (m_store->tagManifest(repository, tag, digest, &error))
        return true;
    fail(error);
    return false;
}
