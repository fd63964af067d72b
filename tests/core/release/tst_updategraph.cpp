#include "release/updategraph.h"

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

QString fixture(const QString &name)
{
    return QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-api/") + name;
}

QStringList versionsOf(const UpdateGraph &graph, const QList<int> &indices)
{
    QStringList result;
    for (int index : indices)
        result.append(graph.nodes().at(index).version);
    return result;
}

} // namespace

class TestUpdateGraph : public QObject
{
    Q_OBJECT

private slots:
    void parsesRealResponse()
    {
        QString error;
        const auto graph = UpdateGraph::parse(readFile(fixture(QStringLiteral("oc-mirror_amd64-stable-4.13.json"))),
                                              QStringLiteral("stable-4.13"), &error);
        QVERIFY2(graph, qUtf8Printable(error));
        QCOMPARE(graph->schemaVersion(), 1);
        QCOMPARE(graph->nodes().size(), 98);
        QCOMPARE(graph->edges().size(), 1171);
        QCOMPARE(graph->conditionalEdges().size(), 37);
        QCOMPARE(graph->head()->version, QStringLiteral("4.13.43"));
        QCOMPARE(graph->head()->payload,
                 QStringLiteral("quay.io/openshift-release-dev/ocp-release@sha256:"
                                "d0da3d9b016e6d693a61c9425598921b6d0da99c52cb0f3404f6dbc126149e5d"));
        QCOMPARE(graph->oldest()->version, QStringLiteral("4.12.0"));
        const QList<SemanticVersion> versions = graph->versions();
        QCOMPARE(versions.size(), 98);
        QCOMPARE(versions.first().toString(), QStringLiteral("4.12.0"));
        QCOMPARE(versions.at(1).toString(), QStringLiteral("4.12.1"));
        QCOMPARE(versions.last().toString(), QStringLiteral("4.13.43"));

        const int v41310 = graph->indexOf(QStringLiteral("4.13.10"));
        QVERIFY(v41310 >= 0);
        QCOMPARE(versionsOf(*graph, graph->successors(v41310)),
                 (QStringList{QStringLiteral("4.13.43"), QStringLiteral("4.13.42"), QStringLiteral("4.13.15"),
                              QStringLiteral("4.13.14"), QStringLiteral("4.13.13"), QStringLiteral("4.13.12"),
                              QStringLiteral("4.13.11")}));
        const int v41258 = graph->indexOf(QStringLiteral("4.12.58"));
        QCOMPARE(versionsOf(*graph, graph->successors(v41258)), QStringList{QStringLiteral("4.13.43")});
        QVERIFY(versionsOf(*graph, graph->predecessors(v41258)).contains(QStringLiteral("4.12.57")));
        QCOMPARE(graph->indexOf(QStringLiteral("4.13.16")), -1);
        QCOMPARE(graph->node(*SemanticVersion::parse(u"4.13.16")), nullptr);

        const UpdateGraph::Node *node = graph->node(*SemanticVersion::parse(u"4.13.0"));
        QVERIFY(node);
        QCOMPARE(node->channels(),
                 (QStringList{QStringLiteral("candidate-4.13"), QStringLiteral("fast-4.13"),
                              QStringLiteral("stable-4.13"), QStringLiteral("candidate-4.14"),
                              QStringLiteral("eus-4.14"), QStringLiteral("fast-4.14"), QStringLiteral("stable-4.14")}));

        const UpdateGraph::ConditionalEdgeGroup &group = graph->conditionalEdges().first();
        QCOMPARE(group.edges.size(), 30);
        QCOMPARE(group.edges.first().from, QStringLiteral("4.13.1"));
        QCOMPARE(group.edges.first().to, QStringLiteral("4.13.36"));
        QCOMPARE(group.risks.size(), 2);
        QCOMPARE(group.risks.at(0).name, QStringLiteral("CephCapDropPanic"));
        QCOMPARE(group.risks.at(0).matchingRuleTypes, QStringList{QStringLiteral("PromQL")});
        QCOMPARE(group.risks.at(1).name, QStringLiteral("HighNodeStatusReportFrequency"));
        QCOMPARE(group.risks.at(1).matchingRuleTypes, QStringList{QStringLiteral("Always")});
    }

