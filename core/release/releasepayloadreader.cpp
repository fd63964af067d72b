#include "releasepayloadreader.h"

#include "config/jsonvaluedescription.h"

#include "registry/imagereference.h"
#include "workspace/workingdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent>

#include <archive.h>
#include <archive_entry.h>
#include <yaml-cpp/yaml.h>

#include <memory>

namespace {

constexpr qint64 BlockSize = 64 * 1024;
const QString ManifestsComponent = QStringLiteral("release-manifests");

struct ArchiveDeleter
{
    void operator()(struct archive *archive) const { archive_read_free(archive); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

ArchivePtr newReader()
{
    ArchivePtr archive(archive_read_new());
    // Compression is recognised from the first bytes; a plain tar goes through the implicit "none" filter.
    archive_read_support_filter_gzip(archive.get());
    archive_read_support_filter_zstd(archive.get());
    archive_read_support_format_tar(archive.get());
    return archive;
}

// Feeds libarchive from a QIODevice one block at a time.
struct DeviceSource
{
    QIODevice *device = nullptr;
    QByteArray buffer;
};

la_ssize_t readDevice(struct archive *archive, void *data, const void **block)
{
    auto *source = static_cast<DeviceSource *>(data);
    const qint64 read = source->device->read(source->buffer.data(), source->buffer.size());
    if (read < 0) {
        archive_set_error(archive, EIO, "%s", qUtf8Printable(source->device->errorString()));
        return -1;
    }
    *block = source->buffer.constData();
    return la_ssize_t(read);
}

QString archiveError(struct archive *archive)
{
    const char *message = archive_error_string(archive);
    return message ? QString::fromUtf8(message) : QStringLiteral("unknown archive error");
}

// libarchive recognises the format while opening or reading the first header.
QString openError(struct archive *archive)
{
    const QString reason = archiveError(archive);
    if (reason.contains(QLatin1String("Unrecognized archive format")))
        return QStringLiteral("not a tar, tar+gzip or tar+zstd stream: %1").arg(reason);
    return QStringLiteral("cannot open: %1").arg(reason);
}

// Splits a tar entry name into components after removing leading "./"; nullopt (with *error) for names that
// could leave the extraction directory.
std::optional<QStringList> safeComponents(const QString &name, QString *error)
{
    if (name.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("absolute paths are refused");
        return std::nullopt;
    }
    const QStringList parts = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList result;
    for (const QString &part : parts) {
        if (part == QLatin1String("..")) {
            *error = QStringLiteral("\"..\" path components are refused");
            return std::nullopt;
        }
        if (part != QLatin1String("."))
            result.append(part);
    }
    return result;
}

bool parseJsonObject(const QByteArray &json, const QString &file, QJsonObject &object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        *error = QStringLiteral("%1: line %2: invalid JSON: %3").arg(file).arg(line).arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1: expected a JSON object").arg(file);
        return false;
    }
    object = document.object();
    return true;
}

bool readWhole(const QString &path, QByteArray &data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    data = file.readAll();
    return true;
}

} // namespace

ReleasePayloadReader::ReleasePayloadReader(const QString &manifestsDirectory)
    : m_manifestsDirectory(manifestsDirectory)
{
}

QString ReleasePayloadReader::manifestsDirectoryFor(const QString &workingDirectory, const QString &repository,
                                                    const QString &tag)
{
    return WorkingDirectory(workingDirectory).releaseManifestsDir(repository, tag);
}

bool ReleasePayloadReader::extractLayer(const QString &path, QString *error)
{
    QString localError;
    ArchivePtr archive = newReader();
    if (archive_read_open_filename(archive.get(), QFile::encodeName(path).constData(), size_t(BlockSize)) !=
        ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("layer \"%1\": %2").arg(path, openError(archive.get()));
        return false;
    }
    return extract(archive.get(), path, error ? error : &localError);
}

bool ReleasePayloadReader::extractLayer(QIODevice *device, const QString &name, QString *error)
{
    QString localError;
    if (!device || (!device->isOpen() && !device->open(QIODevice::ReadOnly))) {
        if (error)
            *error = QStringLiteral("layer \"%1\": the device cannot be opened for reading").arg(name);
        return false;
    }
    DeviceSource source{device, QByteArray(BlockSize, Qt::Uninitialized)};
    ArchivePtr archive = newReader();
    if (archive_read_open(archive.get(), &source, nullptr, readDevice, nullptr) != ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("layer \"%1\": %2").arg(name, openError(archive.get()));
        return false;
    }
    return extract(archive.get(), name, error ? error : &localError);
}

bool ReleasePayloadReader::removePath(const QString &relative)
{
    const QString path = m_manifestsDirectory + QLatin1Char('/') + relative;
    const QFileInfo info(path);
    bool ok = true;
    if (info.isDir() && !info.isSymLink())
        ok = QDir(path).removeRecursively();
    else if (info.exists() || info.isSymLink())
        ok = QFile::remove(path);
    for (qsizetype i = m_extracted.size() - 1; i >= 0; --i) {
        const QString &file = m_extracted.at(i);
        if (file == relative || file.startsWith(relative + QLatin1Char('/')))
            m_extracted.removeAt(i);
    }
    return ok;
}

bool ReleasePayloadReader::extract(struct archive *archive, const QString &name, QString *error)
{
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("layer \"%1\": %2").arg(name, what);
        return false;
    };
    if (!QDir().mkpath(m_manifestsDirectory))
        return fail(QStringLiteral("cannot create \"%1\"").arg(m_manifestsDirectory));

