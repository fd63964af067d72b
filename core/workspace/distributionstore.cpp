#include "distributionstore.h"

#include "atomicfilewriter.h"

#include "registry/manifest.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <cstdio>

namespace {
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString hexOf(const QString &digest)
{
    return digest.mid(digest.indexOf(QLatin1Char(':')) + 1);
}

QString algorithmOf(const QString &digest)
{
    return digest.left(digest.indexOf(QLatin1Char(':')));
}

bool ensureDirectory(const QString &path, QString *error)
{
    if (QDir().mkpath(path))
        return true;
    setError(error, QStringLiteral("cannot create directory %1").arg(path));
    return false;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, bool durable, QString *error)
{
    if (!ensureDirectory(QFileInfo(path).absolutePath(), error))
        return false;
    if (durable)
        return AtomicFileWriter::write(path, bytes, error);
    // Atomic but not synced to disk: a unique temporary name beside the target, then rename over it.
    static QAtomicInteger<quint64> counter;
    const QString temporary =
        path + QStringLiteral(".tmp-%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(temporary, file.errorString()));
        file.remove();
        return false;
    }
    file.close();
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        setError(error, QStringLiteral("cannot move %1 into place").arg(path));
        QFile::remove(temporary);
        return false;
    }
    return true;
}

// The media types a registry accepts as manifests, and whether they list children (index) or layers (image).
enum class ManifestKind { Image, Index, Unknown };

ManifestKind manifestKind(const QJsonObject &manifest)
{
    const QString mediaType = manifest.value(QLatin1String("mediaType")).toString();
    if (mediaType == QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json") ||
        mediaType == QLatin1String("application/vnd.oci.image.index.v1+json"))
        return ManifestKind::Index;
    if (mediaType == QLatin1String("application/vnd.docker.distribution.manifest.v2+json") ||
        mediaType == QLatin1String("application/vnd.oci.image.manifest.v1+json"))
        return ManifestKind::Image;
    // OCI allows leaving mediaType out; the shape tells them apart.
    if (mediaType.isEmpty()) {
        if (manifest.contains(QLatin1String("manifests")))
            return ManifestKind::Index;
        if (manifest.contains(QLatin1String("config")))
            return ManifestKind::Image;
    }
    return ManifestKind::Unknown;
}
} // namespace

DistributionStore::DistributionStore(const QString &rootDirectory)
    : m_root(QDir(rootDirectory).absolutePath())
{
}

QString DistributionStore::digestOf(const QByteArray &bytes)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool DistributionStore::isValidDigest(const QString &digest)
{
    static const QRegularExpression pattern(QStringLiteral("^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$"));
    return pattern.match(digest).hasMatch();
}

bool DistributionStore::isValidRepository(const QString &repository)
{
    // The docker reference path grammar; it also rules out "..", absolute paths and empty components.
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$"));
    return repository.size() <= 255 && pattern.match(repository).hasMatch();
}

bool DistributionStore::isValidTag(const QString &tag)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    return pattern.match(tag).hasMatch();
}

QString DistributionStore::v2Path() const
{
    return m_root + QStringLiteral("/docker/registry/v2");
}

QString DistributionStore::repositoryPath(const QString &repository) const
{
    return v2Path() + QStringLiteral("/repositories/") + repository;
}

QString DistributionStore::digestSubPath(const QString &digest)
{
    return algorithmOf(digest) + QLatin1Char('/') + hexOf(digest);
}

QString DistributionStore::blobPath(const QString &digest) const
{
    if (!isValidDigest(digest))
        return {};
    const QString hex = hexOf(digest);
    return v2Path() + QStringLiteral("/blobs/") + algorithmOf(digest) + QLatin1Char('/') + hex.left(2) +
           QLatin1Char('/') + hex + QStringLiteral("/data");
}

bool DistributionStore::hasBlob(const QString &digest) const
{
    const QString path = blobPath(digest);
    return !path.isEmpty() && QFileInfo::exists(path);
}

