#include "operators/catalogfilter.h"
#include "operators/catalogimagebuilder.h"
#include "operators/fbcloader.h"
#include "operators/fbcwriter.h"
#include "registry/digest.h"
#include "registry/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

namespace {
// Test literals as QString (the build forbids implicit conversions from const char *).
[[maybe_unused]] QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

namespace {

struct TarEntry
{
    QString path;
    QByteArray content;
    qint64 uid = -1;
    qint64 gid = -1;
    qint64 mtime = -1;
    bool directory = false;
};

// Reads a (possibly gzip-compressed) tar with libarchive's reader, independently of how it was written.
QList<TarEntry> readTar(const QByteArray &data)
{
    QList<TarEntry> entries;
    struct archive *a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_memory(a, data.constData(), size_t(data.size())) != ARCHIVE_OK) {
        archive_read_free(a);
        return entries;
    }
    struct archive_entry *entry = nullptr;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
        TarEntry item;
        item.path = QString::fromUtf8(archive_entry_pathname(entry));
        item.uid = archive_entry_uid(entry);
        item.gid = archive_entry_gid(entry);
        item.mtime = archive_entry_mtime(entry);
        item.directory = archive_entry_filetype(entry) == AE_IFDIR;
        char buffer[8192];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
            item.content.append(buffer, qsizetype(n));
        entries.append(item);
    }
    archive_read_free(a);
    return entries;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray sourceConfig(const QString &architecture)
{
    return json(
        {{S("architecture"), architecture},
         {S("os"), S("linux")},
         {S("config"),
          QJsonObject{{S("Entrypoint"), QJsonArray{S("/bin/opm")}},
                      {S("Cmd"), QJsonArray{S("serve"), S("/configs"), S("--cache-dir=/tmp/cache")}},
                      {S("Labels"), QJsonObject{{S("operators.operatorframework.io.index.configs.v1"), S("/configs")},
                                                {S("vendor"), S("Example")}}}}},
         {S("rootfs"), QJsonObject{{S("type"), S("layers")},
                                   {S("diff_ids"), QJsonArray{QString(S("sha256:") + QString(64, QLatin1Char('1')))}}}},
         {S("history"), QJsonArray{QJsonObject{{S("created_by"), S("base")}}}}});
}

QByteArray sourceManifest(const QByteArray &config, bool docker)
{
    return json(
        {{S("schemaVersion"), 2},
         {S("mediaType"), docker ? QString(MediaTypes::DockerManifest) : QString(MediaTypes::OciManifest)},
         {S("config"),
          QJsonObject{{S("mediaType"), docker ? QString(MediaTypes::DockerConfig) : QString(MediaTypes::OciConfig)},
                      {S("digest"), Digest::sha256(config).toString()},
                      {S("size"), qint64(config.size())}}},
         {S("layers"), QJsonArray{QJsonObject{{S("mediaType"), docker ? QString(MediaTypes::DockerLayerGzip)
                                                                      : QString(MediaTypes::OciLayerGzip)},
                                              {S("digest"), QString(S("sha256:") + QString(64, QLatin1Char('2')))},
                                              {S("size"), 1234}}}}});
}

QMap<QString, QByteArray> filteredFiles(const QString &dir)
{
    const auto catalog = FbcLoader::load(dir);
    if (!catalog)
        qFatal("cannot load %s", qUtf8Printable(dir));
    return FbcWriter::render(CatalogFilter::filter(*catalog, {}).catalog);
}

} // namespace

