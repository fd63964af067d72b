#include "config/operatorcatalog.h"
#include "copy/imagepuller.h"
#include "operators/catalogimagebuilder.h"
#include "operators/filterid.h"
#include "plan/catalogplanner.h"
#include "registry/digest.h"
#include "registry/mediatypes.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &bytes)
{
    return {{QStringLiteral("mediaType"), mediaType},
            {QStringLiteral("digest"), Digest::sha256(bytes).toString()},
            {QStringLiteral("size"), bytes.size()}};
}

// Writes a catalog image as an OCI layout: a base image (one layer) with the catalog layered on top by
// CatalogImageBuilder, so /configs holds `catalogJson`. Returns the image (index) digest.
QString writeCatalogLayout(const QString &directory, const QByteArray &catalogJson,
                           const QString &architecture = QStringLiteral("amd64"))
{
    QDir(directory).removeRecursively();
    auto blob = [&](const QByteArray &bytes) {
        writeFile(directory + QStringLiteral("/blobs/sha256/") + Digest::sha256(bytes).encoded(), bytes);
    };
    const QByteArray base = CatalogImageBuilder::gzip(QByteArray(1024, '\0')); // an empty tar
    const QByteArray config =
        QJsonDocument(QJsonObject{{QStringLiteral("architecture"), architecture},
                                  {QStringLiteral("os"), QStringLiteral("linux")},
                                  {QStringLiteral("rootfs"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"),
                                                QJsonArray{Digest::sha256(QByteArray(1024, '\0')).toString()}}}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray manifest =
        QJsonDocument(
            QJsonObject{{QStringLiteral("schemaVersion"), 2},
                        {QStringLiteral("mediaType"), QString(MediaTypes::OciManifest)},
                        {QStringLiteral("config"), descriptor(QString(MediaTypes::OciConfig), config)},
                        {QStringLiteral("layers"), QJsonArray{descriptor(QString(MediaTypes::OciLayerGzip), base)}}})
            .toJson(QJsonDocument::Compact);
    blob(base);
    CatalogImageBuilder builder;
    builder.setCatalogFiles({{QStringLiteral("chain/catalog.json"), catalogJson}});
    QString error;
    const auto image = builder.build(QByteArray(), {{manifest, config}}, &error);
    if (!image)
        qFatal("cannot build the test catalog: %s", qPrintable(error));
    for (const auto &part : image->layers + image->configs + image->manifests)
        blob(part.data);
    blob(image->index.data);
    writeFile(directory + QStringLiteral("/oci-layout"), QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}"));
    writeFile(directory + QStringLiteral("/index.json"),
              QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                        {QStringLiteral("manifests"),
                                         QJsonArray{descriptor(QString(MediaTypes::OciIndex), image->index.data)}}})
                  .toJson(QJsonDocument::Compact));
    return image->index.digest;
}

// A planner for layout catalogs: the workspace in `dir`, the cache as localhost:55000.
CatalogPlanner::Options layoutOptions(const QTemporaryDir &dir, DistributionStore &cache, RegistryClient &client)
{
    CatalogPlanner::Options options;
    options.workingDirectory = dir.filePath(QStringLiteral("working-dir"));
    options.cacheRoot = QStringLiteral("localhost:55000");
    options.cache = &cache;
    options.client = &client;
    return options;
}

const MirrorPlanEntry *catalogEntry(const QList<MirrorPlanEntry> &entries)
{
    for (const MirrorPlanEntry &entry : entries) {
        if (entry.kind == ImageKind::OperatorCatalog)
            return &entry;
    }
    return nullptr;
}

} // namespace