    struct archive_entry *entry = nullptr;
    while (true) {
        if (cancelled())
            return fail(QStringLiteral("extraction cancelled"));
        const int status = archive_read_next_header(archive, &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
            const QString reason = archiveError(archive);
            if (reason.contains(QLatin1String("Unrecognized archive format")))
                return fail(QStringLiteral("not a tar, tar+gzip or tar+zstd stream: %1").arg(reason));
            return fail(QStringLiteral("unreadable archive: %1").arg(reason));
        }
        const char *rawName = archive_entry_pathname(entry);
        const QString entryName = rawName ? QString::fromUtf8(rawName) : QString();
        // A layer naming an absolute path or ".." anywhere is hostile; refuse it as a whole.
        QString reason;
        const auto components = safeComponents(entryName, &reason);
        if (!components)
            return fail(QStringLiteral("entry \"%1\": %2").arg(entryName, reason));
        // Only release-manifests/ matters; everything else is skipped without being decompressed to disk.
        if (!entryName.contains(ManifestsComponent))
            continue;
        const qsizetype index = components->indexOf(ManifestsComponent);
        const QString relative = index < 0 ? QString() : components->mid(index + 1).join(QLatin1Char('/'));
        const mode_t type = archive_entry_filetype(entry);

        if (type == AE_IFLNK) {
            const char *rawTarget = archive_entry_symlink(entry);
            const QString target = rawTarget ? QString::fromUtf8(rawTarget) : QString();
            const QString base =
                index < 0 ? components->join(QLatin1Char('/')) : ManifestsComponent + QLatin1Char('/') + relative;
            const QString resolved = QDir::cleanPath(QFileInfo(base).path() + QLatin1Char('/') + target);
            if (target.startsWith(QLatin1Char('/')) || !resolved.startsWith(ManifestsComponent + QLatin1Char('/')))
                return fail(QStringLiteral("entry \"%1\": symbolic link to \"%2\" points outside release-manifests/")
                                .arg(entryName, target));
            // Links inside the tree are harmless but nothing reads them: they are not materialised.
            continue;
        }
        if (index < 0)
            continue; // e.g. "release-manifests-old/…": a different directory
        if (relative.isEmpty())
            continue;

        const QString fileName = components->last();
        if (fileName.startsWith(QLatin1String(".wh."))) {
            // An OCI whiteout from a later layer deletes what earlier layers put there.
            const QString parent = components->mid(index + 1, components->size() - index - 2).join(QLatin1Char('/'));
            if (fileName == QLatin1String(".wh..wh..opq")) {
                const QString dir =
                    parent.isEmpty() ? m_manifestsDirectory : m_manifestsDirectory + QLatin1Char('/') + parent;
                const QStringList children =
                    QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
                for (const QString &child : children)
                    removePath(parent.isEmpty() ? child : parent + QLatin1Char('/') + child);
            } else {
                const QString target = fileName.mid(4);
                removePath(parent.isEmpty() ? target : parent + QLatin1Char('/') + target);
            }
            continue;
        }

        const QString destination = m_manifestsDirectory + QLatin1Char('/') + relative;
        if (type == AE_IFDIR) {
            if (!QDir().mkpath(destination))
                return fail(QStringLiteral("cannot create \"%1\"").arg(destination));
            continue;
        }
        const char *rawHardlink = archive_entry_hardlink(entry);
        if (rawHardlink) {
            const QString linkTarget = QString::fromUtf8(rawHardlink);
            QString linkReason;
            const auto targetComponents = safeComponents(linkTarget, &linkReason);
            const qsizetype targetIndex = targetComponents ? targetComponents->indexOf(ManifestsComponent) : -1;
            if (!targetComponents || targetIndex < 0 || targetIndex == targetComponents->size() - 1)
                return fail(QStringLiteral("entry \"%1\": hard link to \"%2\" points outside release-manifests/")
                                .arg(entryName, linkTarget));
            const QString source =
                m_manifestsDirectory + QLatin1Char('/') + targetComponents->mid(targetIndex + 1).join(QLatin1Char('/'));
            QFile::remove(destination);
            if (!QDir().mkpath(QFileInfo(destination).path()) || !QFile::copy(source, destination))
                return fail(QStringLiteral("entry \"%1\": cannot materialise the hard link to \"%2\"")
                                .arg(entryName, linkTarget));
            if (!m_extracted.contains(relative))
                m_extracted.append(relative);
            continue;
        }
        if (type != AE_IFREG)
            continue; // devices, fifos: nothing a release manifest can be

        if (!QDir().mkpath(QFileInfo(destination).path()))
            return fail(QStringLiteral("cannot create \"%1\"").arg(QFileInfo(destination).path()));
        QSaveFile file(destination);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write \"%1\": %2").arg(destination, file.errorString()));
        QByteArray block(BlockSize, Qt::Uninitialized);
        while (true) {
            if (cancelled()) {
                file.cancelWriting();
                return fail(QStringLiteral("extraction cancelled"));
            }
            const la_ssize_t read = archive_read_data(archive, block.data(), size_t(block.size()));
            if (read < 0) {
                file.cancelWriting();
                return fail(QStringLiteral("entry \"%1\": %2").arg(entryName, archiveError(archive)));
            }
            if (read == 0)
                break;
            if (file.write(block.constData(), read) != read) {
                file.cancelWriting();
                return fail(QStringLiteral("cannot write \"%1\": %2").arg(destination, file.errorString()));
            }
        }
        if (!file.commit())
            return fail(QStringLiteral("cannot write \"%1\": %2").arg(destination, file.errorString()));
        if (!m_extracted.contains(relative))
            m_extracted.append(relative);
    }
    return true;
}

