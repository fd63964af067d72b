#include "plan/mirrorplan.h"

#include <QTest>

class TestMirrorPlan : public QObject
{
    Q_OBJECT

private slots:
    void kindNamesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("exitBit");
        QTest::newRow("ocpRelease") << QStringLiteral("ocpRelease") << 2;
        QTest::newRow("ocpReleaseContent") << QStringLiteral("ocpReleaseContent") << 2;
        QTest::newRow("cincinnatiGraph") << QStringLiteral("cincinnatiGraph") << 2;
        QTest::newRow("operatorCatalog") << QStringLiteral("operatorCatalog") << 4;
        QTest::newRow("operatorBundle") << QStringLiteral("operatorBundle") << 4;
        QTest::newRow("operatorRelatedImage") << QStringLiteral("operatorRelatedImage") << 4;
        QTest::newRow("generic") << QStringLiteral("generic") << 8;
        QTest::newRow("helmImage") << QStringLiteral("helmImage") << 16;
    }

    void kindNamesRoundTrip()
    {
        QFETCH(QString, name);
        QFETCH(int, exitBit);
        const auto kind = ImageKinds::fromString(name);
        QVERIFY(kind.has_value());
        QCOMPARE(ImageKinds::toString(*kind), name);
        QCOMPARE(ImageKinds::exitCodeBit(ImageKinds::category(*kind)), exitBit);
    }

    void unknownKindIsRejected()
    {
        QVERIFY(!ImageKinds::fromString(QStringLiteral("OcpRelease")).has_value());
        QVERIFY(!ImageKinds::fromString(QString()).has_value());
    }

    void deduplicatesIdenticalEntries()
    {
        MirrorPlan plan;
        QVERIFY(plan.add(
            MirrorPlanEntry::of(QStringLiteral("quay.io/a/b:1"), QStringLiteral("r/a/b:1"), ImageKind::Generic)));
        QVERIFY(!plan.add(
            MirrorPlanEntry::of(QStringLiteral("quay.io/a/b:1"), QStringLiteral("r/a/b:1"), ImageKind::Generic)));
        QVERIFY(plan.add(
            MirrorPlanEntry::of(QStringLiteral("quay.io/a/b:1"), QStringLiteral("r/a/b:2"), ImageKind::Generic)));
        QCOMPARE(plan.size(), 2);
    }

    void deleteModeDeduplicatesByDestination()
    {
        MirrorPlan plan;
        plan.setDeleteMode(true);
        QVERIFY(plan.add(
            MirrorPlanEntry::of(QStringLiteral("quay.io/a/b:1"), QStringLiteral("r/a/b:1"), ImageKind::Generic)));
        QVERIFY(!plan.add(
            MirrorPlanEntry::of(QStringLiteral("quay.io/x/y:1"), QStringLiteral("r/a/b:1"), ImageKind::HelmImage)));
        QCOMPARE(plan.size(), 1);
    }

    void copyOrderFollowsOcMirror()
    {
        MirrorPlan plan;
        plan.add(MirrorPlanEntry::of(QStringLiteral("c"), QStringLiteral("r/c"), ImageKind::OperatorCatalog));
        plan.add(MirrorPlanEntry::of(QStringLiteral("b"), QStringLiteral("r/b"), ImageKind::OperatorBundle));
        plan.add(MirrorPlanEntry::of(QStringLiteral("g1"), QStringLiteral("r/g1"), ImageKind::Generic));
        plan.add(MirrorPlanEntry::of(QStringLiteral("rel"), QStringLiteral("r/rel"), ImageKind::OcpRelease));
        plan.add(MirrorPlanEntry::of(QStringLiteral("h"), QStringLiteral("r/h"), ImageKind::HelmImage));
        plan.add(MirrorPlanEntry::of(QStringLiteral("rc"), QStringLiteral("r/rc"), ImageKind::OcpReleaseContent));
        plan.add(MirrorPlanEntry::of(QStringLiteral("g2"), QStringLiteral("r/g2"), ImageKind::Generic));
        plan.add(MirrorPlanEntry::of(QStringLiteral("ri"), QStringLiteral("r/ri"), ImageKind::OperatorRelatedImage));
        QStringList order;
        for (const MirrorPlanEntry &e : plan.inCopyOrder())
            order << e.origin;
        QCOMPARE(order,
                 (QStringList{QStringLiteral("rc"), QStringLiteral("rel"), QStringLiteral("ri"), QStringLiteral("g1"),
                              QStringLiteral("g2"), QStringLiteral("h"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(plan.countOf(ImageCategory::Operator), 3);
        QCOMPARE(plan.ofCategory(ImageCategory::Additional).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMirrorPlan)
#include "tst_mirrorplan.moc"
