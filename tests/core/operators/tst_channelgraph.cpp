#include "operators/channelgraph.h"
#include "operators/fbcloader.h"

#include <QtTest>

namespace {
// Test literals as QString (the build forbids implicit conversions from const char *).
[[maybe_unused]] QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class tst_ChannelGraph : public QObject
{
    Q_OBJECT

private:
    static FileBasedCatalog load(const QString &dir)
    {
        QString error;
        const auto catalog = FbcLoader::load(dir, &error);
        if (!catalog)
            qFatal("cannot load %s: %s", qUtf8Printable(dir), qUtf8Printable(error));
        return *catalog;
    }

private slots:
    void heads_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("head");
        const QString fbc = QStringLiteral(FERRY_FIXTURES_DIR "/fbc/");
        const QString community = fbc + QStringLiteral("community-operators-prod/v4.18/");
        const QString redhat = fbc + QStringLiteral("redhat-operator-index/");
        // The real-data heads table of formats.md §3.3.
        QTest::newRow("infinispan 2.2.x") << community + S("infinispan") << "infinispan"
                                          << "2.2.x"
                                          << "infinispan-operator.v2.2.5";
        QTest::newRow("infinispan 2.3.x") << community + S("infinispan") << "infinispan"
                                          << "2.3.x"
                                          << "infinispan-operator.v2.3.8";
        QTest::newRow("infinispan 2.4.x") << community + S("infinispan") << "infinispan"
                                          << "2.4.x"
                                          << "infinispan-operator.v2.4.18";
        QTest::newRow("infinispan stable") << community + S("infinispan") << "infinispan"
                                           << "stable"
                                           << "infinispan-operator.v2.5.14";
        QTest::newRow("jumpstarter") << community + S("jumpstarter-operator") << "jumpstarter-operator"
                                     << "alpha"
                                     << "jumpstarter-operator.v0.9.0";
        QTest::newRow("kubevirt-wol fast") << community + S("kubevirt-wol") << "kubevirt-wol"
                                           << "fast-v0"
                                           << "kubevirt-wol.v0.0.2";
        QTest::newRow("dotvirt skips only") << community + S("dotvirt-operator") << "dotvirt-operator"
                                            << "stable-v0"
                                            << "dotvirt-operator.v0.0.32";
        QTest::newRow("clusterpulse fast-v0") << community + S("clusterpulse") << "clusterpulse"
                                              << "fast-v0"
                                              << "clusterpulse.v0.3.0";
        QTest::newRow("clusterpulse fast-v1") << community + S("clusterpulse") << "clusterpulse"
                                              << "fast-v1"
                                              << "clusterpulse.v1.0.2";
        QTest::newRow("jaeger") << redhat + S("jaeger-product") << "jaeger-product"
                                << "stable"
                                << "jaeger-operator.v1.51.0-1";
        QTest::newRow("node-observability")
            << redhat + S("v4.14/node-observability-operator") << "node-observability-operator"
            << "alpha"
            << "node-observability-operator.v0.2.0";
        QTest::newRow("aws-lb alpha") << redhat + S("aws-load-balancer-operator") << "aws-load-balancer-operator"
                                      << "alpha"
                                      << "aws-load-balancer-operator.v0.0.1";
        QTest::newRow("3scale 2.11") << redhat + S("3scale-operator-channels-only") << "3scale-operator"
                                     << "threescale-2.11"
                                     << "3scale-operator.v0.8.4-0.1655690146.p";
        QTest::newRow("3scale 2.12") << redhat + S("3scale-operator-channels-only") << "3scale-operator"
                                     << "threescale-2.12"
                                     << "3scale-operator.v0.9.1-0.1664967752.p";
        QTest::newRow("3scale mas") << redhat + S("3scale-operator-channels-only") << "3scale-operator"
                                    << "threescale-mas"
                                    << "3scale-operator.v0.11.0-mas";
        QTest::newRow("opm foo beta") << fbc + S("operator-registry-diff-testdata/latest") << "foo"
                                      << "beta"
                                      << "foo.v0.3.1";
        QTest::newRow("opm baz stable") << fbc + S("operator-registry-diff-testdata/latest") << "baz"
                                        << "stable"
                                        << "baz.v1.1.0";
    }

    void heads()
    {
        QFETCH(QString, dir);
        QFETCH(QString, package);
        QFETCH(QString, channel);
        QFETCH(QString, head);
        const FileBasedCatalog catalog = load(dir);
        const FbcChannel *fbcChannel = catalog.channel(package, channel);
        QVERIFY(fbcChannel);
        QString error;
        const auto graph = ChannelGraph::build(*fbcChannel, &catalog, &error);
        QVERIFY2(graph, qUtf8Printable(error));
        QCOMPARE(graph->head(), head);
    }