std::optional<ReleaseContents> ReleasePayloadReader::contents(const Options &options, QString *error) const
{
    QString localError;
    QString &message = error ? *error : localError;
    ReleaseContents contents;
    contents.manifestsDirectory = m_manifestsDirectory;

    const QString references = m_manifestsDirectory + QLatin1Char('/') + QLatin1String(ImageReferencesFile);
    if (!QFile::exists(references)) {
        message = QStringLiteral("the release payload has no release-manifests/%1 (looked in \"%2\")")
                      .arg(QLatin1String(ImageReferencesFile), m_manifestsDirectory);
        return std::nullopt;
    }
    QByteArray data;
    if (!readWhole(references, data, &message) || !parseImageReferences(data, references, contents, &message))
        return std::nullopt;

    const QString metadata = m_manifestsDirectory + QLatin1Char('/') + QLatin1String(ReleaseMetadataFile);
    if (QFile::exists(metadata)) {
        if (!readWhole(metadata, data, &message) || !parseReleaseMetadata(data, metadata, contents, &message))
            return std::nullopt;
    }

    if (options.kubeVirtContainer) {
        const QString bootImages = m_manifestsDirectory + QLatin1Char('/') + QLatin1String(BootImagesFile);
        if (!QFile::exists(bootImages)) {
            message = QStringLiteral("kubeVirtContainer is requested but the release payload has no "
                                     "release-manifests/%1 (looked in \"%2\")")
                          .arg(QLatin1String(BootImagesFile), m_manifestsDirectory);
            return std::nullopt;
        }
        if (!readWhole(bootImages, data, &message) ||
            !parseKubeVirt(data, bootImages, options.kubeVirtArchitectures, contents, &message))
            return std::nullopt;
    }
    return contents;
}

