#include "plan/mirrorplan.h"
#include "release/releasecollector.h"
#include "release/releasepayloadreader.h"
#include "release/releaseselector.h"

#include <QFile>
#include <QTest>

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

const QString Payload4120 = QStringLiteral("quay.io/openshift-release-dev/ocp-release@sha256:"
                                           "4c5a7e26d707780be6466ddc9591865beb2e3baa5556432d23e8d57966a2dd18");

} // namespace

class TestReleaseCollector : public QObject
{
    Q_OBJECT

private:
    ReleaseContents m_contents;
    SelectedRelease m_release;

private slots:
    void initTestCase()
    {
        const QString dir = QStringLiteral(FERRY_FIXTURES_DIR "/release-payload/ocp-4.12.0-x86_64/release-manifests/");
        QString error;
        QVERIFY2(ReleasePayloadReader::parseImageReferences(readFile(dir + QStringLiteral("image-references")),
                                                            QStringLiteral("image-references"), m_contents, &error),
                 qUtf8Printable(error));
        QVERIFY2(ReleasePayloadReader::parseKubeVirt(
                     readFile(dir + QStringLiteral("0000_50_installer_coreos-bootimages.yaml")),
                     QStringLiteral("bootimages"), {QStringLiteral("x86_64")}, m_contents, &error),
                 qUtf8Printable(error));

        // The release as selection hands it over: 4.12.0 is the oldest of stable-4.13, picked by a max-only range.
        const auto graph = UpdateGraph::parse(
            readFile(QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-api/oc-mirror_amd64-stable-4.13.json")),
            QStringLiteral("stable-4.13"));
        QVERIFY(graph);
        ReleaseSelector selector;
        selector.addGraph(QStringLiteral("amd64"), QStringLiteral("stable-4.13"), *graph);
        ReleaseSelectionRequest request;
        ReleaseChannelFilter channel;
        channel.name = QStringLiteral("stable-4.13");
        channel.maxVersion = SemanticVersion::parse(u"4.12.0");
        request.channels = {channel};
        const ReleaseSelection selection = selector.select(request);
        QVERIFY(selection.isOk());
        QCOMPARE(selection.releases.size(), 1);
        m_release = selection.releases.first();
        QCOMPARE(m_release.payload, Payload4120);
    }

    void namesEverythingLikeOcMirror()
    {
        ReleaseCollector collector(QStringLiteral("docker://reg.example:5000/mirror/"));
        QCOMPARE(collector.destination(), QStringLiteral("reg.example:5000/mirror"));
        ReleaseCollector::Payload payload{m_release, QStringLiteral("4.12.0-x86_64"),
                                          Payload4120.section(QLatin1Char('@'), 1), m_contents};
        QString error;
        const auto entries = collector.collect(payload, &error);
        QVERIFY2(entries, qUtf8Printable(error));
        QCOMPARE(entries->size(), 1 + 183 + 1);

        const MirrorPlanEntry &release = entries->first();
        QCOMPARE(release.kind, ImageKind::OcpRelease);
        QCOMPARE(release.origin, Payload4120);
        QCOMPARE(release.destination, QStringLiteral("reg.example:5000/mirror/openshift/release-images:4.12.0-x86_64"));
        QCOMPARE(release.reason, QStringLiteral("in range [4.12.0, 4.12.0] of channel stable-4.13"));

        const MirrorPlanEntry &first = entries->at(1);
        QCOMPARE(first.kind, ImageKind::OcpReleaseContent);
        QCOMPARE(first.origin, QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:"
                                              "f30638f60452062aba36a26ee6c036feead2f03b28f2c47f2b0a991e4182331e"));
        QCOMPARE(first.destination,
                 QStringLiteral("reg.example:5000/mirror/openshift/release:4.12.0-x86_64-agent-installer-api-server"));
        QCOMPARE(first.reason, QStringLiteral("agent-installer-api-server of release 4.12.0-x86_64 (in range "
                                              "[4.12.0, 4.12.0] of channel stable-4.13)"));
        QCOMPARE(entries->at(183).destination,
                 QStringLiteral("reg.example:5000/mirror/openshift/release:4.12.0-x86_64-vsphere-problem-detector"));

        const MirrorPlanEntry &kubeVirt = entries->last();
        QCOMPARE(kubeVirt.kind, ImageKind::KubeVirtContainer);
        QCOMPARE(kubeVirt.origin, QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:"
                                                 "729265d5ef6ed6a45bcd55c46877e3acb9eae3f49c78cd795d5b53aa85e3775b"));
        QCOMPARE(kubeVirt.destination,
                 QStringLiteral("reg.example:5000/mirror/openshift/release:4.12.0-x86_64-kube-virt-container"));

        // In a plan, oc-mirror's order puts content first, then KubeVirt, the payload, and the graph image.
        MirrorPlan plan;
        for (const MirrorPlanEntry &entry : *entries)
            QVERIFY(plan.add(entry));
        QVERIFY(plan.add(collector.graphImageEntry(QStringLiteral("localhost:55000/openshift/graph-image:latest"))));
        const QList<MirrorPlanEntry> ordered = plan.inCopyOrder();
        QCOMPARE(ordered.at(0).kind, ImageKind::OcpReleaseContent);
        QCOMPARE(ordered.at(183).kind, ImageKind::KubeVirtContainer);
        QCOMPARE(ordered.at(184).kind, ImageKind::OcpRelease);
        QCOMPARE(ordered.at(185).kind, ImageKind::CincinnatiGraph);
        QCOMPARE(ordered.at(185).destination, QStringLiteral("reg.example:5000/mirror/openshift/graph-image:latest"));
        // Collecting the same release twice adds nothing new.
        for (const MirrorPlanEntry &entry : *entries)
            QVERIFY(!plan.add(entry));
    }

    void digestOnlyPayloadIsNamedByDigest()
    {
        ReleaseCollector collector(QStringLiteral("localhost:55000"));
        ReleaseCollector::Payload payload{m_release, QString(), QString(), ReleaseContents()};
        const auto entries = collector.collect(payload);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().destination,
                 QStringLiteral("localhost:55000/openshift/release-images:"
                                "4c5a7e26d707780be6466ddc9591865beb2e3baa5556432d23e8d57966a2dd18"));
    }

    void refusesInvalidTags()
    {
        ReleaseCollector collector(QStringLiteral("reg.example:5000"));
        ReleaseCollector::Payload payload{m_release, QStringLiteral("4.12.0 x86_64"), QString(), ReleaseContents()};
        QString error;
        QVERIFY(!collector.collect(payload, &error));
        QVERIFY2(error.contains(QStringLiteral("\"4.12.0 x86_64\" cannot be used as a destination tag")),
                 qUtf8Printable(error));

        payload.releaseTag = QStringLiteral("4.12.0-x86_64");
        payload.contents.components = {
            {QStringLiteral("bad/name"), QStringLiteral("quay.io/a/b@sha256:") + QString(64, QLatin1Char('1'))}};
        QVERIFY(!collector.collect(QList<ReleaseCollector::Payload>{payload}, &error));
        QVERIFY2(error.contains(QStringLiteral("component \"bad/name\" gives the invalid destination tag")),
                 qUtf8Printable(error));
    }
};

QTEST_GUILESS_MAIN(TestReleaseCollector)
#include "tst_releasecollector.moc"
