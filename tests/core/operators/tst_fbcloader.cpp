#include "operators/fbcloader.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class tst_FbcLoader : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &relative) { return QStringLiteral(FERRY_FIXTURES_DIR "/fbc/") + relative; }
    static QString data(const QString &relative)
    {
        return QStringLiteral(FERRY_TEST_DATA_DIR "/operators/") + relative;
    }

    static QString loadError(const QByteArray &content, bool yaml)
    {
        FileBasedCatalog catalog;
        QString error;
        const bool ok = FbcLoader::loadData(content, yaml, QStringLiteral("bad/catalog.x"), catalog, &error);
        return ok ? QString() : error;
    }

private slots:
    void realCatalogs_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<int>("packages");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("bundles");
        QTest::addColumn<QString>("defaultChannel");
        // Counts read off the fixture files.
        QTest::newRow("infinispan") << "community-operators-prod/v4.18/infinispan" << 1 << 4 << 49 << "stable";
        QTest::newRow("clusterpulse") << "community-operators-prod/v4.18/clusterpulse" << 1 << 2 << 9 << "fast-v1";
        QTest::newRow("kubevirt-wol") << "community-operators-prod/v4.18/kubevirt-wol" << 1 << 3 << 1 << "stable-v0";
        QTest::newRow("jaeger") << "redhat-operator-index/jaeger-product" << 1 << 1 << 6 << "stable";
        QTest::newRow("3scale channels only")
            << "redhat-operator-index/3scale-operator-channels-only" << 1 << 3 << 0 << "threescale-mas";
        QTest::newRow("opm latest") << "operator-registry-diff-testdata/latest" << 3 << 4 << 10 << QString();
    }

    void realCatalogs()
    {
        QFETCH(QString, dir);
        QFETCH(int, packages);
        QFETCH(int, channels);
        QFETCH(int, bundles);
        QFETCH(QString, defaultChannel);
        QString error;
        const auto catalog = FbcLoader::load(fixture(dir), &error);
        QVERIFY2(catalog, qUtf8Printable(error));
        QCOMPARE(catalog->packages().size(), packages);
        QCOMPARE(catalog->channels().size(), channels);
        QCOMPARE(catalog->bundles().size(), bundles);
        if (!defaultChannel.isEmpty())
            QCOMPARE(catalog->packages().constFirst().defaultChannel, defaultChannel);
    }

    void bundleFields()
    {
        const auto catalog = FbcLoader::load(fixture(QStringLiteral("redhat-operator-index/jaeger-product")));
        QVERIFY(catalog);
        const FbcBundle *bundle = catalog->bundle(QStringLiteral("jaeger-product"),
                                                  QStringLiteral("jaeger-operator.v1.42.0-5-0.1687199951.p"));
        QVERIFY(bundle);
        // The version comes from the olm.package property, build metadata included.
        QCOMPARE(bundle->version, QStringLiteral("1.42.0-5+0.1687199951.p"));
        QVERIFY(bundle->image.startsWith(QStringLiteral("registry.redhat.io/")));
        QVERIFY(!bundle->relatedImages.isEmpty());
        QVERIFY(std::any_of(bundle->relatedImages.cbegin(), bundle->relatedImages.cend(),
                            [&](const FbcRelatedImage &r) { return r.image == bundle->image; }));
        // Properties stay raw: the olm.bundle.object data is still there.
        bool hasObject = false;
        for (const QJsonValue &property : bundle->properties())
            hasObject =
                hasObject || property.toObject().value(QLatin1String("type")) == QLatin1String("olm.bundle.object");
        QVERIFY(hasObject);

        const FbcChannel *channel = catalog->channel(QStringLiteral("jaeger-product"), QStringLiteral("stable"));
        QVERIFY(channel);
        const FbcChannelEntry *entry = channel->entry(QStringLiteral("jaeger-operator.v1.42.0-5-0.1687199951.p"));
        QVERIFY(entry);
        QCOMPARE(entry->replaces, QStringLiteral("jaeger-operator.v1.34.1-5"));
        QCOMPARE(entry->skips, QStringList{QStringLiteral("jaeger-operator.v1.42.0-5")});
        QCOMPARE(entry->skipRange, QStringLiteral(">=1.13.0 <1.42.0-5"));
    }

    void jsonStreamsYamlAndIndexIgnore()
    {
        QString error;
        const auto catalog = FbcLoader::load(data(QStringLiteral("stream")), &error);
        QVERIFY2(catalog, qUtf8Printable(error));
        QCOMPARE(catalog->packageNames(), (QStringList{QStringLiteral("streamy"), QStringLiteral("yamly")}));
        QCOMPARE(catalog->package(QStringLiteral("streamy"))->description,
                 QStringLiteral("braces { and } and \"quotes\" and [brackets] inside strings"));
        QCOMPARE(catalog->package(QStringLiteral("yamly"))->description, QStringLiteral("quoted: \"yes\""));
        QCOMPARE(catalog->bundles().size(), 2);
        const FbcBundle *yamly = catalog->bundle(QStringLiteral("yamly"), QStringLiteral("yamly.v0.1.0"));
        QVERIFY(yamly);
        QCOMPARE(yamly->version, QStringLiteral("0.1.0"));
        // Plain YAML scalars are typed, quoted ones stay strings.
        const QJsonObject value = yamly->properties().at(1).toObject().value(QLatin1String("value")).toObject();
        QCOMPARE(value.value(QLatin1String("count")), QJsonValue(3));
        QCOMPARE(value.value(QLatin1String("ratio")), QJsonValue(0.5));
        QCOMPARE(value.value(QLatin1String("flag")), QJsonValue(true));
        QVERIFY(value.value(QLatin1String("nothing")).isNull());
        QCOMPARE(value.value(QLatin1String("text")), QJsonValue(QStringLiteral("007")));
        QCOMPARE(catalog->channel(QStringLiteral("yamly"), QStringLiteral("alpha"))->entries.constFirst().skipRange,
                 QStringLiteral(">=0.0.1 <0.1.0"));
        // The ignored directory holds a broken file: loading succeeded, so it was skipped.
        QCOMPARE(FbcLoader::catalogFiles(data(QStringLiteral("stream"))).size(), 2);
    }

    void unknownSchemasAndDeprecations()
    {
        const auto catalog = FbcLoader::load(data(QStringLiteral("continuity")));
        QVERIFY(catalog);
        QCOMPARE(catalog->others().size(), 2);
        QCOMPARE(catalog->others().at(0).schema, QStringLiteral("example.custom"));
        QCOMPARE(catalog->others().at(0).object().value(QLatin1String("data")).toObject().value(QLatin1String("x")),
                 QJsonValue(1));
        const FbcDeprecation *deprecation = catalog->deprecationOf(QStringLiteral("chain"));
        QVERIFY(deprecation);
        QCOMPARE(deprecation->entries.size(), 4);
        QCOMPARE(deprecation->entries.at(1).schema, QStringLiteral("olm.channel"));
        QCOMPARE(deprecation->entries.at(1).name, QStringLiteral("fast"));
        QCOMPARE(deprecation->entries.at(3).message, QStringLiteral("3.0.0 has a CVE"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no schema") << QByteArray("\n\n{\"name\": \"x\"}") << false
                                   << "bad/catalog.x:3: object has no \"schema\" string";
        QTest::newRow("invalid json") << QByteArray("{\"schema\": \"olm.package\",\n \"name\": \"x\",,}") << false
                                      << "bad/catalog.x:2: invalid JSON";
        QTest::newRow("unclosed") << QByteArray("{\"schema\":\"example.note\"}\n{\"schema\": \"a\"") << false
                                  << "bad/catalog.x: line 2: the object starting here is not closed";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << false << "expected '{'";
        QTest::newRow("package without name")
            << QByteArray("{\"schema\":\"olm.package\"}") << false << "bad/catalog.x:1: olm.package has no \"name\"";
        QTest::newRow("entries not a list")
            << QByteArray("{\"schema\":\"olm.channel\",\"package\":\"p\",\"name\":\"c\",\"entries\":{}}") << false
            << "olm.channel \"c\" of package \"p\": \"entries\" must be a list";
        QTest::newRow("entry without name")
            << QByteArray("schema: olm.channel\npackage: p\nname: c\nentries:\n- replaces: x\n") << true
            << "bad/catalog.x:1: olm.channel \"c\" of package \"p\" entry 0 has no \"name\"";
        QTest::newRow("skips not a list")
            << QByteArray("schema: olm.channel\npackage: p\nname: c\nentries:\n- name: a\n  skips: b\n") << true
            << "field \"skips\" must be a list of bundle names";
        QTest::newRow("bundle without olm.package")
            << QByteArray("{\"schema\":\"olm.bundle\",\"package\":\"p\",\"name\":\"p.v1\",\"properties\":[]}") << false
            << "olm.bundle \"p.v1\" must have exactly one \"olm.package\" property";
        QTest::newRow("bad version")
            << QByteArray("{\"schema\":\"olm.bundle\",\"package\":\"p\",\"name\":\"p.v1\",\"properties\":[{\"type\":"
                          "\"olm.package\",\"value\":{\"packageName\":\"p\",\"version\":\"v1.0\"}}]}")
            << false << "olm.package version \"v1.0\" is not a semantic version";
        QTest::newRow("duplicate bundle")
            << QByteArray("{\"schema\":\"olm.bundle\",\"package\":\"p\",\"name\":\"b\",\"properties\":[{\"type\":"
                          "\"olm.package\",\"value\":{\"packageName\":\"p\",\"version\":\"1.0.0\"}}]}\n"
                          "{\"schema\":\"olm.bundle\",\"package\":\"p\",\"name\":\"b\",\"properties\":[{\"type\":"
                          "\"olm.package\",\"value\":{\"packageName\":\"p\",\"version\":\"1.0.0\"}}]}")
            << false << "bad/catalog.x:2: duplicate olm.bundle \"b\" in package \"p\"";
        QTest::newRow("yaml syntax") << QByteArray("schema: olm.package\nname: [unclosed\n") << true << "invalid YAML";
        QTest::newRow("yaml list document")
            << QByteArray("- a\n- b\n") << true << "a catalog document must be a mapping";
    }

    void errors()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, yaml);
        QFETCH(QString, expected);
        const QString error = loadError(content, yaml);
        QVERIFY2(error.contains(expected), qUtf8Printable(QStringLiteral("got: ") + error));
    }

    void errorNamesFileOnDisk()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("pkg/catalog.json")));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("pkg"))));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"schema\":\"olm.package\",\"name\":\"a\"}\n\n{\"schema\":\"olm.bundle\",\"name\":\"x\"}\n");
        file.close();
        QString error;
        QVERIFY(!FbcLoader::load(dir.path(), &error));
        QVERIFY2(error.startsWith(file.fileName() + QStringLiteral(":3: olm.bundle has no \"package\"")),
                 qUtf8Printable(error));
        QVERIFY(!FbcLoader::load(dir.filePath(QStringLiteral("missing")), &error));
        QVERIFY(error.contains(QStringLiteral("not a catalog directory")));
    }

    void asyncMatchesSync()
    {
        const QString dir = fixture(QStringLiteral("community-operators-prod/v4.18"));
        const auto sync = FbcLoader::load(dir);
        QVERIFY(sync);
        QCOMPARE(sync->packages().size(), 5);
        QFuture<FbcLoadResult> future = FbcLoader::loadAsync(dir);
        QFutureWatcher<FbcLoadResult> watcher;
        QSignalSpy progress(&watcher, &QFutureWatcher<FbcLoadResult>::progressValueChanged);
        QSignalSpy finished(&watcher, &QFutureWatcher<FbcLoadResult>::finished);
        watcher.setFuture(future);
        QVERIFY(finished.wait(10000) || future.isFinished());
        const FbcLoadResult result = future.result();
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.fileCount, 5);
        QString difference;
        QVERIFY2(result.catalog.hasSameContent(*sync, &difference), qUtf8Printable(difference));
    }
};

QTEST_GUILESS_MAIN(tst_FbcLoader)
#include "tst_fbcloader.moc"
