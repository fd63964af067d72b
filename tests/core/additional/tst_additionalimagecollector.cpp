#include "additional/additionalimagecollector.h"

#include <QTest>

class TestAdditionalImageCollector : public QObject
{
    Q_OBJECT

private:
    static AdditionalImage image(const QString &name, const QString &repo = {}, const QString &tag = {})
    {
        AdditionalImage result;
        result.name = name;
        if (!repo.isEmpty())
            result.targetRepo = repo;
        if (!tag.isEmpty())
            result.targetTag = tag;
        return result;
    }

    static BlockedImage blocked(const QString &pattern)
    {
        BlockedImage result;
        result.name = pattern;
        return result;
    }

private slots:
    void collectsNamesAndKinds()
    {
        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('f'));
        const AdditionalImageCollector collector(DestinationNamer(QStringLiteral("reg:5000/m")));
        const auto result = collector.collect(
            {image(QStringLiteral("registry.redhat.io/ubi9/ubi:latest")),
             image(QStringLiteral("quay.io/a/b:v1@") + digest),
             image(QStringLiteral("quay.io/c/d@") + digest, QStringLiteral("x/y"), QStringLiteral("z"))},
            {});
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.entries.size(), 3);
        QCOMPARE(result.entries.at(0).destination, QStringLiteral("reg:5000/m/ubi9/ubi:latest"));
        QCOMPARE(result.entries.at(0).kind, ImageKind::Generic);
        QCOMPARE(result.entries.at(0).effectiveSource(), QStringLiteral("registry.redhat.io/ubi9/ubi:latest"));
        QCOMPARE(result.entries.at(1).destination, QStringLiteral("reg:5000/m/a/b:v1"));
        QCOMPARE(result.entries.at(1).effectiveSource(), QStringLiteral("quay.io/a/b@") + digest);
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.entries.at(2).destination, QStringLiteral("reg:5000/m/x/y:z"));
    }

    void blockedImagesMatchOriginOrDestination()
    {
        const AdditionalImageCollector collector(DestinationNamer(QStringLiteral("reg:5000/mirror")));
        const auto result = collector.collect(
            {image(QStringLiteral("quay.io/samples/sample-app:1")), image(QStringLiteral("quay.io/keep/me:1")),
             image(QStringLiteral("quay.io/keep/other:1"), QStringLiteral("blocked-here/other"))},
            {blocked(QStringLiteral(".*/sample-.*")), blocked(QStringLiteral("reg:5000/mirror/blocked-here"))});
        QCOMPARE(result.entries.size(), 1);
        QCOMPARE(result.entries.first().origin, QStringLiteral("quay.io/keep/me:1"));
        QCOMPARE(result.warnings.size(), 2);
        QVERIFY(result.warnings.first().contains(QStringLiteral("blocked by blockedImages \".*/sample-.*\"")));
    }

    void badReferencesAreErrors()
    {
        const AdditionalImageCollector collector(DestinationNamer(QStringLiteral("reg")));
        const auto result =
            collector.collect({image(QStringLiteral("quay.io/UPPER/x:1")), image(QStringLiteral("quay.io/no/tag"))},
                              {blocked(QStringLiteral("(unclosed"))});
        QCOMPARE(result.entries.size(), 0);
        QCOMPARE(result.errors.size(), 3);
        QVERIFY(result.errors.at(0).contains(QStringLiteral("(unclosed")));
        QVERIFY(result.errors.at(2).contains(QStringLiteral("quay.io/no/tag needs a tag or a digest")));
    }
};

QTEST_GUILESS_MAIN(TestAdditionalImageCollector)
#include "tst_additionalimagecollector.moc"