class tst_CatalogImageBuilder : public QObject
{
    Q_OBJECT

private slots:
    void singleOciManifest()
    {
        const QMap<QString, QByteArray> files =
            filteredFiles(QStringLiteral(FERRY_TEST_DATA_DIR "/operators/continuity"));
        CatalogImageBuilder builder;
        builder.setCatalogFiles(files);
        const QByteArray config = sourceConfig(QStringLiteral("amd64"));
        const QByteArray manifest = sourceManifest(config, false);
        QString error;
        const auto result = builder.build({}, {{manifest, config}}, &error);
        QVERIFY2(result, qUtf8Printable(error));

        // The layers untar to exactly the whiteout and the filtered catalog, owned by root, mtime fixed.
        const QList<TarEntry> whiteout = readTar(result->layers.at(0).data);
        QCOMPARE(whiteout.size(), 1);
        QCOMPARE(whiteout.constFirst().path, QStringLiteral(".wh.configs"));
        QVERIFY(whiteout.constFirst().content.isEmpty());
        const QList<TarEntry> configs = readTar(result->layers.at(1).data);
        QMap<QString, QByteArray> unpacked;
        QStringList directories;
        for (const TarEntry &entry : configs) {
            QCOMPARE(entry.uid, 0);
            QCOMPARE(entry.gid, 0);
            QCOMPARE(entry.mtime, 0);
            if (entry.directory)
                directories.append(entry.path);
            else
                unpacked.insert(entry.path.mid(int(qstrlen("configs/"))), entry.content);
        }
        QCOMPARE(unpacked, files);
        QCOMPARE(directories, (QStringList{S("configs/"), S("configs/__global/"), S("configs/chain/")}));
        QCOMPARE(readTar(result->configsTar).size(), configs.size());

        // Blob digests, diff_ids and gzip headers.
        for (const CatalogImageBuilder::Blob &layer : result->layers) {
            QCOMPARE(layer.mediaType, QString(MediaTypes::OciLayerGzip));
            QCOMPARE(layer.digest, Digest::sha256(layer.data).toString());
            QCOMPARE(layer.data.left(2), QByteArray("\x1f\x8b"));
            QCOMPARE(layer.data.mid(4, 4), QByteArray(4, '\0')); // no timestamp
        }
        const QJsonObject newConfig = QJsonDocument::fromJson(result->configs.constFirst().data).object();
        const QJsonArray diffIds = newConfig.value(S("rootfs")).toObject().value(S("diff_ids")).toArray();
        QCOMPARE(diffIds.size(), 3);
        QCOMPARE(diffIds.at(1).toString(), Digest::sha256(result->whiteoutTar).toString());
        QCOMPARE(diffIds.at(2).toString(), Digest::sha256(result->configsTar).toString());
        const QJsonObject runtime = newConfig.value(S("config")).toObject();
        QCOMPARE(runtime.value(S("Cmd")).toArray(), (QJsonArray{S("serve"), S("/configs")}));
        QCOMPARE(runtime.value(S("Entrypoint")).toArray(), QJsonArray{S("/bin/opm")});
        QCOMPARE(runtime.value(S("Labels")).toObject().value(QString(CatalogImageBuilder::ConfigsLabel)).toString(),
                 QStringLiteral("/configs"));
        QCOMPARE(runtime.value(S("Labels")).toObject().value(S("vendor")).toString(), QStringLiteral("Example"));
        QCOMPARE(newConfig.value(S("author")).toString(), QStringLiteral("oc-mirror"));
        QCOMPARE(newConfig.value(S("history")).toArray().size(), 3);

        // Manifest: config and the two layers appended; index wraps it with the config's platform.
        const QJsonObject newManifest = QJsonDocument::fromJson(result->manifests.constFirst().data).object();
        QCOMPARE(newManifest.value(S("config")).toObject().value(S("digest")).toString(),
                 result->configs.constFirst().digest);
        const QJsonArray layers = newManifest.value(S("layers")).toArray();
        QCOMPARE(layers.size(), 3);
        QCOMPARE(layers.at(1).toObject().value(S("digest")).toString(), result->layers.at(0).digest);
        QCOMPARE(layers.at(2).toObject().value(S("size")).toInteger(), result->layers.at(1).data.size());
        QCOMPARE(result->index.mediaType, QString(MediaTypes::OciIndex));
        QCOMPARE(result->index.digest, Digest::sha256(result->index.data).toString());
        const QJsonArray descriptors =
            QJsonDocument::fromJson(result->index.data).object().value(S("manifests")).toArray();
        QCOMPARE(descriptors.size(), 1);
        QCOMPARE(descriptors.at(0).toObject().value(S("digest")).toString(), result->manifests.constFirst().digest);
        QCOMPARE(descriptors.at(0).toObject().value(S("platform")).toObject().value(S("architecture")).toString(),
                 QStringLiteral("amd64"));

        // An independent reader agrees: GNU tar lists the compressed layer.
        QTemporaryDir dir;
        QFile layerFile(dir.filePath(QStringLiteral("layer.tar.gz")));
        QVERIFY(layerFile.open(QIODevice::WriteOnly));
        layerFile.write(result->layers.at(1).data);
        layerFile.close();
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-tzf"), layerFile.fileName()});
        QVERIFY(tar.waitForFinished(10000));
        QCOMPARE(tar.exitCode(), 0);
        QVERIFY(tar.readAllStandardOutput().contains("configs/chain/catalog.json"));
    }

    void deterministic()
    {
        const QMap<QString, QByteArray> files =
            filteredFiles(QStringLiteral(FERRY_FIXTURES_DIR "/fbc/community-operators-prod/v4.18/infinispan"));
        const QByteArray config = sourceConfig(QStringLiteral("amd64"));
        const QByteArray manifest = sourceManifest(config, false);
        CatalogImageBuilder first;
        first.setCatalogFiles(files);
        CatalogImageBuilder second;
        second.setCatalogFiles(files);
        const auto a = first.build({}, {{manifest, config}});
        const auto b = second.build({}, {{manifest, config}});
        QVERIFY(a && b);
        QCOMPARE(a->index.digest, b->index.digest);
        QCOMPARE(a->layers.at(1).data, b->layers.at(1).data);

        QMap<QString, QByteArray> changed = files;
        changed.first().append(' ');
        CatalogImageBuilder third;
        third.setCatalogFiles(changed);
        const auto c = third.build({}, {{manifest, config}});
        QVERIFY(c);
        QVERIFY(c->index.digest != a->index.digest);
        QCOMPARE(c->layers.at(0).digest, a->layers.at(0).digest); // the whiteout does not depend on the catalog
    }