QFuture<ReleasePayloadReader::ReadResult> ReleasePayloadReader::readAsync(const QStringList &layerPaths,
                                                                          const QString &manifestsDirectory,
                                                                          const Options &options, QThreadPool *pool)
{
    return QtConcurrent::run(pool, [layerPaths, manifestsDirectory, options](QPromise<ReadResult> &promise) {
        ReleasePayloadReader reader(manifestsDirectory);
        reader.setCancelCheck([&promise] { return promise.isCanceled(); });
        promise.setProgressRange(0, int(layerPaths.size()) + 1);
        ReadResult result;
        for (qsizetype i = 0; i < layerPaths.size(); ++i) {
            if (!reader.extractLayer(layerPaths.at(i), &result.error)) {
                promise.addResult(result);
                return;
            }
            promise.setProgressValue(int(i) + 1);
        }
        result.contents = reader.contents(options, &result.error);
        promise.setProgressValue(int(layerPaths.size()) + 1);
        promise.addResult(result);
    });
}

QString ReleasePayloadReader::bootImageArchitecture(const QString &cincinnatiArchitecture)
{
    if (cincinnatiArchitecture == QLatin1String("amd64"))
        return QStringLiteral("x86_64");
    if (cincinnatiArchitecture == QLatin1String("arm64"))
        return QStringLiteral("aarch64");
    if (cincinnatiArchitecture == QLatin1String("ppc64le") || cincinnatiArchitecture == QLatin1String("s390x"))
        return cincinnatiArchitecture;
    return QString();
}

bool ReleasePayloadReader::parseImageReferences(const QByteArray &json, const QString &file, ReleaseContents &contents,
                                                QString *error)
{
    QJsonObject root;
    if (!parseJsonObject(json, file, root, error))
        return false;
    const QString kind = root.value(QLatin1String("kind")).toString();
    if (kind != QLatin1String("ImageStream")) {
        *error = QStringLiteral("%1: kind: expected \"ImageStream\", got \"%2\"").arg(file, kind);
        return false;
    }
    contents.version = root.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const QJsonValue tags = root.value(QLatin1String("spec")).toObject().value(QLatin1String("tags"));
    if (!tags.isArray()) {
        *error = QStringLiteral("%1: spec.tags: expected an array of component tags, got %2")
                     .arg(file, JsonValueDescription::of(tags));
        return false;
    }
    const QJsonArray array = tags.toArray();
    contents.components.clear();
    contents.components.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("spec.tags[%1]").arg(i);
        const QJsonObject tag = array.at(i).toObject();
        const QJsonValue name = tag.value(QLatin1String("name"));
        if (!name.isString() || name.toString().isEmpty()) {
            *error = QStringLiteral("%1: %2.name: expected the component name, got %3")
                         .arg(file, field, JsonValueDescription::of(name));
            return false;
        }
        const QJsonValue from = tag.value(QLatin1String("from")).toObject().value(QLatin1String("name"));
        if (!from.isString()) {
            *error = QStringLiteral("%1: %2.from.name: expected the component image, got %3")
                         .arg(file, field, JsonValueDescription::of(from));
            return false;
        }
        QString referenceError;
        if (!ImageReference::parse(from.toString(), &referenceError)) {
            *error = QStringLiteral("%1: %2.from.name: %3").arg(file, field, referenceError);
            return false;
        }
        contents.components.append({name.toString(), from.toString()});
    }
    return true;
}