bool DistributionStore::writeBlobFile(const QString &digest, const QByteArray &bytes, QString *error) const
{
    if (hasBlob(digest))
        return true;
    return writeFileAtomically(blobPath(digest), bytes, m_durable, error);
}

QString DistributionStore::putBlob(const QByteArray &bytes, QString *error)
{
    const QString digest = digestOf(bytes);
    return writeBlobFile(digest, bytes, error) ? digest : QString();
}

QString DistributionStore::putBlobFromFile(const QString &path, QString *error)
{
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("cannot read %1: %2").arg(path, source.errorString()));
        return {};
    }
    // Hash first: the destination path depends on the digest, and an existing blob needs no copy at all.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&source)) {
        setError(error, QStringLiteral("cannot read %1: %2").arg(path, source.errorString()));
        return {};
    }
    const QString digest = QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex());
    if (hasBlob(digest))
        return digest;

    const QString target = blobPath(digest);
    if (!ensureDirectory(QFileInfo(target).absolutePath(), error))
        return {};
    source.seek(0);
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
        return {};
    }
    QCryptographicHash check(QCryptographicHash::Sha256);
    QByteArray buffer;
    while (!(buffer = source.read(1 << 20)).isEmpty()) {
        check.addData(buffer);
        if (file.write(buffer) != buffer.size()) {
            setError(error, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
            return {};
        }
    }
    // The file may have changed between the two reads; never store bytes under a digest they do not have.
    if (check.result() != hash.result()) {
        file.cancelWriting();
        setError(error, QStringLiteral("%1 changed while it was being stored").arg(path));
        return {};
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
        return {};
    }
    return digest;
}

bool DistributionStore::putBlobFromFileVerified(const QString &path, const QString &expectedDigest, QString *error)
{
    if (!isValidDigest(expectedDigest)) {
        setError(
            error,
            QStringLiteral("invalid digest \"%1\": expected sha256:<64 hex> or sha512:<128 hex>").arg(expectedDigest));
        return false;
    }
    if (hasBlob(expectedDigest))
        return true;
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("cannot read %1: %2").arg(path, source.errorString()));
        return false;
    }
    const QString target = blobPath(expectedDigest);
    if (!ensureDirectory(QFileInfo(target).absolutePath(), error))
        return false;
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
        return false;
    }
    QCryptographicHash hash(algorithmOf(expectedDigest) == QLatin1String("sha512") ? QCryptographicHash::Sha512
                                                                                   : QCryptographicHash::Sha256);
    QByteArray buffer;
    while (!(buffer = source.read(1 << 20)).isEmpty()) {
        hash.addData(buffer);
        if (file.write(buffer) != buffer.size()) {
            setError(error, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
            return false;
        }
    }
    if (source.error() != QFileDevice::NoError) {
        file.cancelWriting();
        setError(error, QStringLiteral("cannot read %1: %2").arg(path, source.errorString()));
        return false;
    }
    const QString actual = algorithmOf(expectedDigest) + QLatin1Char(':') + QString::fromLatin1(hash.result().toHex());
    if (actual != expectedDigest) {
        file.cancelWriting();
        setError(error, QStringLiteral("%1 does not match its digest: expected %2, the content hashes to %3")
                            .arg(path, expectedDigest, actual));
        return false;
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
        return false;
    }
    return true;
}

QByteArray DistributionStore::readBlob(const QString &digest, QString *error) const
{
    if (!isValidDigest(digest)) {
        setError(error,
                 QStringLiteral("invalid digest \"%1\": expected sha256:<64 hex> or sha512:<128 hex>").arg(digest));
        return {};
    }
    QFile file(blobPath(digest));
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("blob %1 is not in the store at %2").arg(digest, m_root));
        return {};
    }
    return file.readAll();
}

