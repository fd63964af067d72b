#include "copy/imagepuller.h"
#include "plan/graphimageplanner.h"
#include "registry/mediatypes.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// Where the graph image comes from when it cannot be built: the cache (diskToMirror, or behind
// UPDATE_URL_OVERRIDE), or a clear error. Building it is tested against the world (tst_graphimage).
class TestGraphImagePlanner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RegistryClient m_client;
    QString m_closedUrl; // a loopback port nobody listens on

    GraphImagePlanner::Result plan(DistributionStore *cache, bool offline, const QString &updateUrlOverride)
    {
        QProcessEnvironment environment;
        if (!updateUrlOverride.isEmpty())
            environment.insert(QStringLiteral("UPDATE_URL_OVERRIDE"), updateUrlOverride);
        const GraphImagePlanner planner({m_dir.filePath(QStringLiteral("working-dir")),
                                         QStringLiteral("localhost:55000"), cache, &m_client, offline, environment,
                                         nullptr});
        const ImagePuller puller({&m_client, nullptr, nullptr});
        return planner.plan(puller, {QStringLiteral("localhost:55000"), QStringLiteral("reg.example:5000/mirror")});
    }

    static QString storeGraphImage(DistributionStore *cache)
    {
        const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
        const QString configDigest = cache->putBlob(config);
        const QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(MediaTypes::OciManifest)},
            {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), QString(MediaTypes::OciConfig)},
                                                   {QStringLiteral("digest"), configDigest},
                                                   {QStringLiteral("size"), config.size()}}},
            {QStringLiteral("layers"), QJsonArray()}};
        return cache->putManifest(QStringLiteral("openshift/graph-image"),
                                  QJsonDocument(manifest).toJson(QJsonDocument::Compact), QStringLiteral("latest"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        m_closedUrl = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
        server.close();
    }

    void diskToMirrorNeedsTheCachedImage()
    {
        QTemporaryDir storage;
        DistributionStore cache(storage.path());
        GraphImagePlanner::Result result = plan(&cache, true, QString());
        QCOMPARE(result.error, QStringLiteral("unable to find graph image in local cache"));
        QVERIFY(result.entries.isEmpty());

        const QString digest = storeGraphImage(&cache);
        QVERIFY(!digest.isEmpty());
        result = plan(&cache, true, QString());
        QVERIFY2(result.error.isEmpty(), qUtf8Printable(result.error));
        QCOMPARE(result.digest, digest);
        QCOMPARE(result.entries.size(), 2);
        for (const QString &root : {QStringLiteral("localhost:55000"), QStringLiteral("reg.example:5000/mirror")}) {
            const MirrorPlanEntry entry =
                result.entries.at(root.startsWith(QLatin1String("localhost")) ? 0 : 1).value(0);
            QCOMPARE(entry.destination, root + QStringLiteral("/openshift/graph-image:latest"));
            QCOMPARE(entry.source, QStringLiteral("localhost:55000/openshift/graph-image:latest"));
            QCOMPARE(entry.kind, ImageKind::CincinnatiGraph);
        }
    }

    void overrideWithoutGraphDataFailsNamingTheUrl()
    {
        QTemporaryDir storage;
        DistributionStore cache(storage.path());
        const QString override =
            QString(m_closedUrl).replace(QStringLiteral("http://"), QStringLiteral("http://admin:s3cret@")) +
            QStringLiteral("/api/upgrades_info/v1/graph");
        const GraphImagePlanner::Result result = plan(&cache, false, override);
        QVERIFY(result.entries.isEmpty());
        QVERIFY2(result.error.contains(m_closedUrl + QStringLiteral("/api/upgrades_info/graph-data")),
                 qUtf8Printable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("no graph image is in the local cache")),
                 qUtf8Printable(result.error));
        QVERIFY2(!result.error.contains(QStringLiteral("s3cret")), qUtf8Printable(result.error));
    }

    void overrideFallsBackToTheCache()
    {
        QTemporaryDir storage;
        DistributionStore cache(storage.path());
        const QString digest = storeGraphImage(&cache);
        const GraphImagePlanner::Result result =
            plan(&cache, false, m_closedUrl + QStringLiteral("/api/upgrades_info/v1/graph"));
        QVERIFY2(result.error.isEmpty(), qUtf8Printable(result.error));
        QCOMPARE(result.digest, digest);
        QCOMPARE(result.entries.size(), 2);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.first().contains(m_closedUrl + QStringLiteral("/api/upgrades_info/graph-data")) &&
                     result.warnings.first().contains(QStringLiteral("already in the local cache")),
                 qUtf8Printable(result.warnings.first()));
    }

    void overrideWithoutGraphPath()
    {
        QTemporaryDir storage;
        DistributionStore cache(storage.path());
        const GraphImagePlanner::Result result = plan(&cache, false, m_closedUrl + QStringLiteral("/cincinnati"));
        QVERIFY2(result.error.contains(QStringLiteral("does not end in /v1/graph or /graph")),
                 qUtf8Printable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestGraphImagePlanner)
#include "tst_graphimageplanner.moc"
