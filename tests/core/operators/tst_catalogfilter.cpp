#include "config/operatorcatalog.h"
#include "operators/catalogfilter.h"
#include "operators/fbcloader.h"

#include <QtTest>

namespace {
// Test literals as QString (the build forbids implicit conversions from const char *).
[[maybe_unused]] QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

Q_DECLARE_METATYPE(FilterSpec)

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(FERRY_FIXTURES_DIR "/fbc/") + relative;
}

QString community(const QString &package)
{
    return fixture(QStringLiteral("community-operators-prod/v4.18/") + package);
}

QString testData(const QString &relative)
{
    return QStringLiteral(FERRY_TEST_DATA_DIR "/operators/") + relative;
}

FileBasedCatalog load(const QString &dir)
{
    QString error;
    const auto catalog = FbcLoader::load(dir, &error);
    if (!catalog)
        qFatal("cannot load %s: %s", qUtf8Printable(dir), qUtf8Printable(error));
    return *catalog;
}

FilterSpec::Package pkg(const QString &name, const QString &min = {}, const QString &max = {},
                        const QList<FilterSpec::Channel> &channels = {}, const QString &defaultChannel = {})
{
    FilterSpec::Package package;
    package.name = name;
    package.minVersion = min;
    package.maxVersion = max;
    package.channels = channels;
    package.defaultChannel = defaultChannel;
    return package;
}

FilterSpec::Channel chan(const QString &name, const QString &min = {}, const QString &max = {})
{
    return {name, min, max};
}

FilterSpec spec(const QList<FilterSpec::Package> &packages, bool full = false)
{
    FilterSpec s;
    s.packages = packages;
    s.full = full;
    return s;
}

// S("channel=entry,entry") per kept channel (entries sorted), channels in catalog order.
QStringList channelSummary(const FileBasedCatalog &catalog)
{
    QStringList summary;
    for (const FbcChannel &channel : catalog.channels()) {
        QStringList names = channel.entryNames();
        names.sort();
        summary.append(channel.name + QLatin1Char('=') + names.join(QLatin1Char(',')));
    }
    return summary;
}

QStringList bundleNames(const FileBasedCatalog &catalog)
{
    QStringList names;
    for (const FbcBundle &bundle : catalog.bundles())
        names.append(bundle.name);
    return names;
}

} // namespace

class tst_CatalogFilter : public QObject
{
    Q_OBJECT

private slots:
    // opm's before/after cases. oc-mirror resolves no dependencies, so heads-only gives exp-latest (the heads),
    // not opm diff's exp-headsonly (which adds bar's whole alpha channel because foo requires bar).
    void opmDiffCases_data()
    {
        QTest::addColumn<FilterSpec>("filterSpec");
        QTest::addColumn<QString>("expectedDir");
        QTest::newRow("heads only = exp-latest") << spec({}) << "exp-latest";
        QTest::newRow("package ranges = exp-include-pkg")
            << spec({pkg(QStringLiteral("bar"), QStringLiteral("0.1.0")),
                     pkg(QStringLiteral("baz"), QStringLiteral("1.0.0")), pkg(QStringLiteral("foo"))})
            << "exp-include-pkg";
        QTest::newRow("channel ranges = exp-include-channel")
            << spec({pkg(QStringLiteral("bar"), {}, {},
                         {chan(QStringLiteral("alpha"), QStringLiteral("0.1.0")), chan(QStringLiteral("stable"))}),
                     pkg(QStringLiteral("baz"), {}, {}, {chan(QStringLiteral("stable"), QStringLiteral("1.0.0"))}),
                     pkg(QStringLiteral("foo"), {}, {}, {chan(QStringLiteral("beta"))})})
            << "exp-include-channel";
        QTest::newRow("full with packages = whole packages")
            << spec({pkg(QStringLiteral("bar")), pkg(QStringLiteral("baz")), pkg(QStringLiteral("foo"))}, true)
            << "latest";
    }