bool DistributionStore::writeLink(const QString &path, const QString &digest, QString *error) const
{
    if (readLink(path) == digest)
        return true;
    return writeFileAtomically(path, digest.toLatin1(), m_durable, error);
}

QString DistributionStore::readLink(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

bool DistributionStore::linkBlob(const QString &repository, const QString &digest, QString *error)
{
    if (!isValidRepository(repository)) {
        setError(error, QStringLiteral("invalid repository name \"%1\"").arg(repository));
        return false;
    }
    if (!hasBlob(digest)) {
        setError(error, QStringLiteral("cannot link blob %1 into %2: it is not in the store").arg(digest, repository));
        return false;
    }
    return writeLink(repositoryPath(repository) + QStringLiteral("/_layers/") + digestSubPath(digest) +
                         QStringLiteral("/link"),
                     digest, error);
}

bool DistributionStore::isBlobLinked(const QString &repository, const QString &digest) const
{
    if (!isValidRepository(repository) || !isValidDigest(digest))
        return false;
    return readLink(repositoryPath(repository) + QStringLiteral("/_layers/") + digestSubPath(digest) +
                    QStringLiteral("/link")) == digest;
}

QString DistributionStore::putManifest(const QString &repository, const QByteArray &bytes, const QString &tag,
                                       QString *error)
{
    if (!isValidRepository(repository)) {
        setError(error, QStringLiteral("invalid repository name \"%1\"").arg(repository));
        return {};
    }
    if (!tag.isEmpty() && !isValidTag(tag)) {
        setError(error, QStringLiteral("invalid tag \"%1\" for %2").arg(tag, repository));
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        setError(error, QStringLiteral("manifest for %1 is not a JSON object: %2 at offset %3")
                            .arg(repository, parseError.errorString())
                            .arg(parseError.offset));
        return {};
    }
    const QJsonObject manifest = document.object();
    if (manifest.value(QLatin1String("schemaVersion")).toInt() != 2) {
        setError(error, QStringLiteral("manifest for %1: field schemaVersion: expected 2").arg(repository));
        return {};
    }

    // Collect what the manifest refers to, and check it is present before anything is linked.
    QStringList blobs;
    QStringList children;
    switch (manifestKind(manifest)) {
    case ManifestKind::Image: {
        const QJsonObject config = manifest.value(QLatin1String("config")).toObject();
        blobs << config.value(QLatin1String("digest")).toString();
        const QJsonArray layers = manifest.value(QLatin1String("layers")).toArray();
        for (const QJsonValue &layer : layers) {
            // Foreign (non-distributable) layers with URLs are not stored in registries.
            if (layer.toObject().contains(QLatin1String("urls")))
                continue;
            blobs << layer.toObject().value(QLatin1String("digest")).toString();
        }
        break;
    }
    case ManifestKind::Index: {
        const QJsonArray manifests = manifest.value(QLatin1String("manifests")).toArray();
        for (const QJsonValue &child : manifests)
            children << child.toObject().value(QLatin1String("digest")).toString();
        break;
    }
    case ManifestKind::Unknown:
        setError(error, QStringLiteral("manifest for %1: field mediaType: unsupported value \"%2\"")
                            .arg(repository, manifest.value(QLatin1String("mediaType")).toString()));
        return {};
    }
    for (const QString &blob : std::as_const(blobs)) {
        if (!isValidDigest(blob)) {
            setError(error, QStringLiteral("manifest for %1 refers to an invalid digest \"%2\"").arg(repository, blob));
            return {};
        }
        if (!hasBlob(blob)) {
            setError(
                error,
                QStringLiteral("manifest for %1 refers to blob %2, which is not in the store").arg(repository, blob));
            return {};
        }
    }
    for (const QString &child : std::as_const(children)) {
        if (!isValidDigest(child) || !hasManifest(repository, child)) {
            setError(error, QStringLiteral("index for %1 refers to manifest %2, which is not in that repository")
                                .arg(repository, child));
            return {};
        }
    }

    const QString digest = digestOf(bytes);
    if (!writeBlobFile(digest, bytes, error))
        return {};
    for (const QString &blob : std::as_const(blobs)) {
        if (!linkBlob(repository, blob, error))
            return {};
    }
    if (!writeLink(repositoryPath(repository) + QStringLiteral("/_manifests/revisions/") + digestSubPath(digest) +
                       QStringLiteral("/link"),
                   digest, error))
        return {};
    if (!tag.isEmpty() && !tagManifest(repository, tag, digest, error))
        return {};
    return digest;
}

bool DistributionStore::tagManifest(const QString &repository, const QString &tag, const QString &digest,
                                    QString *error)
{
    if (!isValidTag(tag)) {
        setError(error, QStringLiteral("invalid tag \"%1\" for %2").arg(tag, repository));
        return false;
    }
    if (!hasManifest(repository, digest)) {
        setError(
            error,
            QStringLiteral("cannot tag %1:%2: manifest %3 is not in that repository").arg(repository, tag, digest));
        return false;
    }
    const QString tagPath = repositoryPath(repository) + QStringLiteral("/_manifests/tags/") + tag;
    // The index records every digest the tag ever pointed to, as the registry does; current is the live one.
    return writeLink(tagPath + QStringLiteral("/index/") + digestSubPath(digest) + QStringLiteral("/link"), digest,
                     error) &&
           writeLink(tagPath + QStringLiteral("/current/link"), digest, error);
}

bool DistributionStore::hasManifest(const QString &repository, const QString &digest) const
{
    if (!isValidRepository(repository) || !isValidDigest(digest))
        return false;
    return readLink(repositoryPath(repository) + QStringLiteral("/_manifests/revisions/") + digestSubPath(digest) +
                    QStringLiteral("/link")) == digest &&
           hasBlob(digest);
}

QString DistributionStore::manifestDigestForTag(const QString &repository, const QString &tag) const
{
    if (!isValidRepository(repository) || !isValidTag(tag))
        return {};
    const QString digest = readLink(repositoryPath(repository) + QStringLiteral("/_manifests/tags/") + tag +
                                    QStringLiteral("/current/link"));
    return isValidDigest(digest) ? digest : QString();
}

QByteArray DistributionStore::readManifest(const QString &repository, const QString &digest, QString *error) const
{
    if (!hasManifest(repository, digest)) {
        setError(error, QStringLiteral("manifest %1 is not in repository %2").arg(digest, repository));
        return {};
    }
    return readBlob(digest, error);
}

QStringList DistributionStore::repositories() const
{
    // Walk by hand: the registry's own directories start with an underscore and can be large, so never enter them.
    const QString base = v2Path() + QStringLiteral("/repositories");
    QStringList result;
    QStringList pending{base};
    while (!pending.isEmpty()) {
        const QDir dir(pending.takeLast());
        const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        bool isRepository = false;
        for (const QString &entry : entries) {
            if (entry.startsWith(QLatin1Char('_')))
                isRepository =
                    isRepository || entry == QLatin1String("_manifests") || entry == QLatin1String("_layers");
            else
                pending << dir.filePath(entry);
        }
        if (isRepository)
            result << QDir(base).relativeFilePath(dir.path());
    }
    result.sort();
    return result;
}

QStringList DistributionStore::tags(const QString &repository) const
{
    if (!isValidRepository(repository))
        return {};
    QStringList result;
    const QDir dir(repositoryPath(repository) + QStringLiteral("/_manifests/tags"));
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &tag : entries) {
        if (isValidDigest(readLink(dir.filePath(tag) + QStringLiteral("/current/link"))))
            result << tag;
    }
    return result;
}