bool ReleasePayloadReader::parseReleaseMetadata(const QByteArray &json, const QString &file, ReleaseContents &contents,
                                                QString *error)
{
    QJsonObject root;
    if (!parseJsonObject(json, file, root, error))
        return false;
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isString()) {
        *error = QStringLiteral("%1: version: expected the release version, got %2")
                     .arg(file, JsonValueDescription::of(version));
        return false;
    }
    contents.metadataVersion = version.toString();
    const auto strings = [&](const char *key, QStringList &out) {
        const QJsonValue value = root.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isArray()) {
            *error = QStringLiteral("%1: %2: expected an array of versions, got %3")
                         .arg(file, QLatin1String(key), JsonValueDescription::of(value));
            return false;
        }
        for (const QJsonValue &item : value.toArray())
            out.append(item.toString());
        return true;
    };
    if (!strings("previous", contents.previous) || !strings("next", contents.next))
        return false;
    const QJsonObject metadata = root.value(QLatin1String("metadata")).toObject();
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
        contents.metadata.insert(it.key(), it.value().toString());
    return true;
}

bool ReleasePayloadReader::parseKubeVirt(const QByteArray &yaml, const QString &file, const QStringList &architectures,
                                         ReleaseContents &contents, QString *error)
{
    std::string stream;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        const YAML::Node data = root["data"];
        if (!data || !data.IsMap() || !data["stream"] || !data["stream"].IsScalar()) {
            *error = QStringLiteral("%1: data.stream: expected the CoreOS stream JSON as a string").arg(file);
            return false;
        }
        stream = data["stream"].as<std::string>();
    } catch (const YAML::Exception &exception) {
        *error = QStringLiteral("%1: line %2: invalid YAML: %3")
                     .arg(file)
                     .arg(exception.mark.line + 1)
                     .arg(QString::fromStdString(exception.msg));
        return false;
    }
    QJsonObject streamObject;
    if (!parseJsonObject(QByteArray::fromStdString(stream), file + QStringLiteral(" (data.stream)"), streamObject,
                         error))
        return false;
    const QJsonObject archs = streamObject.value(QLatin1String("architectures")).toObject();
    if (archs.isEmpty()) {
        *error = QStringLiteral("%1: data.stream: architectures: expected an object keyed by architecture").arg(file);
        return false;
    }
    QList<QPair<QString, QString>> found; // arch key, digest-ref
    for (auto it = archs.begin(); it != archs.end(); ++it) {
        if (!architectures.isEmpty() && !architectures.contains(it.key()))
            continue;
        const QJsonValue ref = it.value()
                                   .toObject()
                                   .value(QLatin1String("images"))
                                   .toObject()
                                   .value(QLatin1String("kubevirt"))
                                   .toObject()
                                   .value(QLatin1String("digest-ref"));
        if (ref.isUndefined())
            continue;
        const QString field = QStringLiteral("data.stream: architectures.%1.images.kubevirt.digest-ref").arg(it.key());
        QString referenceError;
        const auto reference = ImageReference::parse(ref.toString(), &referenceError);
        if (!ref.isString() || !reference || !reference->hasDigest()) {
            *error = QStringLiteral("%1: %2: expected an image reference by digest, got \"%3\"%4")
                         .arg(file, field, ref.toString(),
                              referenceError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(referenceError));
            return false;
        }
        found.append({it.key(), ref.toString()});
    }
    for (const QString &wanted : architectures) {
        const bool present =
            std::any_of(found.cbegin(), found.cend(), [&](const auto &pair) { return pair.first == wanted; });
        if (!present) {
            *error =
                QStringLiteral("%1: data.stream: architectures.%2.images.kubevirt.digest-ref: no KubeVirt container "
                               "image for this architecture")
                    .arg(file, wanted);
            return false;
        }
    }
    if (found.isEmpty()) {
        *error = QStringLiteral("%1: data.stream: no architecture lists a KubeVirt container image").arg(file);
        return false;
    }
    contents.kubeVirtContainers.clear();
    for (const auto &[arch, image] : std::as_const(found)) {
        const QString name =
            found.size() == 1 ? QStringLiteral("kube-virt-container") : QStringLiteral("kube-virt-container-") + arch;
        contents.kubeVirtContainers.append({name, image});
    }
    return true;
}
