#include "ociimagelayout.h"

#include "config/jsonvaluedescription.h"

#include "digesthasher.h"
#include "mediatypes.h"

#include "workspace/atomicfilewriter.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace {

// Manifests and configs are read whole; anything this large is not one (distribution refuses manifests over 4 MiB).
constexpr qint64 MaximumWholeBlob = 64 * 1024 * 1024;
// Deep enough for every real layout (index.json → index → manifests); more means a loop or a hostile layout.
constexpr int MaximumIndexDepth = 4;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// Reads a small file of the layout itself (oci-layout, index.json).
std::optional<QByteArray> readLayoutFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        setError(error, QStringLiteral("%1: no such file: not an OCI image layout").arg(path));
        return std::nullopt;
    }
    if (!info.isFile()) {
        setError(error, QStringLiteral("%1: expected a regular file").arg(path));
        return std::nullopt;
    }
    if (info.size() > MaximumWholeBlob) {
        setError(error, QStringLiteral("%1: %2 bytes is too large for this file").arg(path).arg(info.size()));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<QJsonObject> parseObject(const QByteArray &bytes, const QString &path, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error, QStringLiteral("%1: invalid JSON at offset %2: %3")
                            .arg(path)
                            .arg(parseError.offset)
                            .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        setError(error, QStringLiteral("%1: expected a JSON object").arg(path));
        return std::nullopt;
    }
    return document.object();
}

} // namespace

std::optional<OciImageLayout> OciImageLayout::open(const QString &directory, QString *error)
{
    OciImageLayout layout;
    layout.m_directory = QDir::cleanPath(QDir(directory).absolutePath());
    const QFileInfo info(layout.m_directory);
    if (!info.isDir()) {
        setError(error, QStringLiteral("%1: %2").arg(layout.m_directory,
                                                     info.exists() ? QStringLiteral("not a directory")
                                                                   : QStringLiteral("no such OCI layout directory")));
        return std::nullopt;
    }
    layout.m_canonicalDirectory = info.canonicalFilePath();

    const QString layoutFile = layout.m_directory + QStringLiteral("/oci-layout");
    const auto layoutBytes = readLayoutFile(layoutFile, error);
    if (!layoutBytes || !layout.checkInside(layoutFile, error))
        return std::nullopt;
    const auto layoutObject = parseObject(*layoutBytes, layoutFile, error);
    if (!layoutObject)
        return std::nullopt;
    const QJsonValue version = layoutObject->value(QLatin1String("imageLayoutVersion"));
    // 1.0.0 is the only version the image-spec defines; a later 1.x stays readable by its compatibility rules.
    if (!version.isString() || !version.toString().startsWith(QLatin1String("1."))) {
        setError(error,
                 QStringLiteral("%1: field imageLayoutVersion: expected \"1.0.0\", found %2")
                     .arg(layoutFile, version.isString() ? QLatin1Char('"') + version.toString() + QLatin1Char('"')
                                                         : JsonValueDescription::of(version)));
        return std::nullopt;
    }

    const QString indexFile = layout.m_directory + QStringLiteral("/index.json");
    const auto indexBytes = readLayoutFile(indexFile, error);
    if (!indexBytes || !layout.checkInside(indexFile, error))
        return std::nullopt;
    const auto index = parseObject(*indexBytes, indexFile, error);
    if (!index)
        return std::nullopt;
    if (index->value(QLatin1String("schemaVersion")).toInt() != 2) {
        setError(error, QStringLiteral("%1: field schemaVersion: expected 2").arg(indexFile));
        return std::nullopt;
    }
    const QJsonValue mediaType = index->value(QLatin1String("mediaType"));
    if (!mediaType.isUndefined() && mediaType.toString() != MediaTypes::OciIndex) {
        setError(error, QStringLiteral("%1: field mediaType: expected \"%2\", found %3")
                            .arg(indexFile, MediaTypes::OciIndex,
                                 mediaType.isString() ? QLatin1Char('"') + mediaType.toString() + QLatin1Char('"')
                                                      : JsonValueDescription::of(mediaType)));
        return std::nullopt;
    }
    const QJsonValue manifests = index->value(QLatin1String("manifests"));
    if (!manifests.isArray()) {
        setError(error, QStringLiteral("%1: field manifests: expected an array, found %2")
                            .arg(indexFile, JsonValueDescription::of(manifests)));
        return std::nullopt;
    }
    const QJsonArray entries = manifests.toArray();
    QList<Descriptor> descriptors;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isObject()) {
            setError(error, QStringLiteral("%1: field manifests[%2]: expected a descriptor object, found %3")
                                .arg(indexFile)
                                .arg(i)
                                .arg(JsonValueDescription::of(entries.at(i))));
            return std::nullopt;
        }
        QString descriptorError;
        const auto descriptor =
            Descriptor::fromJson(entries.at(i).toObject(), QStringLiteral("manifests[%1]").arg(i), &descriptorError);
        if (!descriptor) {
            setError(error, QStringLiteral("%1: field %2").arg(indexFile, descriptorError));
            return std::nullopt;
        }
        if (!MediaTypes::isManifest(descriptor->mediaType())) {
            setError(error, QStringLiteral("%1: field manifests[%2].mediaType: expected an image manifest or index "
                                           "type, found \"%3\"")
                                .arg(indexFile)
                                .arg(i)
                                .arg(descriptor->mediaType()));
            return std::nullopt;
        }
        descriptors.append(*descriptor);
    }
    if (descriptors.isEmpty()) {
        setError(error, QStringLiteral("%1: field manifests: the layout holds no image").arg(indexFile));
        return std::nullopt;
    }

    layout.m_indexJson = *indexBytes;
    if (descriptors.size() == 1) {
        const auto image = layout.readManifest(descriptors.constFirst(), error);
        if (!image)
            return std::nullopt;
        layout.m_image = *image;
        layout.m_refName = descriptors.constFirst().annotations().value(RefNameAnnotation);
    } else {
        QString parseError;
        const auto image = Manifest::parse(*indexBytes, QString(MediaTypes::OciIndex), &parseError);
        if (!image) {
            setError(error, QStringLiteral("%1: %2").arg(indexFile, parseError));
            return std::nullopt;
        }
        layout.m_image = *image;
        layout.m_collapsed = true;
    }
    return layout;
}