class tst_CatalogPlanner : public QObject
{
    Q_OBJECT

private slots:
    void layoutNames()
    {
        OperatorCatalog catalog;
        catalog.catalog = S("oci:///srv/catalogs/redhat-index/");
        CatalogPlanner::LayoutName name = CatalogPlanner::layoutName(catalog);
        QVERIFY2(name.error.isEmpty(), qPrintable(name.error));
        QCOMPARE(name.path, S("/srv/catalogs/redhat-index"));
        QCOMPARE(name.repository, S("redhat-index"));
        QCOMPARE(name.tag, S("latest"));

        catalog.targetCatalog = S("team/index");
        catalog.targetTag = S("v4.16");
        name = CatalogPlanner::layoutName(catalog);
        QCOMPARE(name.repository, S("team/index"));
        QCOMPARE(name.tag, S("v4.16"));

        // A relative path is taken from the current directory.
        catalog = {};
        catalog.catalog = S("oci://layouts/index");
        QCOMPARE(CatalogPlanner::layoutName(catalog).path, QDir::current().absoluteFilePath(S("layouts/index")));

        catalog.catalog = S("oci:///srv/My_Index");
        QVERIFY2(CatalogPlanner::layoutName(catalog).error.contains(S("\"My_Index\" cannot be a repository name")),
                 qPrintable(CatalogPlanner::layoutName(catalog).error));
        QVERIFY(CatalogPlanner::layoutName(catalog).error.contains(S("set targetCatalog")));
        catalog.targetCatalog = S("Bad//Name");
        QVERIFY(CatalogPlanner::layoutName(catalog).error.contains(S("targetCatalog \"Bad//Name\"")));
        catalog.targetCatalog = S("good");
        catalog.targetTag = S("no:colons");
        QVERIFY(CatalogPlanner::layoutName(catalog).error.contains(S("targetTag \"no:colons\"")));
        catalog = {};
        catalog.catalog = S("oci://");
        QVERIFY(CatalogPlanner::layoutName(catalog).error.contains(S("names no directory")));
    }

