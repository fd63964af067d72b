#include "delete/v1imagenamer.h"

#include <QTest>

// --delete-v1-images: oc-mirror v1's tags for images mirrored by digest.
class TestV1ImageNamer : public QObject
{
    Q_OBJECT

private slots:
    void fnv32aKnownValues()
    {
        // Reference values of the FNV-1a 32-bit hash.
        QCOMPARE(V1ImageNamer::fnv32a(QString()), QStringLiteral("811c9dc5"));
        QCOMPARE(V1ImageNamer::fnv32a(QStringLiteral("a")), QStringLiteral("e40c292c"));
        QCOMPARE(V1ImageNamer::fnv32a(QStringLiteral("foobar")), QStringLiteral("bf9cf968"));
    }

    void referencesByKind()
    {
        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        const QString origin = QStringLiteral("registry.redhat.io/ns/operator@") + digest;
        QCOMPARE(V1ImageNamer::v1Reference(QStringLiteral("reg:5000/mirror/"), origin, ImageKind::OperatorRelatedImage),
                 QStringLiteral("reg:5000/mirror/ns/operator:") + V1ImageNamer::fnv32a(origin));
        QCOMPARE(V1ImageNamer::v1Reference(QStringLiteral("reg:5000/mirror"), QStringLiteral("docker://") + origin,
                                           ImageKind::OperatorBundle),
                 QStringLiteral("reg:5000/mirror/ns/operator:") + V1ImageNamer::fnv32a(origin));
        QCOMPARE(V1ImageNamer::v1Reference(QStringLiteral("reg:5000"), origin, ImageKind::Generic),
                 QStringLiteral("reg:5000/ns/operator:latest"));
        QCOMPARE(V1ImageNamer::v1Reference(QStringLiteral("reg:5000"), origin, ImageKind::HelmImage),
                 QStringLiteral("reg:5000/ns/operator:latest"));
        // By tag, and releases: the same name in v1 and v2.
        QVERIFY(V1ImageNamer::v1Reference(QStringLiteral("reg:5000"), QStringLiteral("quay.io/ns/app:1.0"),
                                          ImageKind::Generic)
                    .isEmpty());
        QVERIFY(V1ImageNamer::v1Reference(QStringLiteral("reg:5000"), origin, ImageKind::OcpReleaseContent).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestV1ImageNamer)
#include "tst_v1imagenamer.moc"
