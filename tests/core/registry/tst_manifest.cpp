#include "registry/manifest.h"
#include "registry/mediatypes.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Manifest parsing over real manifests (Docker list and schema 2, an OCI index and its image manifests) and broken
// inputs.
class TestManifest : public QObject
{
    Q_OBJECT

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void realDockerManifestList()
    {
        const QString dir = QStringLiteral(FERRY_FIXTURES_DIR "/oci/docker-v2s2/index_manifest");
        const QByteArray bytes =
            read(dir + QStringLiteral("/d15a206e4ee462e82ab722ed84dfa514ab9ed8d85100d591c04314ae7c2162ee.json"));
        QVERIFY(!bytes.isEmpty());
        QString error;
        const auto list = Manifest::parse(bytes, QString(), &error);
        QVERIFY2(list, qUtf8Printable(error));
        QVERIFY(list->isIndex());
        QCOMPARE(list->mediaType(), QString(MediaTypes::DockerManifestList));
        QCOMPARE(list->digest().encoded(),
                 QStringLiteral("d15a206e4ee462e82ab722ed84dfa514ab9ed8d85100d591c04314ae7c2162ee"));
        QCOMPARE(list->manifests().size(), 4);
        QCOMPARE(list->manifests().first().platform()->architecture, QStringLiteral("amd64"));
        // Every child is there, byte-exact: its file is named after the hash of its bytes.
        for (const Descriptor &child : list->manifests()) {
            const QByteArray childBytes =
                read(dir + QLatin1Char('/') + child.digest().encoded() + QStringLiteral(".json"));
            QCOMPARE(childBytes.size(), child.size());
            QVERIFY(child.digest().matches(childBytes));
            const auto image = Manifest::parse(childBytes, child.mediaType(), &error);
            QVERIFY2(image, qUtf8Printable(error));
            QVERIFY(!image->isIndex());
            QCOMPARE(image->mediaType(), QString(MediaTypes::DockerManifest));
            QCOMPARE(image->config().mediaType(), QString(MediaTypes::DockerConfig));
            QVERIFY(!image->layers().isEmpty());
            QCOMPARE(image->blobs().size(), image->layers().size() + 1);
            QCOMPARE(image->descriptor().digest(), child.digest());
        }
    }

    void realOciLayout()
    {
        const QString blobs =
            QStringLiteral(FERRY_FIXTURES_DIR "/oci/layouts/multi-platform-container-latest/blobs/sha256/");
        QString error;
        const auto index = Manifest::parse(
            read(blobs + QStringLiteral("0de0e983a4980f32b1aad2d7f7f387cea2d4e9517b47f336cef27f63735911fa")), QString(),
            &error);
        QVERIFY2(index, qUtf8Printable(error));
        QVERIFY(index->isIndex());
        QCOMPARE(index->mediaType(), QString(MediaTypes::OciIndex));
        QStringList architectures;
        for (const Descriptor &child : index->manifests()) {
            architectures.append(child.platform()->architecture);
            const auto image = Manifest::parse(read(blobs + child.digest().encoded()), child.mediaType(), &error);
            QVERIFY2(image, qUtf8Printable(error));
            QCOMPARE(image->mediaType(), QString(MediaTypes::OciManifest));
        }
        QVERIFY(architectures.contains(QStringLiteral("s390x")));
        // The layout's own index.json omits mediaType: the shape says it is an index.
        const auto top = Manifest::parse(
            read(QStringLiteral(FERRY_FIXTURES_DIR "/oci/layouts/multi-platform-container-latest/index.json")),
            QString(), &error);
        QVERIFY2(top, qUtf8Printable(error));
        QVERIFY(top->isIndex());
        QCOMPARE(top->manifests().first().digest(), index->digest());
    }

    void contentTypeWins()
    {
        const QByteArray bytes =
            "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a\",\"digest\":\"sha256:" + QByteArray(64, 'a') +
            "\",\"size\":2},\"layers\":[]}";
        const auto parsed =
            Manifest::parse(bytes, QStringLiteral("application/vnd.oci.image.manifest.v1+json; charset=utf-8"));
        QVERIFY(parsed);
        QCOMPARE(parsed->mediaType(), QString(MediaTypes::OciManifest));
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("expected");
        const QByteArray digest = "sha256:" + QByteArray(64, 'b');
        QTest::newRow("not json") << QByteArray("{nope") << QString() << QStringLiteral("JSON error");
        QTest::newRow("array") << QByteArray("[]") << QString() << QStringLiteral("expected a JSON object");
        QTest::newRow("schema 1") << QByteArray("{\"schemaVersion\":1}") << QString()
                                  << QStringLiteral("schemaVersion");
        QTest::newRow("mismatched type")
            << QByteArray(
                   "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}")
            << QString(MediaTypes::DockerManifest) << QStringLiteral("but the content type is");
        QTest::newRow("bad digest") << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/"
                                                  "vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"x\","
                                                  "\"digest\":\"sha256:ABC\",\"size\":1}]}")
                                    << QString() << QStringLiteral("manifests[0]: \"digest\"");
        QTest::newRow("negative size") << ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"" +
                                           digest + "\",\"size\":-1},\"layers\":[]}")
                                       << QString(MediaTypes::OciManifest) << QStringLiteral("config: \"size\"");
        QTest::newRow("layers missing") << ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"" +
                                            digest + "\",\"size\":1}}")
                                        << QString(MediaTypes::OciManifest)
                                        << QStringLiteral("\"layers\" must be an array");
        QTest::newRow("platform without os")
            << ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"" + digest +
                "\",\"size\":1,\"platform\":{\"architecture\":\"amd64\"}}]}")
            << QString(MediaTypes::OciIndex) << QStringLiteral("manifests[0]: \"platform\"");
        QTest::newRow("unsupported type") << QByteArray("{\"schemaVersion\":2}") << QStringLiteral("text/plain")
                                          << QStringLiteral("unsupported media type");
    }

    void invalid()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, contentType);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Manifest::parse(bytes, contentType, &error));
        QVERIFY2(error.contains(expected), qUtf8Printable(error));
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
