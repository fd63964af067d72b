#include "plan/destinationnamer.h"

#include <QTest>

// Destination names of oc-mirror v2 (spec section 5).
class TestDestinationNamer : public QObject
{
    Q_OBJECT

private slots:
    void images_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<int>("maxNested");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("targetRepo");
        QTest::addColumn<QString>("targetTag");
        QTest::addColumn<QString>("expected");
        const QString hex(64, QLatin1Char('e'));
        QTest::newRow("by tag") << QStringLiteral("docker://reg:5000/mirror") << 0
                                << QStringLiteral("registry.redhat.io/ubi9/ubi:latest") << QString() << QString()
                                << QStringLiteral("reg:5000/mirror/ubi9/ubi:latest");
        QTest::newRow("by digest") << QStringLiteral("reg:5000") << 0 << QStringLiteral("quay.io/a/b@sha256:") + hex
                                   << QString() << QString() << QStringLiteral("reg:5000/a/b:sha256-") + hex;
        QTest::newRow("tag and digest") << QStringLiteral("reg:5000") << 0
                                        << QStringLiteral("quay.io/a/b:v1@sha256:") + hex << QString() << QString()
                                        << QStringLiteral("reg:5000/a/b:v1");
        QTest::newRow("targetRepo and targetTag")
            << QStringLiteral("reg:5000/") << 0 << QStringLiteral("registry.redhat.io/ubi9/ubi:latest")
            << QStringLiteral("custom/ubi") << QStringLiteral("v9") << QStringLiteral("reg:5000/custom/ubi:v9");
        QTest::newRow("docker hub library")
            << QStringLiteral("reg:5000") << 0 << QStringLiteral("busybox:1.36") << QString() << QString()
            << QStringLiteral("reg:5000/library/busybox:1.36");
        QTest::newRow("max nested 2") << QStringLiteral("reg:5000/ns") << 2
                                      << QStringLiteral("quay.io/openshift/release:x") << QString() << QString()
                                      << QStringLiteral("reg:5000/ns/openshift-release:x");
        QTest::newRow("max nested not reached") << QStringLiteral("reg:5000") << 3 << QStringLiteral("quay.io/a/b:1")
                                                << QString() << QString() << QStringLiteral("reg:5000/a/b:1");
    }

    void images()
    {
        QFETCH(QString, root);
        QFETCH(int, maxNested);
        QFETCH(QString, origin);
        QFETCH(QString, targetRepo);
        QFETCH(QString, targetTag);
        QFETCH(QString, expected);
        const auto reference = ImageReference::parse(origin);
        QVERIFY(reference.has_value());
        QCOMPARE(DestinationNamer(root, maxNested).forImage(*reference, targetRepo, targetTag), expected);
    }

    void releases()
    {
        const DestinationNamer namer(QStringLiteral("reg.example:5000/mirror"));
        QCOMPARE(namer.releasePayload(QStringLiteral("4.18.5-x86_64")),
                 QStringLiteral("reg.example:5000/mirror/openshift/release-images:4.18.5-x86_64"));
        QCOMPARE(namer.releaseComponent(QStringLiteral("4.18.5-x86_64"), QStringLiteral("etcd")),
                 QStringLiteral("reg.example:5000/mirror/openshift/release:4.18.5-x86_64-etcd"));
        QCOMPARE(namer.graphImage(), QStringLiteral("reg.example:5000/mirror/openshift/graph-image:latest"));
        // The spec's own example: N=2 flattens R/ns/openshift/release into R/ns/openshift-release.
        QCOMPARE(DestinationNamer(QStringLiteral("reg/ns"), 2)
                     .releaseComponent(QStringLiteral("4.18.5-x86_64"), QStringLiteral("etcd")),
                 QStringLiteral("reg/ns/openshift-release:4.18.5-x86_64-etcd"));
    }
};

QTEST_GUILESS_MAIN(TestDestinationNamer)
#include "tst_destinationnamer.moc"