    void rangesAndPaths()
    {
        const auto graph = UpdateGraph::parse(readFile(fixture(QStringLiteral("oc-mirror_amd64-stable-4.13.json"))),
                                              QStringLiteral("stable-4.13"));
        QVERIFY(graph);
        // 4.12.38 is not in the channel.
        QCOMPARE(versionsOf(*graph,
                            graph->inRange(*SemanticVersion::parse(u"4.12.36"), *SemanticVersion::parse(u"4.12.40"))),
                 (QStringList{QStringLiteral("4.12.36"), QStringLiteral("4.12.37"), QStringLiteral("4.12.39"),
                              QStringLiteral("4.12.40")}));
        const int from = graph->indexOf(QStringLiteral("4.12.0"));
        // Successors explored in descending order: 4.12.57 is the first 4.12 release with an edge to 4.13.42.
        QCOMPARE(versionsOf(*graph, graph->shortestPath(from, graph->indexOf(QStringLiteral("4.13.42")))),
                 (QStringList{QStringLiteral("4.12.0"), QStringLiteral("4.12.57"), QStringLiteral("4.13.42")}));
        QCOMPARE(versionsOf(*graph, graph->shortestPath(from, graph->indexOf(QStringLiteral("4.13.43")))),
                 (QStringList{QStringLiteral("4.12.0"), QStringLiteral("4.12.58"), QStringLiteral("4.13.43")}));
        QCOMPARE(graph->shortestPath(from, graph->indexOf(QStringLiteral("4.13.10"))), QList<int>());
        QCOMPARE(graph->shortestPath(from, from), QList<int>{from});
    }

    void parsesMultiAndPrereleases()
    {
        const auto graph =
            UpdateGraph::parse(readFile(fixture(QStringLiteral("cincinnati-e2e_candidate-4.12_multi_v1.json"))),
                               QStringLiteral("candidate-4.12"));
        QVERIFY(graph);
        QCOMPARE(graph->nodes().size(), 5);
        QCOMPARE(graph->head()->version, QStringLiteral("4.12.0-rc.4"));
        QCOMPARE(graph->oldest()->version, QStringLiteral("4.12.0-rc.0"));
        QCOMPARE(graph->head()->metadata.value(QStringLiteral("release.openshift.io/architecture")),
                 QStringLiteral("multi"));
        QVERIFY(graph->conditionalEdges().isEmpty());
    }

    void rejectsBrokenDocuments_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << "syntax.json"
                                << "syntax.json: line 3, column 3: invalid JSON";
        QTest::newRow("bad version") << "badversion.json"
                                     << "nodes[0].version: expected a semantic version, got \"4.1\"";
        QTest::newRow("edge index") << "edgeindex.json"
                                    << "edges[0]: node index out of range (the graph has 1 nodes";
        QTest::newRow("no payload") << "nopayload.json"
                                    << "nodes[0].payload: expected the release image pull spec";
        QTest::newRow("duplicate") << "duplicate.json"
                                   << "nodes[1].version: version 4.1.0 appears twice";
        QTest::newRow("no nodes") << "nonodes.json"
                                  << "nonodes.json: nodes: expected an array of release nodes";
    }

    void rejectsBrokenDocuments()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QString error;
        const auto graph =
            UpdateGraph::parse(readFile(QStringLiteral(FERRY_TEST_DATA_DIR "/release/broken/") + file), file, &error);
        QVERIFY(!graph);
        QVERIFY2(error.contains(expected), qUtf8Printable(error));
    }
};

QTEST_GUILESS_MAIN(TestUpdateGraph)
#include "tst_updategraph.moc"