QStringList DistributionStore::manifestDigests(const QString &repository) const
{
    if (!isValidRepository(repository))
        return {};
    QStringList result;
    const QString base = repositoryPath(repository) + QStringLiteral("/_manifests/revisions");
    const QStringList algorithms = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &algorithm : algorithms) {
        const QStringList hexes =
            QDir(base + QLatin1Char('/') + algorithm).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &hex : hexes) {
            const QString digest =
                readLink(base + QLatin1Char('/') + algorithm + QLatin1Char('/') + hex + QStringLiteral("/link"));
            if (isValidDigest(digest))
                result << digest;
        }
    }
    result.sort();
    return result;
}

bool DistributionStore::removeTag(const QString &repository, const QString &tag, QString *error)
{
    if (!isValidRepository(repository) || !isValidTag(tag)) {
        setError(error, QStringLiteral("%1:%2 is not a valid repository and tag").arg(repository, tag));
        return false;
    }
    QDir tagDir(repositoryPath(repository) + QStringLiteral("/_manifests/tags/") + tag);
    if (tagDir.exists() && !tagDir.removeRecursively()) {
        setError(error, QStringLiteral("cannot remove %1").arg(tagDir.path()));
        return false;
    }
    return true;
}

bool DistributionStore::removeManifestRevision(const QString &repository, const QString &digest, QString *error)
{
    if (!isValidRepository(repository) || !isValidDigest(digest)) {
        setError(error, QStringLiteral("%1@%2 is not a valid repository and digest").arg(repository, digest));
        return false;
    }
    for (const QString &tag : tags(repository)) {
        if (manifestDigestForTag(repository, tag) == digest && !removeTag(repository, tag, error))
            return false;
    }
    QDir revision(repositoryPath(repository) + QStringLiteral("/_manifests/revisions/") + digestSubPath(digest));
    if (revision.exists() && !revision.removeRecursively()) {
        setError(error, QStringLiteral("cannot remove %1").arg(revision.path()));
        return false;
    }
    return true;
}

