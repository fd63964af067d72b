#include "operators/catalogfilter.h"
#include "operators/fbcloader.h"
#include "operators/operatorcollector.h"
#include "plan/mirrorplan.h"
#include "registry/imagereference.h"

#include <QtTest>

namespace {
QString S(const char *text)
{
    return QString::fromUtf8(text);
}

FileBasedCatalog chainCatalog()
{
    const auto catalog = FbcLoader::load(QStringLiteral(FERRY_TEST_DATA_DIR "/operators/continuity"));
    if (!catalog)
        qFatal("cannot load the chain catalog");
    return *catalog;
}

QString hexOf(const QString &name)
{
    // The bundle digests of the chain test catalog: the name's hex, repeated, cut to 64 characters.
    QString hex;
    while (hex.size() < 64)
        hex += QString::fromLatin1(name.toUtf8().toHex());
    return hex.left(64);
}
} // namespace

class tst_OperatorCollector : public QObject
{
    Q_OBJECT

private slots:
    void headsOnly()
    {
        const FileBasedCatalog input = chainCatalog();
        const CatalogFilterResult filtered = CatalogFilter::filter(input, {});
        QVERIFY(filtered.isOk());
        const OperatorCollector collector(S("docker://mirror.example.com:5000/ns/"));
        OperatorCollector::CatalogInput catalog;
        catalog.catalog = S("registry.example.com/catalogs/chain-index:v1");
        const OperatorCollector::Result result = collector.collect(filtered.catalog, catalog, &filtered);
        QVERIFY2(result.isOk(), qUtf8Printable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.entries.size(), 4);

        const MirrorPlanEntry &operatorImage = result.entries.at(0);
        QCOMPARE(operatorImage.kind, ImageKind::OperatorRelatedImage);
        QCOMPARE(operatorImage.origin, S("quay.io/example/chain-operator@sha256:") + QString(64, QLatin1Char('c')));
        QCOMPARE(operatorImage.destination,
                 S("mirror.example.com:5000/ns/example/chain-operator:sha256-") + QString(64, QLatin1Char('c')));
        QCOMPARE(operatorImage.operatorNames, QStringList{S("chain")});
        QCOMPARE(operatorImage.bundleNames, QStringList{S("chain.v3.0.0")});
        QVERIFY2(operatorImage.reason.contains(S("channel head of stable")), qUtf8Printable(operatorImage.reason));

        const MirrorPlanEntry &proxy = result.entries.at(1);
        QCOMPARE(proxy.destination, S("mirror.example.com:5000/ns/team/proxy:1.2"));
        QCOMPARE(proxy.kind, ImageKind::OperatorRelatedImage);

        // v3.0.0 does not list its bundle image among relatedImages: it is mirrored anyway, as a bundle.
        const MirrorPlanEntry &bundle = result.entries.at(2);
        QCOMPARE(bundle.kind, ImageKind::OperatorBundle);
        QCOMPARE(bundle.destination,
                 S("mirror.example.com:5000/ns/example/chain-bundle:sha256-") + hexOf(S("chain.v3.0.0")));

        const MirrorPlanEntry &catalogEntry = result.entries.at(3);
        QCOMPARE(catalogEntry.kind, ImageKind::OperatorCatalog);
        QCOMPARE(catalogEntry.origin, catalog.catalog);
        QCOMPARE(catalogEntry.destination, S("mirror.example.com:5000/ns/catalogs/chain-index:v1"));

        // MirrorPlan keeps the order: related, bundles, catalog last.
        MirrorPlan plan;
        for (const MirrorPlanEntry &entry : result.entries)
            plan.add(entry);
        QCOMPARE(plan.inCopyOrder().constLast().kind, ImageKind::OperatorCatalog);
        QCOMPARE(plan.inCopyOrder().constFirst().kind, ImageKind::OperatorRelatedImage);
    }

    void rangeWithTagAndDigestAndBundleInRelatedImages()
    {
        FilterSpec spec;
        FilterSpec::Package package;
        package.name = S("chain");
        package.minVersion = S("0.1.0");
        package.maxVersion = S("2.0.0");
        package.channels = {{S("stable"), {}, {}}};
        spec.packages = {package};
        const CatalogFilterResult filtered = CatalogFilter::filter(chainCatalog(), spec);
        QVERIFY2(filtered.isOk(), qUtf8Printable(filtered.error));
        const OperatorCollector collector(S("mirror.example.com:5000"));
        const OperatorCollector::Result result =
            collector.collect(filtered.catalog, {S("registry.example.com/idx:v1")});
        QVERIFY(result.isOk());
        // chain.v2.0.0's operator image has a tag and a digest: pulled by digest, pushed by tag.
        const auto tagged = std::find_if(result.entries.cbegin(), result.entries.cend(), [](const MirrorPlanEntry &e) {
            return e.origin.startsWith(QLatin1String("quay.io/example/chain-operator:v2.0.0@"));
        });
        QVERIFY(tagged != result.entries.cend());
        QCOMPARE(tagged->destination, S("mirror.example.com:5000/example/chain-operator:v2.0.0"));
        QCOMPARE(tagged->source, S("quay.io/example/chain-operator@sha256:") + QString(64, QLatin1Char('a')));
        QCOMPARE(result.warnings.size(), 1);
        // chain.v0.1.0 lists its bundle image: it is a bundle, not a related image, and appears once.
        const QString bundleImage = S("quay.io/example/chain-bundle@sha256:") + hexOf(S("chain.v0.1.0"));
        const auto bundles = std::count_if(result.entries.cbegin(), result.entries.cend(),
                                           [&](const MirrorPlanEntry &e) { return e.origin == bundleImage; });
        QCOMPARE(bundles, 1);
        for (const MirrorPlanEntry &entry : result.entries) {
            QVERIFY(!entry.origin.isEmpty()); // the empty related image was skipped
            if (entry.origin == bundleImage)
                QCOMPARE(entry.kind, ImageKind::OperatorBundle);
        }
        // 4 bundles (v0.1.0 … v2.0.0 plus legacy): 4 operator images + 4 bundle images + the catalog.
        QCOMPARE(result.entries.size(), 9);
    }