    void layoutCatalogIsImportedFilteredAndFoundAgainOffline()
    {
        QTemporaryDir dir;
        const QString layout = dir.filePath(S("layouts/chain-index"));
        const QByteArray catalogJson = readFile(S(FERRY_TEST_DATA_DIR "/operators/continuity/catalog.json"));
        QVERIFY(!catalogJson.isEmpty());
        const QString imageDigest = writeCatalogLayout(layout, catalogJson);

        DistributionStore cache(dir.filePath(S("cache")));
        RegistryClient client;
        const CatalogPlanner::Options options = layoutOptions(dir, cache, client);
        const ImagePuller puller({&client, nullptr, nullptr}); // a layout never needs a registry

        OperatorCatalog catalog;
        catalog.catalog = S("oci://") + layout;
        const QStringList roots{S("mirror.example.com/ns")};
        const CatalogPlanner::Result online = CatalogPlanner(options).plan(catalog, puller, roots);
        QVERIFY2(online.errors.isEmpty(), qPrintable(online.errors.join(QLatin1Char('\n'))));
        QCOMPARE(online.entries.size(), 1);
        const MirrorPlanEntry *entry = catalogEntry(online.entries.first());
        QVERIFY(entry);
        QCOMPARE(entry->origin, catalog.catalog);
        QCOMPARE(entry->destination, S("mirror.example.com/ns/chain-index:latest"));
        const QString filterId = FilterId::compute(catalog, imageDigest);
        QCOMPARE(entry->effectiveSource(), S("localhost:55000/chain-index:") + filterId);
        QVERIFY(online.entries.first().size() > 1); // the bundle and its related images too

        // The cache holds the layout's image under its destination name and the rebuild under the filter ID; the
        // workspace has oc-mirror's layout for the catalog.
        QCOMPARE(cache.manifestDigestForTag(S("chain-index"), S("latest")), imageDigest);
        const QString rebuilt = cache.manifestDigestForTag(S("chain-index"), filterId);
        QVERIFY(!rebuilt.isEmpty());
        QVERIFY(rebuilt != imageDigest);
        const QString catalogDir =
            options.workingDirectory + S("/operator-catalogs/chain-index/") + Digest::parse(imageDigest)->encoded();
        QVERIFY(QFile::exists(catalogDir + S("/catalog-image/index.json")));
        QVERIFY(QFile::exists(catalogDir + S("/catalog-config/chain/catalog.json")));
        QCOMPARE(readFile(catalogDir + S("/filtered-catalogs/") + filterId + S("/digest")),
                 Digest::parse(rebuilt)->encoded().toLatin1());

        // mirrorToDisk names the layout's image in the cache by digest: it is there already.
        const CatalogPlanner::Result toDisk = CatalogPlanner(options).plan(catalog, puller, {options.cacheRoot});
        QVERIFY2(toDisk.errors.isEmpty(), qPrintable(toDisk.errors.join(QLatin1Char('\n'))));
        QCOMPARE(catalogEntry(toDisk.entries.first())->destination, S("localhost:55000/chain-index:latest"));
        QCOMPARE(catalogEntry(toDisk.entries.first())->effectiveSource(),
                 S("localhost:55000/chain-index@") + imageDigest);

        // diskToMirror: the layout is gone, the cache and workspace are all there is.
        QVERIFY(QDir(layout).removeRecursively());
        CatalogPlanner::Options offlineOptions = options;
        offlineOptions.offline = true;
        const ImagePuller cachePuller({&client, nullptr, &cache});
        const CatalogPlanner::Result offline =
            CatalogPlanner(offlineOptions).plan(catalog, cachePuller, {options.cacheRoot, roots.first()});
        QVERIFY2(offline.errors.isEmpty(), qPrintable(offline.errors.join(QLatin1Char('\n'))));
        QCOMPARE(offline.entries.size(), 2);
        QCOMPARE(catalogEntry(offline.entries.at(1))->destination, entry->destination);
        QCOMPARE(catalogEntry(offline.entries.at(1))->effectiveSource(), entry->effectiveSource());

        // Online again the layout is required, and its absence is reported with the path.
        const CatalogPlanner::Result missing = CatalogPlanner(options).plan(catalog, puller, roots);
        QCOMPARE(missing.errors.size(), 1);
        QVERIFY2(missing.errors.first().contains(layout) &&
                     missing.errors.first().contains(S("no such OCI layout directory")),
                 qPrintable(missing.errors.first()));

        // New content at the same path (so the same filter ID): the stale rebuild is not reused.
        QByteArray changed = catalogJson;
        changed.append('\n');
        const QString newDigest = writeCatalogLayout(layout, changed);
        QVERIFY(newDigest != imageDigest);
        QCOMPARE(FilterId::compute(catalog, newDigest), filterId);
        const CatalogPlanner::Result again = CatalogPlanner(options).plan(catalog, puller, roots);
        QVERIFY2(again.errors.isEmpty(), qPrintable(again.errors.join(QLatin1Char('\n'))));
        const QString rebuiltAgain = cache.manifestDigestForTag(S("chain-index"), filterId);
        QVERIFY(rebuiltAgain != rebuilt);
        QCOMPARE(cache.manifestDigestForTag(S("chain-index"), S("latest")), newDigest);
        QCOMPARE(readFile(options.workingDirectory + S("/operator-catalogs/chain-index/") +
                          Digest::parse(newDigest)->encoded() + S("/filtered-catalogs/") + filterId + S("/digest")),
                 Digest::parse(rebuiltAgain)->encoded().toLatin1());
    }