DistributionStore::SweepResult DistributionStore::sweepUnreferencedBlobs()
{
    SweepResult result;
    // Mark: what the registry's garbage collection marks, from every revision (tagged or not).
    QSet<QString> marked;
    const QStringList allRepositories = repositories();
    for (const QString &repository : allRepositories) {
        for (const QString &digest : manifestDigests(repository)) {
            marked.insert(digest);
            const QByteArray bytes = readBlob(digest);
            const auto manifest = Manifest::parse(bytes, QString());
            if (!manifest)
                continue;
            for (const Descriptor &blob : manifest->blobs())
                marked.insert(blob.digest().toString());
            for (const Descriptor &child : manifest->manifests())
                marked.insert(child.digest().toString());
        }
    }
    // Sweep.
    QSet<QString> swept;
    const QString blobsRoot = v2Path() + QStringLiteral("/blobs");
    const QStringList algorithms = QDir(blobsRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &algorithm : algorithms) {
        const QDir algorithmDir(blobsRoot + QLatin1Char('/') + algorithm);
        for (const QString &prefix : algorithmDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QDir prefixDir(algorithmDir.filePath(prefix));
            for (const QString &hex : prefixDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                const QString digest = algorithm + QLatin1Char(':') + hex;
                if (marked.contains(digest))
                    continue;
                QDir blobDir(prefixDir.filePath(hex));
                const qint64 size = QFileInfo(blobDir.filePath(QStringLiteral("data"))).size();
                if (!blobDir.removeRecursively()) {
                    result.errors << QStringLiteral("cannot remove %1").arg(blobDir.path());
                    continue;
                }
                swept.insert(digest);
                ++result.blobs;
                result.bytes += size;
            }
        }
    }
    // Layer links to swept blobs would make the repositories claim blobs they no longer have.
    for (const QString &repository : allRepositories) {
        for (const QString &digest : std::as_const(swept)) {
            QDir link(repositoryPath(repository) + QStringLiteral("/_layers/") + digestSubPath(digest));
            if (link.exists() && !link.removeRecursively())
                result.errors << QStringLiteral("cannot remove %1").arg(link.path());
        }
    }
    return result;
}
