#include "resources/imagemirrorsetbuilder.h"

#include <QTest>

// Expectations follow the worked examples of oc-mirror's own unit tests (formats.md section 5.2).
class TestImageMirrorSetBuilder : public QObject
{
    Q_OBJECT

private:
    static const ImageMirrorSetBuilder::Options options() { return {false, QStringLiteral("Ferry"), QString(), {}}; }

private slots:
    void scope_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("forceRepository");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("mirror");
        QTest::newRow("release component: repository scope")
            << QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev")
            << QStringLiteral("myregistry/mynamespace/openshift/release") << false
            << QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev")
            << QStringLiteral("myregistry/mynamespace/openshift/release");
        QTest::newRow("bundle: namespace scope")
            << QStringLiteral("quay.io/openshift-community-operators/cockroachdb")
            << QStringLiteral("myregistry/mynamespace/openshift-community-operators/cockroachdb") << false
            << QStringLiteral("quay.io/openshift-community-operators")
            << QStringLiteral("myregistry/mynamespace/openshift-community-operators");
        QTest::newRow("single component: bare host")
            << QStringLiteral("registry.redhat.io/ubi8-minimal")
            << QStringLiteral("myregistry/mynamespace/ubi8-minimal") << false << QStringLiteral("registry.redhat.io")
            << QStringLiteral("myregistry/mynamespace");
        QTest::newRow("max-nested-paths forces repositories")
            << QStringLiteral("quay.io/openshift-community-operators/cockroachdb")
            << QStringLiteral("myregistry/mynamespace/openshift-community-operators-cockroachdb") << true
            << QStringLiteral("quay.io/openshift-community-operators/cockroachdb")
            << QStringLiteral("myregistry/mynamespace/openshift-community-operators-cockroachdb");
        QTest::newRow("suffix must match whole components")
            << QStringLiteral("quay.io/a/operator") << QStringLiteral("reg/ns/my-a/operator") << false
            << QStringLiteral("quay.io/a/operator") << QStringLiteral("reg/ns/my-a/operator");
    }

    void scope()
    {
        QFETCH(QString, origin);
        QFETCH(QString, destination);
        QFETCH(bool, forceRepository);
        QFETCH(QString, source);
        QFETCH(QString, mirror);
        const auto rule = ImageMirrorSetBuilder::scopedRule(origin, destination, forceRepository);
        QCOMPARE(rule.source, source);
        QCOMPARE(rule.mirrors, QStringList{mirror});
    }

    void digestAndTagSetsFollowTheOrigin()
    {
        ImageMirrorSetBuilder builder(options());
        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        QVERIFY(builder.add(
            MirrorPlanEntry::of(QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@") + digest,
                                QStringLiteral("myregistry/mynamespace/openshift/release:4.14.38-x86_64-etcd"),
                                ImageKind::OcpReleaseContent)));
        QVERIFY(builder.add(MirrorPlanEntry::of(
            QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.14.38-x86_64"),
            QStringLiteral("myregistry/mynamespace/openshift/release-images:4.14.38-x86_64"), ImageKind::OcpRelease)));
        QVERIFY(builder.add(MirrorPlanEntry::of(QStringLiteral("registry.redhat.io/ubi8/ubi:latest"),
                                                QStringLiteral("myregistry/mynamespace/ubi8/ubi:latest"),
                                                ImageKind::Generic)));
        QVERIFY(builder.add(MirrorPlanEntry::of(QStringLiteral("registry.redhat.io/rhel9/foo:v1@") + digest,
                                                QStringLiteral("myregistry/mynamespace/rhel9/foo:v1"),
                                                ImageKind::HelmImage)));
        // Catalogs and the graph image never appear in mirror sets.
        QVERIFY(builder.add(MirrorPlanEntry::of(
            QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.14"),
            QStringLiteral("myregistry/mynamespace/redhat/redhat-operator-index:v4.14"), ImageKind::OperatorCatalog)));

        const auto digestRules = builder.digestRules();
        QCOMPARE(digestRules.keys(), (QStringList{QStringLiteral("generic"), QStringLiteral("release")}));
        const auto release = digestRules.value(QStringLiteral("release"));
        QCOMPARE(release.size(), 2);
        QCOMPARE(release.at(0).source, QStringLiteral("quay.io/openshift-release-dev/ocp-release"));
        QCOMPARE(release.at(0).mirrors, QStringList{QStringLiteral("myregistry/mynamespace/openshift/release-images")});
        QCOMPARE(release.at(1).source, QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev"));
        QCOMPARE(digestRules.value(QStringLiteral("generic")).at(0).source, QStringLiteral("registry.redhat.io/rhel9"));

        const auto tagRules = builder.tagRules();
        // The payload is in both files; the by-digest component only in IDMS; tag+digest in both.
        QCOMPARE(tagRules.value(QStringLiteral("release")).size(), 1);
        QCOMPARE(tagRules.value(QStringLiteral("release")).at(0).source,
                 QStringLiteral("quay.io/openshift-release-dev/ocp-release"));
        const auto generic = tagRules.value(QStringLiteral("generic"));
        QCOMPARE(generic.size(), 2);
        QCOMPARE(generic.at(0).source, QStringLiteral("registry.redhat.io/rhel9"));
        QCOMPARE(generic.at(1).source, QStringLiteral("registry.redhat.io/ubi8"));
        QVERIFY(!tagRules.contains(QStringLiteral("operator")));
    }

    void mirrorsAreDeduplicatedAndSorted()
    {
        ImageMirrorSetBuilder builder(options());
        const QString digest = QStringLiteral("@sha256:") + QString(64, QLatin1Char('b'));
        builder.add(MirrorPlanEntry::of(QStringLiteral("quay.io/ns/a") + digest, QStringLiteral("reg2/ns/a:x"),
                                        ImageKind::OperatorRelatedImage));
        builder.add(MirrorPlanEntry::of(QStringLiteral("quay.io/ns/b") + digest, QStringLiteral("reg2/ns/b:x"),
                                        ImageKind::OperatorRelatedImage));
        builder.add(MirrorPlanEntry::of(QStringLiteral("quay.io/ns/c") + digest, QStringLiteral("reg1/ns/c:x"),
                                        ImageKind::OperatorBundle));
        const auto rules = builder.digestRules().value(QStringLiteral("operator"));
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.at(0).source, QStringLiteral("quay.io/ns"));
        QCOMPARE(rules.at(0).mirrors, (QStringList{QStringLiteral("reg1/ns"), QStringLiteral("reg2/ns")}));
        const auto objects = builder.digestMirrorSets();
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.at(0).value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("idms-operator-0"));
    }

    void unparsableReferenceIsReported()
    {
        ImageMirrorSetBuilder builder(options());
        QString error;
        QVERIFY(!builder.add(
            MirrorPlanEntry::of(QStringLiteral("Quay.io/UPPER/x:1"), QStringLiteral("reg/x:1"), ImageKind::Generic),
            &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(builder.digestRules().isEmpty());
        QVERIFY(builder.tagRules().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageMirrorSetBuilder)
#include "tst_imagemirrorsetbuilder.moc"