    void wholeLayoutCatalogIsMirroredFromTheCache()
    {
        QTemporaryDir dir;
        const QString layout = dir.filePath(S("chain-index"));
        const QString imageDigest =
            writeCatalogLayout(layout, readFile(S(FERRY_TEST_DATA_DIR "/operators/continuity/catalog.json")));
        DistributionStore cache(dir.filePath(S("cache")));
        RegistryClient client;
        const CatalogPlanner::Options options = layoutOptions(dir, cache, client);
        OperatorCatalog catalog;
        catalog.catalog = S("oci://") + layout;
        catalog.full = true;
        catalog.targetCatalog = S("ocp/chain");
        catalog.targetTag = S("v1");
        const CatalogPlanner::Result result =
            CatalogPlanner(options).plan(catalog, ImagePuller({&client, nullptr, nullptr}), {S("mirror.example.com")});
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        const MirrorPlanEntry *entry = catalogEntry(result.entries.first());
        QVERIFY(entry);
        QCOMPARE(entry->destination, S("mirror.example.com/ocp/chain:v1"));
        QCOMPARE(entry->effectiveSource(), S("localhost:55000/ocp/chain:v1"));
        QCOMPARE(cache.manifestDigestForTag(S("ocp/chain"), S("v1")), imageDigest);
        QCOMPARE(cache.tags(S("ocp/chain")), QStringList{S("v1")}); // nothing rebuilt
    }

    void catalogWithoutAmd64IsReadFromItsPlatform()
    {
        QTemporaryDir dir;
        const QString layout = dir.filePath(S("arm-index"));
        const QString imageDigest = writeCatalogLayout(
            layout, readFile(S(FERRY_TEST_DATA_DIR "/operators/continuity/catalog.json")), S("arm64"));
        const QByteArray index = readFile(layout + S("/blobs/sha256/") + Digest::parse(imageDigest)->encoded());
        QVERIFY(index.contains("\"arm64\""));
        QVERIFY(!index.contains("\"amd64\""));
        DistributionStore cache(dir.filePath(S("cache")));
        RegistryClient client;
        const CatalogPlanner::Options options = layoutOptions(dir, cache, client);
        OperatorCatalog catalog;
        catalog.catalog = S("oci://") + layout;
        OperatorPackage package;
        package.name = S("chain");
        catalog.packages = {package};
        const CatalogPlanner::Result result =
            CatalogPlanner(options).plan(catalog, ImagePuller({&client, nullptr, nullptr}), {S("mirror.example.com")});
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY(catalogEntry(result.entries.first()));
        QVERIFY(result.entries.first().size() > 1); // the chain package's bundles came from the arm64 image's FBC
    }

    void layoutWithSeveralTaggedImagesIsRefused()
    {
        QTemporaryDir dir;
        const QString layout = dir.filePath(S("two-tags"));
        const QString imageDigest =
            writeCatalogLayout(layout, readFile(S(FERRY_TEST_DATA_DIR "/operators/continuity/catalog.json")));
        const QByteArray index = readFile(layout + S("/blobs/sha256/") + Digest::parse(imageDigest)->encoded());
        QJsonArray entries;
        for (const char *tag : {"v1", "v2"}) {
            QJsonObject entry = descriptor(QString(MediaTypes::OciIndex), index);
            entry.insert(QStringLiteral("annotations"),
                         QJsonObject{{QStringLiteral("org.opencontainers.image.ref.name"), QString::fromLatin1(tag)}});
            entries.append(entry);
        }
        QVERIFY(writeFile(layout + S("/index.json"), QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                                               {QStringLiteral("manifests"), entries}})
                                                         .toJson(QJsonDocument::Compact)));
        DistributionStore cache(dir.filePath(S("cache")));
        RegistryClient client;
        const CatalogPlanner::Options options = layoutOptions(dir, cache, client);
        OperatorCatalog catalog;
        catalog.catalog = S("oci://") + layout;
        const CatalogPlanner::Result result =
            CatalogPlanner(options).plan(catalog, ImagePuller({&client, nullptr, nullptr}), {S("mirror.example.com")});
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().contains(S("v1, v2 without a platform")), qPrintable(result.errors.first()));
        QVERIFY(cache.repositories().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CatalogPlanner)
#include "tst_catalogplanner.moc"
