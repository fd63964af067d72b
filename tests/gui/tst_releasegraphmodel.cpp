#include "models/releasegraphmodel.h"
#include "release/releaseselector.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

QByteArray readFixture(const char *name)
{
    QFile file(QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-api/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read fixture %s", name);
    }
    return file.readAll();
}

std::optional<SemanticVersion> version(const char *text)
{
    if (!text) {
        return std::nullopt;
    }
    return SemanticVersion::parse(QString::fromLatin1(text));
}

} // namespace

class tst_ReleaseGraphModel : public QObject
{
    Q_OBJECT

private:
    QByteArray m_document;
    UpdateGraph m_graph;

    static QSet<QString> modelSelection(const ReleaseGraphModel &model, QHash<QString, QString> *reasons = nullptr)
    {
        QSet<QString> versions;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            if (model.data(index, ReleaseGraphModel::SelectedRole).toBool()) {
                const QString v = model.data(index, ReleaseGraphModel::VersionRole).toString();
                versions.insert(v);
                if (reasons) {
                    reasons->insert(v, model.data(index, ReleaseGraphModel::ReasonRole).toString());
                }
            }
        }
        return versions;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_document = readFixture("oc-mirror_amd64-stable-4.13.json");
        QString error;
        const auto graph = UpdateGraph::parse(m_document, QStringLiteral("stable-4.13"), &error);
        QVERIFY2(graph, qUtf8Printable(error));
        m_graph = *graph;
    }

    void rowsAreVersionsInSemverOrder()
    {
        ReleaseGraphModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(m_graph, QStringLiteral("stable-4.13"), QStringLiteral("amd64"));
        QCOMPARE(model.rowCount(), 98);
        QCOMPARE(model.columnCount(), int(ReleaseGraphModel::ColumnCount));
        SemanticVersion previous;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString text = model.data(model.index(row, 0), ReleaseGraphModel::VersionRole).toString();
            const auto current = SemanticVersion::parse(text);
            QVERIFY(current);
            if (row > 0) {
                QVERIFY2(previous < *current, qUtf8Printable(text));
            }
            previous = *current;
            QCOMPARE(model.rowForVersion(text), row);
        }
        QCOMPARE(model.data(model.index(0, 0), ReleaseGraphModel::VersionRole).toString(), QStringLiteral("4.12.0"));
        QCOMPARE(model.data(model.index(97, 0), ReleaseGraphModel::VersionRole).toString(), QStringLiteral("4.13.43"));
        // 4.12.10 must come after 4.12.9: a string sort would get this wrong.
        QCOMPARE(model.rowForVersion(QStringLiteral("4.12.10")), model.rowForVersion(QStringLiteral("4.12.9")) + 1);
    }

    void headAndEdgeCountsMatchTheDocument()
    {
        ReleaseGraphModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(m_graph, QStringLiteral("stable-4.13"), QStringLiteral("amd64"));

        // Counted straight from the JSON, independently of UpdateGraph.
        const QJsonObject root = QJsonDocument::fromJson(m_document).object();
        const QJsonArray nodes = root.value(QLatin1String("nodes")).toArray();
        QHash<QString, int> out;
        QHash<QString, int> in;
        for (const QJsonValue &edge : root.value(QLatin1String("edges")).toArray()) {
            const QJsonArray pair = edge.toArray();
            ++out[nodes.at(pair.at(0).toInt()).toObject().value(QLatin1String("version")).toString()];
            ++in[nodes.at(pair.at(1).toInt()).toObject().value(QLatin1String("version")).toString()];
        }
        QHash<QString, int> conditionalIn;
        QHash<QString, QSet<QString>> risksIn;
        for (const QJsonValue &group : root.value(QLatin1String("conditionalEdges")).toArray()) {
            QStringList names;
            for (const QJsonValue &risk : group.toObject().value(QLatin1String("risks")).toArray()) {
                names << risk.toObject().value(QLatin1String("name")).toString();
            }
            for (const QJsonValue &edge : group.toObject().value(QLatin1String("edges")).toArray()) {
                const QString to = edge.toObject().value(QLatin1String("to")).toString();
                ++conditionalIn[to];
                for (const QString &name : names) {
                    risksIn[to].insert(name);
                }
            }
        }

        int heads = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            const QString v = model.data(index, ReleaseGraphModel::VersionRole).toString();
            QCOMPARE(model.data(index, ReleaseGraphModel::UpgradesOutRole).toInt(), out.value(v));
            QCOMPARE(model.data(index, ReleaseGraphModel::UpgradesInRole).toInt(), in.value(v));
            QCOMPARE(model.data(index, ReleaseGraphModel::ConditionalInRole).toInt(), conditionalIn.value(v));
            const QStringList risks = model.data(index, ReleaseGraphModel::RisksRole).toStringList();
            QCOMPARE(QSet<QString>(risks.cbegin(), risks.cend()), risksIn.value(v));
            if (model.data(index, ReleaseGraphModel::IsHeadRole).toBool()) {
                ++heads;
                QCOMPARE(v, QStringLiteral("4.13.43"));
                QVERIFY(model.data(index).toString().contains(QStringLiteral("head")));
            }
        }
        QCOMPARE(heads, 1);
        const QStringList risks =
            model.data(model.index(model.rowForVersion(QStringLiteral("4.13.36")), 0), ReleaseGraphModel::RisksRole)
                .toStringList();
        QVERIFY(risks.contains(QStringLiteral("CephCapDropPanic")));
        QVERIFY(model.data(model.index(model.rowForVersion(QStringLiteral("4.13.36")), ReleaseGraphModel::RisksColumn))
                    .toString()
                    .contains(QStringLiteral("AcceleratedNetworkingRace")));
    }

    void selectionEqualsReleaseSelector_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("minVersion");
        QTest::addColumn<QString>("maxVersion");
        QTest::addColumn<bool>("shortestPath");
        QTest::addColumn<bool>("full");
        QTest::addColumn<int>("expectedCount"); // -1: not checked beyond the selector

        const QString f413 = QStringLiteral("oc-mirror_amd64-stable-4.13.json");
        const QString f49 = QStringLiteral("cincinnati-e2e_stable-4.9_amd64_v1.json");
        const QString c413 = QStringLiteral("stable-4.13");
        QTest::newRow("head only") << f413 << c413 << QString() << QString() << false << false << 1;
        QTest::newRow("full") << f413 << c413 << QString() << QString() << false << true << 98;
        QTest::newRow("min only") << f413 << c413 << QStringLiteral("4.13.30") << QString() << false << false << 14;
        QTest::newRow("max only") << f413 << c413 << QString() << QStringLiteral("4.12.5") << false << false << 6;
        QTest::newRow("range") << f413 << c413 << QStringLiteral("4.12.50") << QStringLiteral("4.13.5") << false
                               << false << -1;
        QTest::newRow("shortest path") << f413 << c413 << QStringLiteral("4.12.20") << QStringLiteral("4.13.40") << true
                                       << false << -1;
        QTest::newRow("shortest path full") << f413 << c413 << QString() << QString() << true << true << -1;
        QTest::newRow("min above max") << f413 << c413 << QStringLiteral("4.13.10") << QStringLiteral("4.13.2") << false
                                       << false << 0;
        QTest::newRow("stable-4.9 range") << f49 << QStringLiteral("stable-4.9") << QStringLiteral("4.8.20")
                                          << QStringLiteral("4.9.10") << false << false << -1;
        QTest::newRow("stable-4.9 shortest") << f49 << QStringLiteral("stable-4.9") << QStringLiteral("4.8.20")
                                             << QStringLiteral("4.9.10") << true << false << -1;
    }

    void selectionEqualsReleaseSelector()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, channel);
        QFETCH(QString, minVersion);
        QFETCH(QString, maxVersion);
        QFETCH(bool, shortestPath);
        QFETCH(bool, full);
        QFETCH(int, expectedCount);

        const auto graph = UpdateGraph::parse(readFixture(qUtf8Printable(fixture)), fixture);
        QVERIFY(graph);
        ReleaseChannelFilter filter;
        filter.name = channel;
        if (!minVersion.isEmpty()) {
            filter.minVersion = SemanticVersion::parse(minVersion);
        }
        if (!maxVersion.isEmpty()) {
            filter.maxVersion = SemanticVersion::parse(maxVersion);
        }
        filter.shortestPath = shortestPath;
        filter.full = full;

        ReleaseGraphModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(*graph, channel, QStringLiteral("amd64"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy selectionChanged(&model, &ReleaseGraphModel::selectionChanged);
        model.setFilter(filter);
        QCOMPARE(reset.count(), 0); // rows stay: a filter change is a data change
        QCOMPARE(changed.count(), 1);
        QCOMPARE(selectionChanged.count(), 1);

        ReleaseSelector selector;
        selector.addGraph(QStringLiteral("amd64"), channel, *graph);
        ReleaseSelectionRequest request;
        request.channels = {filter};
        const ReleaseSelection expected = selector.select(request);
        QSet<QString> expectedVersions;
        QHash<QString, QString> expectedReasons;
        for (const SelectedRelease &release : expected.releases) {
            expectedVersions.insert(release.version);
            expectedReasons.insert(release.version, release.reason().text);
        }
        QHash<QString, QString> reasons;
        const QSet<QString> selected = modelSelection(model, &reasons);
        QCOMPARE(selected, expectedVersions);
        for (auto it = expectedReasons.cbegin(); it != expectedReasons.cend(); ++it) {
            QCOMPARE(reasons.value(it.key()), it.value());
        }
        QCOMPARE(model.selectedCount(), int(expected.releases.size()));
        QCOMPARE(model.selection().errors, expected.errors);
        if (expectedCount >= 0) {
            QCOMPARE(int(selected.size()), expectedCount);
        }

        if (shortestPath && !expected.releases.isEmpty()) {
            // The route is the path itself, in walking order, and every step is an update in the graph.
            const QList<int> route = model.route();
            QCOMPARE(route.size(), expected.releases.size());
            for (qsizetype i = 1; i < route.size(); ++i) {
                QVERIFY(graph->successors(route.at(i - 1)).contains(route.at(i)));
            }
            QVERIFY(route.size() < graph->nodes().size());
        } else {
            QVERIFY(model.route().isEmpty());
        }
        if (!minVersion.isEmpty() && model.rowForVersion(minVersion) >= 0) {
            QVERIFY(
                model.data(model.index(model.rowForVersion(minVersion), 0), ReleaseGraphModel::IsMinimumRole).toBool());
        }
        if (expectedCount == 0) {
            QVERIFY(!model.selection().isOk());
        }
    }

    void rangeSelectsExactlyTheVersionsBetween()
    {
        // Independent of ReleaseSelector: a plain range is every version between the bounds.
        ReleaseGraphModel model;
        model.setGraph(m_graph, QStringLiteral("stable-4.13"), QStringLiteral("amd64"));
        ReleaseChannelFilter filter;
        filter.minVersion = version("4.12.55");
        filter.maxVersion = version("4.13.3");
        model.setFilter(filter);
        const QSet<QString> expected{QStringLiteral("4.12.55"), QStringLiteral("4.12.56"), QStringLiteral("4.12.57"),
                                     QStringLiteral("4.12.58"), QStringLiteral("4.13.0"),  QStringLiteral("4.13.1"),
                                     QStringLiteral("4.13.2"),  QStringLiteral("4.13.3")};
        QCOMPARE(modelSelection(model), expected);
        const QModelIndex selectedCell = model.index(model.rowForVersion(QStringLiteral("4.13.0")), 1);
        QCOMPARE(model.data(selectedCell, Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QCOMPARE(model.data(selectedCell.siblingAtRow(0), Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    }

    void replacingTheGraphResets()
    {
        ReleaseGraphModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(m_graph, QStringLiteral("stable-4.13"), QStringLiteral("amd64"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto other = UpdateGraph::parse(readFixture("cincinnati-e2e_candidate-4.12_multi_v1.json"),
                                              QStringLiteral("candidate-4.12"));
        QVERIFY(other);
        model.setGraph(*other, QStringLiteral("candidate-4.12"), QStringLiteral("multi"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.selectedCount(), 1); // the head of the channel
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.selectedCount(), 0);
    }
};

QTEST_MAIN(tst_ReleaseGraphModel)
#include "tst_releasegraphmodel.moc"
