#include "catalogimagebuilder.h"

#include "registry/digest.h"
#include "registry/mediatypes.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace {

const QString ConfigsDir = QStringLiteral("configs");

la_ssize_t appendToByteArray(struct archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(clientData)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

struct EntryDeleter
{
    void operator()(struct archive_entry *e) const { archive_entry_free(e); }
};
using EntryPtr = std::unique_ptr<struct archive_entry, EntryDeleter>;

QString archiveError(struct archive *a)
{
    const char *message = archive_error_string(a);
    return message ? QString::fromUtf8(message) : QStringLiteral("unknown libarchive error");
}

// A tar writer over memory. Entries are added in the order given.
class TarBuilder
{
public:
    explicit TarBuilder(qint64 mtime)
        : m_archive(archive_write_new())
        , m_mtime(mtime)
    {
        archive_write_set_format_pax_restricted(m_archive.get());
        archive_write_set_bytes_in_last_block(m_archive.get(), 1);
        m_ok =
            archive_write_open2(m_archive.get(), &m_data, nullptr, appendToByteArray, nullptr, nullptr) == ARCHIVE_OK;
        if (!m_ok)
            m_error = archiveError(m_archive.get());
    }

    bool addDirectory(const QString &path) { return add(path, AE_IFDIR, 0755, QByteArray()); }
    bool addFile(const QString &path, const QByteArray &content) { return add(path, AE_IFREG, 0644, content); }

    std::optional<QByteArray> finish(QString *error)
    {
        if (m_ok && archive_write_close(m_archive.get()) != ARCHIVE_OK) {
            m_ok = false;
            m_error = archiveError(m_archive.get());
        }
        if (!m_ok) {
            if (error)
                *error = QStringLiteral("cannot write the layer tar: ") + m_error;
            return std::nullopt;
        }
        return m_data;
    }

private:
    bool add(const QString &path, unsigned int type, int mode, const QByteArray &content)
    {
        if (!m_ok)
            return false;
        EntryPtr entry(archive_entry_new());
        const QByteArray name = path.toUtf8();
        archive_entry_set_pathname(entry.get(), name.constData());
        archive_entry_set_filetype(entry.get(), type);
        archive_entry_set_perm(entry.get(), mode_t(mode));
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_mtime(entry.get(), time_t(m_mtime), 0);
        archive_entry_set_size(entry.get(), type == AE_IFREG ? content.size() : 0);
        if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK ||
            (type == AE_IFREG && !content.isEmpty() &&
             archive_write_data(m_archive.get(), content.constData(), size_t(content.size())) != content.size())) {
            m_ok = false;
            m_error = archiveError(m_archive.get());
        }
        return m_ok;
    }

    ArchivePtr m_archive;
    QByteArray m_data;
    qint64 m_mtime;
    bool m_ok = false;
    QString m_error;
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

CatalogImageBuilder::Blob makeBlob(const QString &mediaType, const QByteArray &data)
{
    return {Digest::sha256(data).toString(), mediaType, data};
}

QJsonObject descriptor(const CatalogImageBuilder::Blob &blob)
{
    return {{QStringLiteral("mediaType"), blob.mediaType},
            {QStringLiteral("digest"), blob.digest},
            {QStringLiteral("size"), blob.data.size()}};
}

} // namespace

QByteArray CatalogImageBuilder::gzip(const QByteArray &data, QString *error)
{
    ArchivePtr a(archive_write_new());
    QByteArray out;
    // The raw format writes one entry's data as is; the gzip filter without timestamp makes the output depend on
    // the input only.
    if (archive_write_set_format_raw(a.get()) != ARCHIVE_OK || archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK ||
        archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK ||
        archive_write_open2(a.get(), &out, nullptr, appendToByteArray, nullptr, nullptr) != ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("cannot set up gzip compression: ") + archiveError(a.get());
        return {};
    }
    EntryPtr entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), "layer.tar");
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_size(entry.get(), data.size());
    if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK ||
        (!data.isEmpty() && archive_write_data(a.get(), data.constData(), size_t(data.size())) != data.size()) ||
        archive_write_close(a.get()) != ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("gzip compression failed: ") + archiveError(a.get());
        return {};
    }
    return out;
}

bool CatalogImageBuilder::setCatalogDirectory(const QString &directory, QString *error)
{
    QDir root(directory);
    if (!root.exists()) {
        if (error)
            *error = QStringLiteral("%1: no such catalog directory").arg(directory);
        return false;
    }
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
            return false;
        }
        files.insert(root.relativeFilePath(path), file.readAll());
    }
    m_files = files;
    return true;
}