    void sharedImagesAndInvalidOnes()
    {

        // Two bundles share an image; a third has an oci:// related image.
        QString error;
        const auto loaded =
            FbcLoader::load(QStringLiteral(FERRY_TEST_DATA_DIR "/operators/shared-and-invalid"), &error);
        QVERIFY2(loaded, qUtf8Printable(error));
        const FileBasedCatalog catalog = *loaded;
        const OperatorCollector collector(S("mirror.example.com:5000"));
        const OperatorCollector::Result result =
            collector.collect(catalog, {S("registry.example.com/idx@sha256:") + QString(64, QLatin1Char('d'))});
        QVERIFY(!result.isOk());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.constFirst().endsWith(S("SKIPPING bundle bad.v1 of operator bad")),
                 qUtf8Printable(result.errors.constFirst()));
        // The broken bundle contributes nothing; the shared db image is one entry naming both bundles.
        const auto db = std::find_if(result.entries.cbegin(), result.entries.cend(), [](const MirrorPlanEntry &e) {
            return e.origin == QLatin1String("quay.io/x/db:15");
        });
        QVERIFY(db != result.entries.cend());
        QCOMPARE(db->bundleNames, (QStringList{S("shared.v1"), S("shared.v2")}));
        QCOMPARE(db->operatorNames, QStringList{S("shared")});
        for (const MirrorPlanEntry &entry : result.entries)
            QVERIFY(!entry.origin.contains(S("bad-bundle")));
        QCOMPARE(result.entries.size(), 4);
        // Digest-only catalog, not rebuilt: tagged by its own digest.
        QCOMPARE(result.entries.constLast().destination,
                 S("mirror.example.com:5000/idx:sha256-") + QString(64, QLatin1Char('d')));
    }

    void catalogNaming()
    {
        const OperatorCollector collector(S("mirror.example.com:5000/ns"));
        OperatorCollector::CatalogInput input;
        input.catalog = S("registry.redhat.io/redhat/redhat-operator-index:v4.18");
        input.targetCatalog = S("mirrored/operators");
        input.targetTag = S("filtered");
        QCOMPARE(collector.catalogEntry(input).destination,
                 S("mirror.example.com:5000/ns/mirrored/operators:filtered"));

        input = {};
        input.catalog = S("registry.redhat.io/redhat/redhat-operator-index@sha256:") + QString(64, QLatin1Char('1'));
        input.rebuiltDigest = S("sha256:") + QString(64, QLatin1Char('2'));
        input.rebuiltSource = S("localhost:55000/redhat/redhat-operator-index:0123456789abcdef0123456789abcdef");
        const MirrorPlanEntry rebuilt = collector.catalogEntry(input);
        QCOMPARE(rebuilt.destination,
                 S("mirror.example.com:5000/ns/redhat/redhat-operator-index:sha256-") + QString(64, QLatin1Char('2')));
        QCOMPARE(rebuilt.effectiveSource(), input.rebuiltSource);

        input = {};
        input.catalog = S("oci:///srv/catalogs/my-index/");
        QCOMPARE(collector.catalogEntry(input).destination, S("mirror.example.com:5000/ns/my-index:latest"));
        input.targetTag = S("v2");
        QCOMPARE(collector.catalogEntry(input).destination, S("mirror.example.com:5000/ns/my-index:v2"));
        input.catalog = S("oci:///srv/catalogs/my-index/.");
        input.targetCatalog = S("team/index");
        QCOMPARE(collector.catalogEntry(input).destination, S("mirror.example.com:5000/ns/team/index:v2"));

        input = {};
        input.catalog = S("Not A Reference");
        QString error;
        QVERIFY(collector.catalogEntry(input, &error).destination.isEmpty());
        QVERIFY(error.contains(S("is not a valid image reference")));
    }

    void noRelatedImages()
    {
        const OperatorCollector collector(S("mirror.example.com:5000"));
        const OperatorCollector::Result result =
            collector.collect(FileBasedCatalog(), {S("registry.example.com/idx:v1")});
        QCOMPARE(result.errors, QStringList{S("no related images found")});
    }
};

QTEST_GUILESS_MAIN(tst_OperatorCollector)
#include "tst_operatorcollector.moc"