    void dockerManifestList()
    {
        const QMap<QString, QByteArray> files =
            filteredFiles(QStringLiteral(FERRY_TEST_DATA_DIR "/operators/continuity"));
        const QByteArray amdConfig = sourceConfig(QStringLiteral("amd64"));
        const QByteArray armConfig = sourceConfig(QStringLiteral("arm64"));
        const QByteArray amd = sourceManifest(amdConfig, true);
        const QByteArray arm = sourceManifest(armConfig, true);
        const auto descriptor = [](const QByteArray &manifest, const QString &os, const QString &arch) {
            return QJsonObject{{S("mediaType"), QString(MediaTypes::DockerManifest)},
                               {S("digest"), Digest::sha256(manifest).toString()},
                               {S("size"), qint64(manifest.size())},
                               {S("platform"), QJsonObject{{S("os"), os}, {S("architecture"), arch}}}};
        };
        const QByteArray list =
            json({{S("schemaVersion"), 2},
                  {S("mediaType"), QString(MediaTypes::DockerManifestList)},
                  {S("manifests"),
                   QJsonArray{descriptor(amd, S("linux"), S("amd64")), descriptor(arm, S("linux"), S("arm64")),
                              descriptor(QByteArray("attestation"), S("unknown"), S("unknown"))}}});
        CatalogImageBuilder builder;
        builder.setCatalogFiles(files);
        QString error;
        const auto result = builder.build(list, {{arm, armConfig}, {amd, amdConfig}}, &error);
        QVERIFY2(result, qUtf8Printable(error));
        QCOMPARE(result->index.mediaType, QString(MediaTypes::DockerManifestList));
        QCOMPARE(result->manifests.size(), 2);
        QCOMPARE(result->layers.at(0).mediaType, QString(MediaTypes::DockerLayerGzip));
        const QJsonArray descriptors =
            QJsonDocument::fromJson(result->index.data).object().value(S("manifests")).toArray();
        QCOMPARE(descriptors.size(), 2); // the attestation is dropped
        QCOMPARE(descriptors.at(0).toObject().value(S("platform")).toObject().value(S("architecture")).toString(),
                 QStringLiteral("amd64"));
        QCOMPARE(descriptors.at(0).toObject().value(S("digest")).toString(), result->manifests.at(0).digest);
        QCOMPARE(result->manifests.at(0).mediaType, QString(MediaTypes::DockerManifest));
        QCOMPARE(QJsonDocument::fromJson(result->configs.at(1).data).object().value(S("architecture")).toString(),
                 QStringLiteral("arm64"));
        // The same layers serve every platform.
        for (const CatalogImageBuilder::Blob &manifest : result->manifests) {
            const QJsonArray layers = QJsonDocument::fromJson(manifest.data).object().value(S("layers")).toArray();
            QCOMPARE(layers.at(2).toObject().value(S("digest")).toString(), result->layers.at(1).digest);
            QCOMPARE(layers.at(2).toObject().value(S("mediaType")).toString(), QString(MediaTypes::DockerLayerGzip));
        }

        QVERIFY(!builder.build(list, {{amd, amdConfig}}, &error));
        QVERIFY2(error.contains(QStringLiteral("linux/arm64")) && error.contains(QStringLiteral("was not given")),
                 qUtf8Printable(error));
    }

    void catalogDirectory()
    {
        QTemporaryDir dir;
        const auto catalog = FbcLoader::load(QStringLiteral(FERRY_TEST_DATA_DIR "/operators/continuity"));
        QVERIFY(catalog);
        QVERIFY(FbcWriter::write(*catalog, dir.path()));
        CatalogImageBuilder builder;
        QVERIFY(builder.setCatalogDirectory(dir.path()));
        const QByteArray config = sourceConfig(QStringLiteral("amd64"));
        const auto result = builder.build({}, {{sourceManifest(config, false), config}});
        QVERIFY(result);
        QCOMPARE(readTar(result->configsTar).constLast().content, FbcWriter::render(*catalog).last());
        QString error;
        CatalogImageBuilder empty;
        QVERIFY(!empty.build({}, {{sourceManifest(config, false), config}}, &error));
        QCOMPARE(error, QStringLiteral("the filtered catalog has no files"));
    }
};

QTEST_GUILESS_MAIN(tst_CatalogImageBuilder)
#include "tst_catalogimagebuilder.moc"