QByteArray CatalogImageBuilder::configsTar(QString *error) const
{
    TarBuilder tar(m_mtime);
    // Parent directories first, each once, in sorted order (QMap keys are sorted).
    QSet<QString> directories;
    tar.addDirectory(ConfigsDir + QLatin1Char('/'));
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QString path = ConfigsDir;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            path += QLatin1Char('/') + parts.at(i);
            if (!directories.contains(path)) {
                directories.insert(path);
                tar.addDirectory(path + QLatin1Char('/'));
            }
        }
        tar.addFile(ConfigsDir + QLatin1Char('/') + parts.join(QLatin1Char('/')), it.value());
    }
    return tar.finish(error).value_or(QByteArray());
}

QByteArray CatalogImageBuilder::whiteoutTar(QString *error) const
{
    TarBuilder tar(m_mtime);
    tar.addFile(QStringLiteral(".wh.") + ConfigsDir, QByteArray());
    return tar.finish(error).value_or(QByteArray());
}

std::optional<CatalogImageBuilder::Result>
CatalogImageBuilder::build(const QByteArray &sourceIndex, const QList<SourceManifest> &manifests, QString *error) const
{
    const auto fail = [error](const QString &message) -> std::optional<Result> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (manifests.isEmpty())
        return fail(QStringLiteral("no source manifest given"));
    if (m_files.isEmpty())
        return fail(QStringLiteral("the filtered catalog has no files"));

    Result result;
    QString tarError;
    result.whiteoutTar = whiteoutTar(&tarError);
    if (result.whiteoutTar.isEmpty())
        return fail(tarError);
    result.configsTar = configsTar(&tarError);
    if (result.configsTar.isEmpty())
        return fail(tarError);
    const QByteArray whiteoutGz = gzip(result.whiteoutTar, &tarError);
    const QByteArray configsGz = gzip(result.configsTar, &tarError);
    if (whiteoutGz.isEmpty() || configsGz.isEmpty())
        return fail(tarError);
    const QString whiteoutDiffId = Digest::sha256(result.whiteoutTar).toString();
    const QString configsDiffId = Digest::sha256(result.configsTar).toString();

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

    const QString layerType = docker ? QString(MediaTypes::DockerLayerGzip) : QString(MediaTypes::OciLayerGzip);
    result.layers = {makeBlob(layerType, whiteoutGz), makeBlob(layerType, configsGz)};

    QJsonArray newDescriptors;
    for (const QJsonValue &value : std::as_const(sourceDescriptors)) {
        QJsonObject entry = value.toObject();
        const QJsonObject platform = entry.value(QLatin1String("platform")).toObject();
        const QString digest = entry.value(QLatin1String("digest")).toString();
        if (platform.value(QLatin1String("os")).toString() == QLatin1String("unknown"))
            continue; // an attestation manifest: it describes the original image, not the rebuilt one
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
        runtime.insert(QStringLiteral("Cmd"), QJsonArray{QStringLiteral("serve"), QStringLiteral("/configs")});
        QJsonObject labels = runtime.value(QLatin1String("Labels")).toObject();
        labels.insert(ConfigsLabel, QStringLiteral("/configs"));
        runtime.insert(QStringLiteral("Labels"), labels);
        config.insert(QStringLiteral("config"), runtime);
        config.insert(QStringLiteral("author"), m_author);
        QJsonObject rootfs = config.value(QLatin1String("rootfs")).toObject();
        QJsonArray diffIds = rootfs.value(QLatin1String("diff_ids")).toArray();
        diffIds.append(whiteoutDiffId);
        diffIds.append(configsDiffId);
        rootfs.insert(QStringLiteral("type"), QStringLiteral("layers"));
        rootfs.insert(QStringLiteral("diff_ids"), diffIds);
        config.insert(QStringLiteral("rootfs"), rootfs);
        QJsonArray history = config.value(QLatin1String("history")).toArray();
        history.append(QJsonObject{{QStringLiteral("author"), m_author},
                                   {QStringLiteral("created_by"), QStringLiteral("remove the original /configs")}});
        history.append(
            QJsonObject{{QStringLiteral("author"), m_author},
                        {QStringLiteral("created_by"), QStringLiteral("add the filtered catalog at /configs")}});
        config.insert(QStringLiteral("history"), history);

        const QString configType =
            manifest.value(QLatin1String("config")).toObject().value(QLatin1String("mediaType")).toString();
        const Blob configBlob = makeBlob(configType, compact(config));
        manifest.insert(QStringLiteral("config"), descriptor(configBlob));
        QJsonArray layers = manifest.value(QLatin1String("layers")).toArray();
        layers.append(descriptor(result.layers.at(0)));
        layers.append(descriptor(result.layers.at(1)));
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
