#include "config/platformconfig.h"
#include "release/releaseselector.h"

#include <QFile>
#include <QTest>

// Every expectation below was looked up by hand in the fixture graphs (jq over nodes and edges) and the rules.
namespace {

UpdateGraph loadGraph(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    QString error;
    const auto graph = UpdateGraph::parse(file.readAll(), path, &error);
    if (!graph)
        qFatal("%s", qUtf8Printable(error));
    return *graph;
}

UpdateGraph fixtureGraph(const QString &name)
{
    return loadGraph(QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-api/") + name);
}

UpdateGraph dataGraph(const QString &name)
{
    return loadGraph(QStringLiteral(FERRY_TEST_DATA_DIR "/release/") + name);
}

std::optional<SemanticVersion> version(const char *text)
{
    if (!text)
        return std::nullopt;
    return SemanticVersion::parse(QString::fromUtf8(text));
}

ReleaseChannelFilter channel(const char *name, const char *min = nullptr, const char *max = nullptr,
                             bool shortestPath = false, bool full = false)
{
    ReleaseChannelFilter filter;
    filter.name = QString::fromUtf8(name);
    filter.minVersion = version(min);
    filter.maxVersion = version(max);
    filter.shortestPath = shortestPath;
    filter.full = full;
    return filter;
}

QStringList versionsOf(const ReleaseSelection &selection)
{
    QStringList result;
    for (const SelectedRelease &release : selection.releases)
        result.append(release.version);
    return result;
}

QStringList split(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

Q_DECLARE_METATYPE(QList<ReleaseChannelFilter>)

class TestReleaseSelector : public QObject
{
    Q_OBJECT

private:
    ReleaseSelector m_selector;

private slots:
    void initTestCase()
    {
        const QString amd64 = QStringLiteral("amd64");
        m_selector.addGraph(amd64, QStringLiteral("stable-4.13"),
                            fixtureGraph(QStringLiteral("oc-mirror_amd64-stable-4.13.json")));
        m_selector.addGraph(amd64, QStringLiteral("stable-4.12"),
                            dataGraph(QStringLiteral("stable-4.12-subgraph.json")));
        m_selector.addGraph(amd64, QStringLiteral("stable-4.14"),
                            dataGraph(QStringLiteral("stable-4.14-handmade.json")));
        m_selector.addGraph(amd64, QStringLiteral("eus-4.16"), dataGraph(QStringLiteral("eus-4.16-handmade.json")));
        m_selector.addGraph(amd64, QStringLiteral("stable-4.9"),
                            fixtureGraph(QStringLiteral("cincinnati-e2e_stable-4.9_amd64_v1.json")));
        m_selector.addGraph(QStringLiteral("s390x"), QStringLiteral("stable-4.9"),
                            fixtureGraph(QStringLiteral("cincinnati-e2e_stable-4.9_s390x_v1.json")));
        m_selector.addGraph(QStringLiteral("multi"), QStringLiteral("candidate-4.12"),
                            fixtureGraph(QStringLiteral("cincinnati-e2e_candidate-4.12_multi_v1.json")));
    }

    void select_data()
    {
        QTest::addColumn<QList<ReleaseChannelFilter>>("channels");
        QTest::addColumn<QStringList>("architectures");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("warning"); // a substring of one warning, or empty for none
        QTest::addColumn<QString>("error");   // a substring of one error, or empty for none

        const QStringList amd64{QStringLiteral("amd64")};
        using Channels = QList<ReleaseChannelFilter>;

        QTest::newRow("head only") << Channels{channel("stable-4.13")} << amd64 << split("4.13.43") << QString()
                                   << QString();
        QTest::newRow("min only up to the head") << Channels{channel("stable-4.13", "4.13.40")} << amd64
                                                 << split("4.13.40 4.13.41 4.13.42 4.13.43") << QString() << QString();
        // Only a maximum starts at the oldest release of the channel, which in stable-4.13 is 4.12.0.
        QTest::newRow("max only from the oldest") << Channels{channel("stable-4.13", nullptr, "4.12.3")} << amd64
                                                  << split("4.12.0 4.12.1 4.12.2 4.12.3") << QString() << QString();
        QTest::newRow("both bounds") << Channels{channel("stable-4.13", "4.13.10", "4.13.15")} << amd64
                                     << split("4.13.10 4.13.11 4.13.12 4.13.13 4.13.14 4.13.15") << QString()
                                     << QString();
        QTest::newRow("bounds with a gap (no 4.12.38)")
            << Channels{channel("stable-4.13", "4.12.36", "4.12.40")} << amd64
            << split("4.12.36 4.12.37 4.12.39 4.12.40") << QString() << QString();
        QTest::newRow("bounds need not be releases") << Channels{channel("stable-4.13", "4.13.16", "4.13.18")} << amd64
                                                     << split("4.13.17 4.13.18") << QString() << QString();
        QTest::newRow("shortest path across minors")
            << Channels{channel("stable-4.13", "4.12.0", "4.13.43", true)} << amd64 << split("4.12.0 4.12.58 4.13.43")
            << QString() << QString();
        QTest::newRow("shortest path explores descending")
            << Channels{channel("stable-4.13", "4.12.0", "4.13.42", true)} << amd64 << split("4.12.0 4.12.57 4.13.42")
            << QString() << QString();
        QTest::newRow("shortest path min only") << Channels{channel("stable-4.13", "4.13.40", nullptr, true)} << amd64
                                                << split("4.13.40 4.13.43") << QString() << QString();
        QTest::newRow("shortest path in 4.9") << Channels{channel("stable-4.9", "4.8.2", "4.9.53", true)} << amd64
                                              << split("4.8.2 4.8.54 4.9.53") << QString() << QString();
        QTest::newRow("shortest path unreachable")
            << Channels{channel("stable-4.13", "4.12.0", "4.13.10", true)} << amd64 << QStringList() << QString()
            << QStringLiteral("channel stable-4.13 (amd64): no upgrade path leads from 4.12.0 to 4.13.10");
        QTest::newRow("shortest path from a missing version")
            << Channels{channel("stable-4.13", "4.13.16", "4.13.43", true)} << amd64 << QStringList() << QString()
            << QStringLiteral("channel stable-4.13 (amd64): version 4.13.16 is not in the channel");
        QTest::newRow("prerelease head (multi)")
            << Channels{channel("candidate-4.12")} << QStringList{QStringLiteral("multi")} << split("4.12.0-rc.4")
            << QString() << QString();
        QTest::newRow("prerelease min (multi)")
            << Channels{channel("candidate-4.12", "4.12.0-rc.2")} << QStringList{QStringLiteral("multi")}
            << split("4.12.0-rc.2 4.12.0-rc.3 4.12.0-rc.4") << QString() << QString();
        QTest::newRow("two architectures")
            << Channels{channel("stable-4.9")} << QStringList{QStringLiteral("amd64"), QStringLiteral("s390x")}
            << split("4.9.53 4.9.53") << QString() << QString();
        // Cross-channel: 4.12.10 → head of stable-4.12 (4.12.58) → 4.13.43, added after the per-channel ranges.
        QTest::newRow("two OCP channels")
            << Channels{channel("stable-4.12", "4.12.10", "4.12.12"), channel("stable-4.13", "4.13.40", "4.13.43")}
            << amd64 << split("4.12.10 4.12.11 4.12.12 4.13.40 4.13.41 4.13.42 4.13.43 4.12.58") << QString()
            << QString();
        // 4.12.58 only updates to 4.13.43, so 4.13.42 cannot be reached: only the requested version is added.
        QTest::newRow("two OCP channels, blocked")
            << Channels{channel("stable-4.12", "4.12.10", "4.12.12"), channel("stable-4.13", "4.13.40", "4.13.42")}
            << amd64 << split("4.12.10 4.12.11 4.12.12 4.13.40 4.13.41 4.13.42 4.12.58")
            << QStringLiteral("No upgrade path for 4.12.58 in target channel stable-4.13") << QString();
        // stable-4.13 is walked although not requested: 4.12.58 → 4.13.43 → 4.14.1 → 4.14.2.
        QTest::newRow("intermediate minor")
            << Channels{channel("stable-4.12", "4.12.10", "4.12.12"), channel("stable-4.14")} << amd64
            << split("4.12.10 4.12.11 4.12.12 4.14.2 4.12.58 4.13.43 4.14.1") << QString() << QString();
        QTest::newRow("okd channel is not part of the upgrade path")
            << Channels{channel("stable-4.12", "4.12.10", "4.12.12"),
                        [] {
                            auto okd = channel("stable-4.14");
                            okd.type = ReleaseChannelFilter::Type::Okd;
                            return okd;
                        }()}
            << amd64 << split("4.12.10 4.12.11 4.12.12 4.14.2") << QString() << QString();
        QTest::newRow("eus span warns") << Channels{channel("eus-4.16", "4.14.0", "4.16.0")} << amd64
                                        << split("4.14.0 4.15.0 4.16.0")
                                        << QStringLiteral("https://access.redhat.com/labs/ocpupgradegraph/update_path")
                                        << QString();
        QTest::newRow("empty range") << Channels{channel("stable-4.13", "4.14.0", "4.14.5")} << amd64 << QStringList()
                                     << QStringLiteral(
                                            "channel stable-4.13 (amd64): no release between 4.14.0 and 4.14.5")
                                     << QStringLiteral("no release images found");
        QTest::newRow("min above max") << Channels{channel("stable-4.13", "4.13.5", "4.13.1")} << amd64 << QStringList()
                                       << QString()
                                       << QStringLiteral("channel stable-4.13 (amd64): minVersion 4.13.5 is greater "
                                                         "than maxVersion 4.13.1");
        QTest::newRow("graph missing, others still selected")
            << Channels{channel("fast-4.13"), channel("stable-4.9")} << amd64 << split("4.9.53") << QString()
            << QStringLiteral("channel fast-4.13 (amd64): no update graph was loaded");
    }

    void select()
    {
        QFETCH(QList<ReleaseChannelFilter>, channels);
        QFETCH(QStringList, architectures);
        QFETCH(QStringList, expected);
        QFETCH(QString, warning);
        QFETCH(QString, error);

        ReleaseSelectionRequest request;
        request.channels = channels;
        request.architectures = architectures;
        const ReleaseSelection selection = m_selector.select(request);
        QCOMPARE(versionsOf(selection), expected);
        if (error.isEmpty()) {
            QVERIFY2(selection.isOk(), qUtf8Printable(selection.errors.join(QLatin1Char('\n'))));
        } else {
            QVERIFY2(selection.errors.join(QLatin1Char('\n')).contains(error),
                     qUtf8Printable(selection.errors.join(QLatin1Char('\n'))));
        }
        if (warning.isEmpty()) {
            QVERIFY2(selection.warnings.isEmpty(), qUtf8Printable(selection.warnings.join(QLatin1Char('\n'))));
        } else {
            QVERIFY2(selection.warnings.join(QLatin1Char('\n')).contains(warning),
                     qUtf8Printable(selection.warnings.join(QLatin1Char('\n'))));
        }
    }

    void fullChannel()
    {
        ReleaseSelectionRequest request;
        request.channels = {channel("stable-4.13", nullptr, nullptr, false, true)};
        const ReleaseSelection selection = m_selector.select(request);
        QVERIFY(selection.isOk());
        QCOMPARE(selection.releases.size(), 98);
        QCOMPARE(selection.releases.first().version, QStringLiteral("4.12.0"));
        QCOMPARE(selection.releases.last().version, QStringLiteral("4.13.43"));
        QCOMPARE(selection.releases.first().reason().kind, ReleaseSelectionReason::Kind::InRange);
        QCOMPARE(selection.releases.first().reason().text,
                 QStringLiteral("in range [4.12.0, 4.13.43] of channel stable-4.13"));
    }

    void reasons()
    {
        ReleaseSelectionRequest request;
        request.channels = {channel("stable-4.12", "4.12.10", "4.12.12"), channel("stable-4.13", "4.13.40", "4.13.43")};
        const ReleaseSelection selection = m_selector.select(request);
        QVERIFY(selection.isOk());
        const SelectedRelease &first = selection.releases.first();
        QCOMPARE(first.version, QStringLiteral("4.12.10"));
        QCOMPARE(first.channel, QStringLiteral("stable-4.12"));
        QCOMPARE(first.architecture, QStringLiteral("amd64"));
        // Selected by its range and again by the cross-channel path: one entry, both reasons.
        QCOMPARE(first.reasons.size(), 2);
        QCOMPARE(first.reasons.at(0).kind, ReleaseSelectionReason::Kind::InRange);
        QCOMPARE(first.reasons.at(0).text, QStringLiteral("in range [4.12.10, 4.12.12] of channel stable-4.12"));
        QCOMPARE(first.reasons.at(1).kind, ReleaseSelectionReason::Kind::CrossChannelPath);
        QCOMPARE(first.reasons.at(1).text,
                 QStringLiteral("on the upgrade path from 4.12.10 (stable-4.12) to 4.13.43 (stable-4.13)"));
        const SelectedRelease &bridge = selection.releases.last();
        QCOMPARE(bridge.version, QStringLiteral("4.12.58"));
        QCOMPARE(bridge.reasons.size(), 1);
        QCOMPARE(bridge.reason().kind, ReleaseSelectionReason::Kind::CrossChannelPath);

        request.channels = {channel("stable-4.13")};
        const SelectedRelease head = m_selector.select(request).releases.value(0);
        QCOMPARE(head.reason().kind, ReleaseSelectionReason::Kind::ChannelHead);
        QCOMPARE(head.reason().text, QStringLiteral("head of channel stable-4.13"));
        QCOMPARE(head.payload, QStringLiteral("quay.io/openshift-release-dev/ocp-release@sha256:"
                                              "d0da3d9b016e6d693a61c9425598921b6d0da99c52cb0f3404f6dbc126149e5d"));

        request.channels = {channel("stable-4.13", "4.12.0", "4.13.43", true)};
        QCOMPARE(m_selector.select(request).releases.value(1).reason().text,
                 QStringLiteral("on the shortest upgrade path 4.12.0 → 4.13.43 of channel stable-4.13"));
    }

    void architecturesKeepTheirPayloads()
    {
        ReleaseSelectionRequest request;
        request.channels = {channel("stable-4.9")};
        request.architectures = {QStringLiteral("amd64"), QStringLiteral("s390x")};
        const ReleaseSelection selection = m_selector.select(request);
        QCOMPARE(selection.releases.size(), 2);
        QCOMPARE(selection.releases.at(0).payload,
                 QStringLiteral("quay.io/openshift-release-dev/ocp-release@sha256:"
                                "50bed2a31fd04336df604c5af7c64584c067f80e7b94aa86656302dc7fb391a4"));
        QCOMPARE(selection.releases.at(1).payload,
                 QStringLiteral("quay.io/openshift-release-dev/ocp-release@sha256:"
                                "46fd175000f4f960da5cc928775d19c3ccd1083ae4f75d3cd1cc09eb2f34251e"));
        QCOMPARE(selection.releases.at(1).architecture, QStringLiteral("s390x"));
    }

    void explicitRelease()
    {
        ReleaseSelectionRequest request;
        request.channels = {channel("stable-4.13")};
        request.release = QStringLiteral("quay.io/openshift-release-dev/ocp-release@sha256:"
                                         "d0da3d9b016e6d693a61c9425598921b6d0da99c52cb0f3404f6dbc126149e5d");
        const ReleaseSelection selection = m_selector.select(request);
        QVERIFY(selection.isOk());
        QCOMPARE(selection.releases.size(), 1);
        QCOMPARE(selection.releases.first().payload, request.release);
        QCOMPARE(selection.releases.first().reason().kind, ReleaseSelectionReason::Kind::ExplicitRelease);
        QVERIFY(m_selector.neededGraphs(request).isEmpty());
    }

    void fromConfiguration()
    {
        PlatformConfig platform;
        ReleaseChannel stable;
        stable.name = QStringLiteral("stable-4.13");
        stable.minVersion = QStringLiteral("v4.13.40");
        stable.shortestPath = true;
        ReleaseChannel okd;
        okd.name = QStringLiteral("stable-4");
        okd.type = QStringLiteral("okd");
        okd.full = true;
        platform.channels = {stable, okd};
        platform.architectures = {QStringLiteral("amd64"), QStringLiteral("arm64")};
        QString error;
        auto request = ReleaseSelectionRequest::fromPlatform(platform, &error);
        QVERIFY2(request, qUtf8Printable(error));
        QCOMPARE(request->architectures, (QStringList{QStringLiteral("amd64"), QStringLiteral("arm64")}));
        QCOMPARE(request->channels.size(), 2);
        QCOMPARE(request->channels.at(0).minVersion->toString(), QStringLiteral("4.13.40"));
        QVERIFY(!request->channels.at(0).maxVersion);
        QVERIFY(request->channels.at(0).shortestPath);
        QCOMPARE(request->channels.at(0).type, ReleaseChannelFilter::Type::Ocp);
        QCOMPARE(request->channels.at(1).type, ReleaseChannelFilter::Type::Okd);
        QVERIFY(request->channels.at(1).full);

        // platforms means multi-architecture payloads.
        platform.architectures.clear();
        platform.platforms = {{QStringLiteral("linux"), QStringLiteral("arm64")}};
        request = ReleaseSelectionRequest::fromPlatform(platform, &error);
        QVERIFY(request);
        QCOMPARE(request->architectures, QStringList{QStringLiteral("multi")});

        platform.channels[0].maxVersion = QStringLiteral("latest");
        QVERIFY(!ReleaseSelectionRequest::fromPlatform(platform, &error));
        QVERIFY2(error.startsWith(QStringLiteral("platform.channels[0].maxVersion: \"latest\" must respect semantic "
                                                 "versioning notation")),
                 qUtf8Printable(error));

        platform = PlatformConfig();
        platform.release = QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64");
        request = ReleaseSelectionRequest::fromPlatform(platform, &error);
        QVERIFY(request);
        QCOMPARE(request->release, *platform.release);
        QCOMPARE(request->effectiveArchitectures(), QStringList{QStringLiteral("amd64")});
    }

    void neededGraphsIncludeIntermediateChannels()
    {
        ReleaseSelectionRequest request;
        request.channels = {channel("stable-4.12", "4.12.10"), channel("stable-4.14")};
        ReleaseSelector selector;
        using Needed = QList<QPair<QString, QString>>;
        const QString amd64 = QStringLiteral("amd64");
        QCOMPARE(selector.neededGraphs(request),
                 (Needed{{amd64, QStringLiteral("stable-4.12")}, {amd64, QStringLiteral("stable-4.14")}}));
        selector.addGraph(amd64, QStringLiteral("stable-4.12"), dataGraph(QStringLiteral("stable-4.12-subgraph.json")));
        selector.addGraph(amd64, QStringLiteral("stable-4.14"), dataGraph(QStringLiteral("stable-4.14-handmade.json")));
        QCOMPARE(selector.neededGraphs(request), (Needed{{amd64, QStringLiteral("stable-4.13")}}));

        const ReleaseSelection incomplete = selector.select(request);
        QVERIFY(
            incomplete.errors.join(QLatin1Char('\n'))
                .contains(QStringLiteral("channel stable-4.13 (amd64): no update graph was loaded for this channel, "
                                         "which the upgrade path from 4.12.10 to 4.14.2 crosses")));

        selector.addGraph(amd64, QStringLiteral("stable-4.13"),
                          fixtureGraph(QStringLiteral("oc-mirror_amd64-stable-4.13.json")));
        QVERIFY(selector.neededGraphs(request).isEmpty());
        QVERIFY(selector.select(request).isOk());
    }
};

QTEST_GUILESS_MAIN(TestReleaseSelector)
#include "tst_releaseselector.moc"