    void chainAndVersions()
    {
        const FileBasedCatalog catalog =
            load(QStringLiteral(FERRY_FIXTURES_DIR "/fbc/community-operators-prod/v4.18/jumpstarter-operator"));
        const auto graph = ChannelGraph::build(
            *catalog.channel(QStringLiteral("jumpstarter-operator"), QStringLiteral("alpha")), &catalog);
        QVERIFY(graph);
        const QStringList chain{S("jumpstarter-operator.v0.9.0"),      S("jumpstarter-operator.v0.9.0-rc.2"),
                                S("jumpstarter-operator.v0.9.0-rc.1"), S("jumpstarter-operator.v0.8.1"),
                                S("jumpstarter-operator.v0.8.1-rc.1"), S("jumpstarter-operator.v0.8.0")};
        QCOMPARE(graph->replacesChain(), chain);
        // Prereleases order before their release: the version order is the chain order here.
        QCOMPARE(graph->entriesByVersion(), chain);
        QCOMPARE(graph->version(QStringLiteral("jumpstarter-operator.v0.9.0-rc.1"))->toString(),
                 QStringLiteral("0.9.0-rc.1"));
        QCOMPARE(graph->successors(QStringLiteral("jumpstarter-operator.v0.8.1")),
                 QStringList{QStringLiteral("jumpstarter-operator.v0.9.0-rc.1")});

        // Skips are edges too: v0.0.32 skips three bundles and replaces none.
        const FileBasedCatalog dotvirt =
            load(QStringLiteral(FERRY_FIXTURES_DIR "/fbc/community-operators-prod/v4.18/dotvirt-operator"));
        const auto skipsOnly = ChannelGraph::build(
            *dotvirt.channel(QStringLiteral("dotvirt-operator"), QStringLiteral("stable-v0")), &dotvirt);
        QVERIFY(skipsOnly);
        QCOMPARE(skipsOnly->replacesChain(), QStringList{QStringLiteral("dotvirt-operator.v0.0.32")});
        QCOMPARE(skipsOnly->skips(QStringLiteral("dotvirt-operator.v0.0.32")).size(), 3);
        QCOMPARE(skipsOnly->successors(QStringLiteral("dotvirt-operator.v0.0.28")),
                 QStringList{QStringLiteral("dotvirt-operator.v0.0.32")});
    }

    void prereleaseRebuildCounters()
    {
        // Red Hat uses prereleases as rebuild counters: 1.34.1-5 < 1.42.0-5 and 1.42.0-5+build == 1.42.0-5.
        const FileBasedCatalog catalog =
            load(QStringLiteral(FERRY_FIXTURES_DIR "/fbc/redhat-operator-index/jaeger-product"));
        const auto graph =
            ChannelGraph::build(*catalog.channel(QStringLiteral("jaeger-product"), QStringLiteral("stable")), &catalog);
        QVERIFY(graph);
        const QStringList byVersion = graph->entriesByVersion();
        QCOMPARE(byVersion.constFirst(), QStringLiteral("jaeger-operator.v1.51.0-1"));
        QCOMPARE(byVersion.constLast(), QStringLiteral("jaeger-operator.v1.30.2"));
        QVERIFY(*graph->version(QStringLiteral("jaeger-operator.v1.42.0-5")) ==
                *graph->version(QStringLiteral("jaeger-operator.v1.42.0-5-0.1687199951.p")));
    }

    void invalidGraphs_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("expected");
        const QString data = QStringLiteral(FERRY_TEST_DATA_DIR "/operators/");
        QTest::newRow("multiple heads") << data + S("multiple-heads") << "twoheads"
                                        << "stable"
                                        << "multiple channel heads found: [twoheads.v1.1.0 twoheads.v2.0.0]";
        QTest::newRow("cycle below the head") << data + S("cycle") << "loop"
                                              << "stable"
                                              << "detected a cycle in the upgrade graph of the channel";
        QTest::newRow("cycle without head") << data + S("cycle") << "loop"
                                            << "nohead"
                                            << "no channel heads found";
    }

    void invalidGraphs()
    {
        QFETCH(QString, dir);
        QFETCH(QString, package);
        QFETCH(QString, channel);
        QFETCH(QString, expected);
        const FileBasedCatalog catalog = load(dir);
        QString error;
        QVERIFY(!ChannelGraph::build(*catalog.channel(package, channel), &catalog, &error));
        QCOMPARE(error, expected);
    }

    void malformedEntries()
    {
        FbcChannel channel;
        channel.package = QStringLiteral("p");
        channel.name = QStringLiteral("c");
        QString error;
        QVERIFY(!ChannelGraph::build(channel, nullptr, &error));
        QCOMPARE(error, QStringLiteral("channel has no entries"));

        channel.entries = {{QStringLiteral("a"), QStringLiteral("a"), {}, {}},
                           {QStringLiteral("b"), QStringLiteral("a"), {}, {}},
                           {QStringLiteral("b"), {}, {}, {}}};
        QVERIFY(!ChannelGraph::build(channel, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("duplicate channel entry \"b\"")), qUtf8Printable(error));
        QVERIFY2(error.contains(QStringLiteral("invalid channel entry \"a\": replaces itself")), qUtf8Printable(error));
    }
};

QTEST_GUILESS_MAIN(tst_ChannelGraph)
#include "tst_channelgraph.moc"