bool OciImageLayout::checkInside(const QString &path, QString *error) const
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(m_canonicalDirectory + QLatin1Char('/'))) {
        setError(error, QStringLiteral("%1: refused: it leads out of the layout directory %2 (to %3)")
                            .arg(path, m_directory, canonical.isEmpty() ? QStringLiteral("nowhere") : canonical));
        return false;
    }
    return true;
}

QString OciImageLayout::blobPath(const Digest &digest, QString *error) const
{
    // Only digests whose encoded part is plain lowercase hex of the right length become paths.
    static const QRegularExpression lowerHex(QStringLiteral("^[a-f0-9]+$"));
    const qsizetype length = digest.algorithm() == QLatin1String("sha256")   ? 64
                             : digest.algorithm() == QLatin1String("sha512") ? 128
                                                                             : -1;
    if (length < 0 || digest.encoded().size() != length || !lowerHex.match(digest.encoded()).hasMatch()) {
        setError(error, QStringLiteral("%1: refused digest \"%2\": expected sha256:<64 hex> or sha512:<128 hex>")
                            .arg(m_directory, digest.toString()));
        return {};
    }
    return m_directory + QStringLiteral("/blobs/") + digest.algorithm() + QLatin1Char('/') + digest.encoded();
}

std::optional<QByteArray> OciImageLayout::readBlob(const Descriptor &descriptor, QString *error) const
{
    const QString path = blobPath(descriptor.digest(), error);
    if (path.isEmpty())
        return std::nullopt;
    const QFileInfo info(path);
    if (!info.exists()) {
        setError(error,
                 QStringLiteral("%1: blob %2 is missing from the layout").arg(path, descriptor.digest().toString()));
        return std::nullopt;
    }
    if (!checkInside(path, error))
        return std::nullopt;
    if (!info.isFile()) {
        setError(error, QStringLiteral("%1: expected a regular file").arg(path));
        return std::nullopt;
    }
    if (info.size() != descriptor.size()) {
        setError(error, QStringLiteral("%1: expected %2 bytes (descriptor size), found %3")
                            .arg(path)
                            .arg(descriptor.size())
                            .arg(info.size()));
        return std::nullopt;
    }
    if (info.size() > MaximumWholeBlob) {
        setError(error,
                 QStringLiteral("%1: %2 bytes is too large for a manifest or config").arg(path).arg(info.size()));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (!descriptor.digest().matches(bytes)) {
        DigestHasher hasher(descriptor.digest().algorithm());
        hasher.addData(bytes);
        setError(error, QStringLiteral("%1: content does not match its digest: expected %2, found %3")
                            .arg(path, descriptor.digest().toString(), hasher.result().toString()));
        return std::nullopt;
    }
    return bytes;
}

std::optional<Manifest> OciImageLayout::readManifest(const Descriptor &descriptor, QString *error) const
{
    const auto bytes = readBlob(descriptor, error);
    if (!bytes)
        return std::nullopt;
    QString parseError;
    const auto manifest = Manifest::parse(*bytes, descriptor.mediaType(), &parseError);
    if (!manifest) {
        setError(error, QStringLiteral("%1: %2").arg(blobPath(descriptor.digest()), parseError));
        return std::nullopt;
    }
    return manifest;
}

bool OciImageLayout::verifyBlob(const Descriptor &descriptor, QString *error) const
{
    const QString path = blobPath(descriptor.digest(), error);
    if (path.isEmpty())
        return false;
    const QFileInfo info(path);
    if (!info.exists()) {
        setError(error,
                 QStringLiteral("%1: blob %2 is missing from the layout").arg(path, descriptor.digest().toString()));
        return false;
    }
    if (!checkInside(path, error))
        return false;
    if (!info.isFile() || info.size() != descriptor.size()) {
        setError(error, QStringLiteral("%1: expected a file of %2 bytes (descriptor size), found %3")
                            .arg(path)
                            .arg(descriptor.size())
                            .arg(info.isFile() ? QStringLiteral("%1 bytes").arg(info.size())
                                               : QStringLiteral("no regular file")));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return false;
    }
    DigestHasher hasher(descriptor.digest().algorithm());
    QByteArray buffer;
    while (!(buffer = file.read(1 << 20)).isEmpty())
        hasher.addData(buffer);
    const Digest actual = hasher.result();
    if (actual != descriptor.digest()) {
        setError(error, QStringLiteral("%1: content does not match its digest: expected %2, found %3")
                            .arg(path, descriptor.digest().toString(), actual.toString()));
        return false;
    }
    return true;
}

std::optional<OciImageLayout::Content> OciImageLayout::content(QString *error) const
{
    Content content;
    QSet<QString> seenManifests;
    QSet<QString> seenBlobs;
    std::function<bool(const Manifest &, int)> walk = [&](const Manifest &manifest, int depth) -> bool {
        if (seenManifests.contains(manifest.digest().toString()))
            return true;
        if (manifest.isIndex()) {
            if (depth >= MaximumIndexDepth) {
                setError(error, QStringLiteral("%1: indexes nested more than %2 deep below index.json")
                                    .arg(m_directory)
                                    .arg(MaximumIndexDepth));
                return false;
            }
            for (const Descriptor &child : manifest.manifests()) {
                const auto childManifest = readManifest(child, error);
                if (!childManifest || !walk(*childManifest, depth + 1))
                    return false;
            }
        } else {
            for (const Descriptor &blob : manifest.blobs()) {
                if (!seenBlobs.contains(blob.digest().toString())) {
                    seenBlobs.insert(blob.digest().toString());
                    content.blobs.append(blob);
                }
            }
        }
        seenManifests.insert(manifest.digest().toString());
        content.manifests.append(manifest);
        return true;
    };
    if (!walk(m_image, 0))
        return std::nullopt;
    return content;
}

QString OciImageLayout::importInto(DistributionStore &store, const QString &repository, const QString &tag,
                                   QString *error) const
{
    const auto parts = content(error);
    if (!parts)
        return {};
    for (const Descriptor &blob : parts->blobs) {
        // Non-distributable layers are fetched from their URLs by whoever runs the image, never stored.
        if (!blob.urls().isEmpty())
            continue;
        const QString path = blobPath(blob.digest(), error);
        if (path.isEmpty())
            return {};
        if (store.hasBlob(blob.digest().toString()))
            continue;
        const QFileInfo info(path);
        if (!info.exists()) {
            setError(error,
                     QStringLiteral("%1: blob %2 is missing from the layout").arg(path, blob.digest().toString()));
            return {};
        }
        if (!checkInside(path, error))
            return {};
        if (!info.isFile() || info.size() != blob.size()) {
            setError(error, QStringLiteral("%1: expected a file of %2 bytes (descriptor size), found %3")
                                .arg(path)
                                .arg(blob.size())
                                .arg(info.isFile() ? QStringLiteral("%1 bytes").arg(info.size())
                                                   : QStringLiteral("no regular file")));
            return {};
        }
        if (!store.putBlobFromFileVerified(path, blob.digest().toString(), error))
            return {};
    }
    for (qsizetype i = 0; i < parts->manifests.size(); ++i) {
        const Manifest &manifest = parts->manifests.at(i);
        const bool isImage = i + 1 == parts->manifests.size();
        QString storeError;
        if (store.putManifest(repository, manifest.bytes(), isImage ? tag : QString(), &storeError).isEmpty()) {
            setError(error, QStringLiteral("%1: cannot store manifest %2: %3")
                                .arg(m_directory, manifest.digest().toString(), storeError));
            return {};
        }
    }
    return m_image.digest().toString();
}

bool OciImageLayout::writeMetadataLayout(const QString &directory, QString *error) const
{
    const auto parts = content(error);
    if (!parts)
        return false;
    const QDir target(directory);
    auto writeBlob = [&](const Digest &digest, const QByteArray &bytes) {
        return AtomicFileWriter::write(
            target.filePath(QStringLiteral("blobs/%1/%2").arg(digest.algorithm(), digest.encoded())), bytes, error);
    };
    for (const Manifest &manifest : parts->manifests) {
        if (!writeBlob(manifest.digest(), manifest.bytes()))
            return false;
        if (manifest.isIndex())
            continue;
        const auto config = readBlob(manifest.config(), error);
        if (!config || !writeBlob(manifest.config().digest(), *config))
            return false;
    }
    QByteArray indexJson = m_indexJson;
    if (m_collapsed) {
        QJsonObject entry{{QStringLiteral("mediaType"), QString(MediaTypes::OciIndex)},
                          {QStringLiteral("digest"), m_image.digest().toString()},
                          {QStringLiteral("size"), m_image.size()}};
        indexJson = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                              {QStringLiteral("manifests"), QJsonArray{entry}}})
                        .toJson(QJsonDocument::Compact);
    }
    return AtomicFileWriter::write(target.filePath(QStringLiteral("index.json")), indexJson, error) &&
           AtomicFileWriter::write(target.filePath(QStringLiteral("oci-layout")),
                                   QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}"), error);
}