    void opmDiffCases()
    {
        QFETCH(FilterSpec, filterSpec);
        QFETCH(QString, expectedDir);
        const FileBasedCatalog input = load(fixture(QStringLiteral("operator-registry-diff-testdata/latest")));
        const CatalogFilterResult result = CatalogFilter::filter(input, filterSpec);
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        const FileBasedCatalog expected =
            load(fixture(QStringLiteral("operator-registry-diff-testdata/") + expectedDir));
        QString difference;
        QVERIFY2(result.catalog.hasSameContent(expected, &difference), qUtf8Printable(difference));
    }

    void realPackages_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<FilterSpec>("filterSpec");
        QTest::addColumn<QStringList>("channels");
        QTest::addColumn<int>("bundleCount");
        QTest::addColumn<QString>("defaultChannel");

        QTest::newRow("infinispan heads only")
            << community(QStringLiteral("infinispan")) << spec({})
            << QStringList{S("2.2.x=infinispan-operator.v2.2.5"), S("2.3.x=infinispan-operator.v2.3.8"),
                           S("2.4.x=infinispan-operator.v2.4.18"), S("stable=infinispan-operator.v2.5.14")}
            << 4 << "stable";
        QTest::newRow("infinispan package listed: heads of all channels")
            << community(QStringLiteral("infinispan")) << spec({pkg(QStringLiteral("infinispan"))})
            << QStringList{S("2.2.x=infinispan-operator.v2.2.5"), S("2.3.x=infinispan-operator.v2.3.8"),
                           S("2.4.x=infinispan-operator.v2.4.18"), S("stable=infinispan-operator.v2.5.14")}
            << 4 << "stable";
        QTest::newRow("infinispan one channel")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), {}, {}, {chan(QStringLiteral("stable"))})})
            << QStringList{S("stable=infinispan-operator.v2.5.14")} << 1 << "stable";
        QTest::newRow("infinispan channel min")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), {}, {},
                         {chan(QStringLiteral("stable"), QStringLiteral("2.5.10"))})})
            << QStringList{S(
                   "stable=infinispan-operator.v2.5.10,infinispan-operator.v2.5.11,infinispan-operator.v2.5.12,"
                   "infinispan-operator.v2.5.13,infinispan-operator.v2.5.14")}
            << 5 << "stable";
        QTest::newRow("infinispan channel min and max across minors")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), {}, {},
                         {chan(QStringLiteral("stable"), QStringLiteral("2.4.16"), QStringLiteral("2.5.1"))})})
            << QStringList{S(
                   "stable=infinispan-operator.v2.4.16,infinispan-operator.v2.4.17,infinispan-operator.v2.4.18,"
                   "infinispan-operator.v2.5.0,infinispan-operator.v2.5.1")}
            << 5 << "stable";
        // A package-level range applies to every channel; channels it empties are dropped (not the default).
        QTest::newRow("infinispan package min")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), QStringLiteral("2.4.17"))})
            << QStringList{S("2.4.x=infinispan-operator.v2.4.17,infinispan-operator.v2.4.18"),
                           S("stable=infinispan-operator.v2.4.17,infinispan-operator.v2.4.18,infinispan-operator.v2.5."
                             "0,"
                             "infinispan-operator.v2.5.1,infinispan-operator.v2.5.10,infinispan-operator.v2.5.11,"
                             "infinispan-operator.v2.5.12,infinispan-operator.v2.5.13,infinispan-operator.v2.5.14,"
                             "infinispan-operator.v2.5.2,infinispan-operator.v2.5.3,infinispan-operator.v2.5.4,"
                             "infinispan-operator.v2.5.5,infinispan-operator.v2.5.6,infinispan-operator.v2.5.7,"
                             "infinispan-operator.v2.5.8,infinispan-operator.v2.5.9")}
            << 17 << "stable";
        QTest::newRow("infinispan full, two channels")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), {}, {},
                         {chan(QStringLiteral("2.3.x")), chan(QStringLiteral("stable"))})},
                    true)
            << QStringList{S("2.3.x=infinispan-operator.v2.3.0,infinispan-operator.v2.3.1,infinispan-operator.v2.3.2,"
                             "infinispan-operator.v2.3.3,infinispan-operator.v2.3.4,infinispan-operator.v2.3.5,"
                             "infinispan-operator.v2.3.6,infinispan-operator.v2.3.7,infinispan-operator.v2.3.8"),
                           QString()}
            << 43 << "stable";
        // Skips: v0.2.3 skips 0.1.1–0.2.2; the in-range ones come along, 0.1.1 (below min) does not.
        QTest::newRow("clusterpulse skips with default override")
            << community(QStringLiteral("clusterpulse"))
            << spec({pkg(QStringLiteral("clusterpulse"), {}, {},
                         {chan(QStringLiteral("fast-v0"), QStringLiteral("0.2.0"))}, QStringLiteral("fast-v0"))})
            << QStringList{S("fast-v0=clusterpulse.v0.2.0,clusterpulse.v0.2.1,clusterpulse.v0.2.2,clusterpulse.v0.2.3,"
                             "clusterpulse.v0.3.0")}
            << 5 << "fast-v0";
        QTest::newRow("jumpstarter prerelease range")
            << community(QStringLiteral("jumpstarter-operator"))
            << spec(
                   {pkg(QStringLiteral("jumpstarter-operator"), QStringLiteral("0.8.1"), QStringLiteral("0.9.0-rc.2"))})
            << QStringList{S("alpha=jumpstarter-operator.v0.8.1,jumpstarter-operator.v0.9.0-rc.1,"
                             "jumpstarter-operator.v0.9.0-rc.2")}
            << 3 << "alpha";
        QTest::newRow("kubevirt-wol one bundle in three channels")
            << community(QStringLiteral("kubevirt-wol")) << spec({})
            << QStringList{S("candidate-v0=kubevirt-wol.v0.0.2"), S("fast-v0=kubevirt-wol.v0.0.2"),
                           S("stable-v0=kubevirt-wol.v0.0.2")}
            << 1 << "stable-v0";
        // Prereleases are ordinary lower versions (blang semantics): 1.34.1-5 and 1.42.0-5 are >= 1.34.0.
        QTest::newRow("jaeger rebuild counters in range")
            << fixture(QStringLiteral("redhat-operator-index/jaeger-product"))
            << spec({pkg(QStringLiteral("jaeger-product"), QStringLiteral("1.34.0"), QStringLiteral("1.42.0"))})
            << QStringList{S("stable=jaeger-operator.v1.34.1-5,jaeger-operator.v1.42.0-5,"
                             "jaeger-operator.v1.42.0-5-0.1687199951.p")}
            << 3 << "stable";
        QTest::newRow("aws-lb default channel only listed")
            << fixture(QStringLiteral("redhat-operator-index/aws-load-balancer-operator"))
            << spec({pkg(QStringLiteral("aws-load-balancer-operator"), {}, {}, {chan(QStringLiteral("stable-v0.1"))})})
            << QStringList{S("stable-v0.1=aws-load-balancer-operator.v0.0.1")} << 1 << "stable-v0.1";
        QTest::newRow("node-observability full catalog unchanged")
            << fixture(QStringLiteral("redhat-operator-index/v4.14/node-observability-operator")) << spec({}, true)
            << QStringList{S("alpha=node-observability-operator.v0.2.0")} << 1 << "alpha";
    }

    void realPackages()
    {
        QFETCH(QString, dir);
        QFETCH(FilterSpec, filterSpec);
        QFETCH(QStringList, channels);
        QFETCH(int, bundleCount);
        QFETCH(QString, defaultChannel);
        const FileBasedCatalog input = load(dir);
        const CatalogFilterResult result = CatalogFilter::filter(input, filterSpec);
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        const QStringList summary = channelSummary(result.catalog);
        if (channels.size() == 2 && channels.at(1).isEmpty()) {
            // Only the first channel is spelled out (the second one is large); check the count of the other.
            QCOMPARE(summary.size(), 2);
            QCOMPARE(summary.at(0), channels.at(0));
        } else {
            QCOMPARE(summary, channels);
        }
        QCOMPARE(result.catalog.bundles().size(), bundleCount);
        QCOMPARE(result.catalog.packages().size(), 1);
        QCOMPARE(result.catalog.packages().constFirst().defaultChannel, defaultChannel);
        QCOMPARE(result.catalog.packages().constFirst().object().value(QLatin1String("defaultChannel")).toString(),
                 defaultChannel);
        // Every kept bundle has a reason, and every channel entry has its bundle.
        for (const FbcBundle &bundle : result.catalog.bundles())
            QVERIFY2(!result.reasons(bundle.package, bundle.name).isEmpty(), qUtf8Printable(bundle.name));
        for (const FbcChannel &channel : result.catalog.channels()) {
            for (const FbcChannelEntry &entry : channel.entries)
                QVERIFY(result.catalog.bundle(channel.package, entry.name));
            QCOMPARE(channel.object().value(QLatin1String("entries")).toArray().size(), channel.entries.size());
        }
    }

    void errors_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<FilterSpec>("filterSpec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default channel filtered out")
            << community(QStringLiteral("clusterpulse"))
            << spec({pkg(QStringLiteral("clusterpulse"), {}, {}, {chan(QStringLiteral("fast-v0"))})})
            << "invalid default channel configuration for package \"clusterpulse\": the default channel \"fast-v1\" "
               "was filtered out, a new default channel must be configured for this package";
        QTest::newRow("default override missing")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), {}, {}, {chan(QStringLiteral("stable"))},
                         QStringLiteral("2.4.x"))})
            << "invalid default channel configuration for package \"infinispan\": specified default channel override "
               "\"2.4.x\" does not exist in the filtered output";
        QTest::newRow("range empties the default channel")
            << community(QStringLiteral("infinispan"))
            << spec({pkg(QStringLiteral("infinispan"), QStringLiteral("9.0.0"))})
            << "package \"infinispan\" channel \"stable\" has version range \">=9.0.0\" that results in an empty "
               "channel";
        QTest::newRow("full with range") << community(QStringLiteral("infinispan"))
                                         << spec({pkg(QStringLiteral("infinispan"), QStringLiteral("2.5.0"))}, true)
                                         << "Full: true cannot be mixed with versionRange";
        QTest::newRow("multiple heads") << testData(QStringLiteral("multiple-heads")) << spec({})
                                        << "package \"twoheads\" channel \"stable\" unable to filter head of channel: "
                                           "multiple channel heads found: "
                                           "[twoheads.v1.1.0 twoheads.v2.0.0]";
        QTest::newRow("cycle with a range")
            << testData(QStringLiteral("cycle"))
            << spec({pkg(QStringLiteral("loop"), QStringLiteral("1.0.0"), {}, {}, QStringLiteral("stable"))})
            << "package \"loop\" channel \"stable\": detected a cycle in the upgrade graph of the channel";
        QTest::newRow("invalid min version") << community(QStringLiteral("infinispan"))
                                             << spec({pkg(QStringLiteral("infinispan"), QStringLiteral("2.x"))})
                                             << "error parsing version range: minVersion \"2.x\"";
    }

    void errors()
    {
        QFETCH(QString, dir);
        QFETCH(FilterSpec, filterSpec);
        QFETCH(QString, expected);
        const CatalogFilterResult result = CatalogFilter::filter(load(dir), filterSpec);
        QVERIFY2(result.error.contains(expected), qUtf8Printable(QStringLiteral("got: ") + result.error));
    }

    void continuityAndReasons()
    {
        const FileBasedCatalog input = load(testData(QStringLiteral("continuity")));
        const CatalogFilterResult result = CatalogFilter::filter(
            input, spec({pkg(QStringLiteral("chain"), {}, {},
                             {chan(QStringLiteral("stable"), QStringLiteral("1.0.0"), QStringLiteral("2.0.0"))})}));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(channelSummary(result.catalog), QStringList{S("stable=chain.legacy,chain.v1.0.0,chain.v2.0.0")});
        QCOMPARE(bundleNames(result.catalog), (QStringList{S("chain.legacy"), S("chain.v1.0.0"), S("chain.v2.0.0")}));
        QCOMPARE(result.reasonTexts(QStringLiteral("chain"), QStringLiteral("chain.v2.0.0")),
                 QStringList{S("in range >=1.0.0 <=2.0.0 of channel stable")});
        const QList<BundleKeepReason> legacy = result.reasons(QStringLiteral("chain"), QStringLiteral("chain.legacy"));
        QCOMPARE(legacy.size(), 1);
        QCOMPARE(legacy.constFirst().kind, BundleKeepReason::Kind::Continuity);
        QCOMPARE(legacy.constFirst().related, QStringLiteral("chain.v2.0.0 and chain.v1.0.0"));
        QCOMPARE(
            result.warnings,
            QStringList{S("including bundle \"chain.legacy\" with version \"0.5.0\": it falls outside the specified "
                          "range of \">=1.0.0 <=2.0.0\" but is required to ensure inclusion of all bundles in the "
                          "range")});
        // Deprecations keep the package entry only: channel S("fast") and bundles v0.1.0 / v3.0.0 are gone.
        const FbcDeprecation *deprecation = result.catalog.deprecationOf(QStringLiteral("chain"));
        QVERIFY(deprecation);
        QCOMPARE(deprecation->entries.size(), 1);
        QCOMPARE(deprecation->entries.constFirst().schema, QStringLiteral("olm.package"));
        QCOMPARE(deprecation->object().value(QLatin1String("entries")).toArray().size(), 1);
        // Package-scoped and global blobs of other schemas stay.
        QCOMPARE(result.catalog.others().size(), 2);
        // The kept channel entries are the source entries, skipRange included.
        const QJsonArray entries = result.catalog.channel(QStringLiteral("chain"), QStringLiteral("stable"))
                                       ->object()
                                       .value(QLatin1String("entries"))
                                       .toArray();
        QCOMPARE(entries.at(2).toObject().value(QLatin1String("replaces")).toString(), QStringLiteral("chain.legacy"));
    }

    void skipsReasonsAndHeadsWithDeprecations()
    {
        const FileBasedCatalog input = load(testData(QStringLiteral("continuity")));
        const CatalogFilterResult ranged = CatalogFilter::filter(
            input, spec({pkg(QStringLiteral("chain"), QStringLiteral("2.0.0"), {}, {}, QStringLiteral("stable"))}));
        QVERIFY2(ranged.isOk(), qUtf8Printable(ranged.error));
        QCOMPARE(channelSummary(ranged.catalog),
                 (QStringList{S("stable=chain.v2.0.0,chain.v2.5.0,chain.v3.0.0"), S("fast=chain.v3.0.0")}));
        QCOMPARE(ranged.reasonTexts(QStringLiteral("chain"), QStringLiteral("chain.v2.5.0")),
                 QStringList{S("in range >=2.0.0 of channel stable, reached via skips from chain.v3.0.0")});
        QVERIFY(ranged.warnings.isEmpty());

        const CatalogFilterResult heads = CatalogFilter::filter(input, spec({}));
        QVERIFY(heads.isOk());
        QCOMPARE(bundleNames(heads.catalog), QStringList{S("chain.v3.0.0")});
        QCOMPARE(heads.reasonTexts(QStringLiteral("chain"), QStringLiteral("chain.v3.0.0")),
                 (QStringList{S("channel head of stable"), S("channel head of fast")}));
        QCOMPARE(heads.catalog.deprecationOf(QStringLiteral("chain"))->entries.size(), 3);
    }

    void dotvirtOutOfRangeHeadKeepsSkippedBundles()
    {
        // v0.0.32 replaces nothing and skips 27–29: it is out of range but the only way to reach them.
        const FileBasedCatalog input = load(community(QStringLiteral("dotvirt-operator")));
        const CatalogFilterResult result = CatalogFilter::filter(
            input, spec({pkg(QStringLiteral("dotvirt-operator"), QStringLiteral("0.0.27"), QStringLiteral("0.0.29"))}));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.catalog.bundles().size(), 4);
        QCOMPARE(result.reasons(QStringLiteral("dotvirt-operator"), QStringLiteral("dotvirt-operator.v0.0.32"))
                     .constFirst()
                     .kind,
                 BundleKeepReason::Kind::Continuity);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.constFirst().startsWith(
            QStringLiteral("including bundle \"dotvirt-operator.v0.0.32\" with version \"0.0.32\"")));
    }

    void fullCatalogIsUnchanged()
    {
        const FileBasedCatalog input = load(community(QStringLiteral("infinispan")));
        const CatalogFilterResult result = CatalogFilter::filter(input, spec({}, true));
        QVERIFY(result.isOk());
        QVERIFY(result.unchanged);
        QString difference;
        QVERIFY2(result.catalog.hasSameContent(input, &difference), qUtf8Printable(difference));
        QCOMPARE(result.reasonTexts(QStringLiteral("infinispan"), QStringLiteral("infinispan-operator.v2.2.0")),
                 QStringList{S("full catalog")});
    }

    void unknownPackageAndChannelWarn()
    {
        const FileBasedCatalog input = load(fixture(QStringLiteral("operator-registry-diff-testdata/latest")));
        const CatalogFilterResult result = CatalogFilter::filter(
            input,
            spec({pkg(QStringLiteral("nothere")),
                  pkg(QStringLiteral("baz"), {}, {}, {chan(QStringLiteral("stable")), chan(QStringLiteral("gone"))})}));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.catalog.packageNames(), QStringList{S("baz")});
        QCOMPARE(result.warnings, (QStringList{S("package \"nothere\" not found in catalog"),
                                               S("channel \"gone\" not found in package \"baz\"")}));
    }

    void fromOperatorCatalog()
    {
        OperatorCatalog config;
        config.catalog = S("registry.redhat.io/redhat/redhat-operator-index:v4.18");
        config.full = true;
        OperatorPackage package;
        package.name = S("jaeger-product");
        package.defaultChannel = S("stable");
        OperatorChannel channel;
        channel.name = S("stable");
        channel.minVersion = S("1.42.0");
        package.channels = {channel};
        config.packages = {package};
        const FilterSpec converted = FilterSpec::fromOperatorCatalog(config);
        QVERIFY(converted.full);
        QCOMPARE(converted.packages.size(), 1);
        QCOMPARE(converted.packages.constFirst().defaultChannel, S("stable"));
        QVERIFY(!converted.packages.constFirst().hasRange());
        QCOMPARE(converted.packages.constFirst().channels.constFirst(), chan(S("stable"), S("1.42.0")));
        // full with a range is refused by the filter, as oc-mirror does.
        QCOMPARE(CatalogFilter::filter(load(fixture(S("redhat-operator-index/jaeger-product"))), converted).error,
                 S("Full: true cannot be mixed with versionRange"));
    }

    void asyncFilter()
    {
        const FileBasedCatalog input = load(community(QStringLiteral("infinispan")));
        QFuture<CatalogFilterResult> future = CatalogFilter::filterAsync(input, spec({}));
        future.waitForFinished();
        QCOMPARE(future.result().catalog.bundles().size(), 4);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogFilter)
#include "tst_catalogfilter.moc"
