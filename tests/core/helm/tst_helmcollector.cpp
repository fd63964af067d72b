#include "chartarchive.h"
#include "helm/helmcollector.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

// A minimal HTTP/1.1 peer for chart repositories: GET of fixed paths, one request per connection.
class ChartServer : public QObject
{
    Q_OBJECT

public:
    bool start() { return m_server.listen(QHostAddress::LocalHost); }
    void stop() { m_server.close(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:") + QString::number(m_server.serverPort()); }
    void serve(const QString &path, const QByteArray &body) { m_routes.insert(path.toUtf8(), body); }
    QStringList requests() const { return m_requests; }

    ChartServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
            }
        });
    }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer.append(socket->readAll());
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray path = buffer.split(' ').value(1);
        m_buffers.remove(socket);
        m_requests.append(QString::fromUtf8(path));
        QByteArray response;
        if (m_routes.contains(path)) {
            const QByteArray body = m_routes.value(path);
            response = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        } else {
            response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        }
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QMap<QByteArray, QByteArray> m_routes;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    QStringList m_requests;
};

class TestHelmCollector : public QObject
{
    Q_OBJECT

private:
    static QString sha256(const QByteArray &data)
    {
        return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    }

    static QByteArray toolChart(const QString &version)
    {
        return ChartArchive::tarGz({
            {QStringLiteral("tool/Chart.yaml"), "name: tool\nversion: " + version.toUtf8() + "\nappVersion: v9\n"},
            {QStringLiteral("tool/values.yaml"), "image:\n  repository: quay.io/example/tool\n"},
        });
    }

    // Runs collect() on a worker thread, as the plan builder does, while this thread serves HTTP.
    static HelmCollector::Result run(const HelmConfig &config, const QString &workingDirectory, bool offline)
    {
        // No proxy from the environment: the chart server is on the loopback.
        const HelmCollector collector{QProcessEnvironment()};
        const QStringList roots{QStringLiteral("reg.example:5000/mirror"), QStringLiteral("localhost:55000")};
        QFuture<HelmCollector::Result> future =
            QtConcurrent::run([collector, config, workingDirectory, roots, offline] {
                return collector.collect(config, workingDirectory, roots, offline);
            });
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 30000))
            return {};
        return future.result();
    }

    static QStringList origins(const QList<MirrorPlanEntry> &entries)
    {
        QStringList result;
        for (const auto &entry : entries)
            result.append(entry.origin);
        return result;
    }

    ChartServer m_server;
    QByteArray m_index;
    QByteArray m_webapp;
    HelmConfig m_config;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_webapp = ChartArchive::tarGz(
            ChartArchive::directoryFiles(ChartArchive::webappDirectory(), QStringLiteral("webapp")));
        const QByteArray tool10 = toolChart(QStringLiteral("1.0.0"));
        const QByteArray tool09 = toolChart(QStringLiteral("0.9.0"));
        const QByteArray broken = toolChart(QStringLiteral("0.1.0"));
        m_server.serve(QStringLiteral("/charts/webapp-1.2.3.tgz"), m_webapp);
        m_server.serve(QStringLiteral("/cdn/tool-1.0.0.tgz"), tool10);
        m_server.serve(QStringLiteral("/charts/tool-0.9.0.tgz"), tool09);
        m_server.serve(QStringLiteral("/charts/broken-0.1.0.tgz"), broken);
        // webapp by a relative URL, tool 1.0.0 by an absolute one, broken with a digest that does not match.
        m_index = "apiVersion: v1\nentries:\n"
                  "  webapp:\n"
                  "  - name: webapp\n    version: 1.2.3\n    appVersion: 2.0.1\n    digest: " +
                  sha256(m_webapp).toUtf8() +
                  "\n    urls: [webapp-1.2.3.tgz]\n"
                  "  tool:\n"
                  "  - {name: tool, version: 1.1.0-rc.1, urls: [tool-1.1.0-rc.1.tgz]}\n"
                  "  - {name: tool, version: 1.0.0, digest: " +
                  sha256(tool10).toUtf8() + ", urls: [" + m_server.baseUrl().toUtf8() +
                  "/cdn/tool-1.0.0.tgz]}\n"
                  "  - {name: tool, version: 0.9.0, urls: [tool-0.9.0.tgz]}\n"
                  "  broken:\n"
                  "  - {name: broken, version: 0.1.0, digest: " +
                  QByteArray(64, '0') + ", urls: [broken-0.1.0.tgz]}\n";
        m_server.serve(QStringLiteral("/charts/index.yaml"), m_index);

        HelmRepository repository;
        repository.name = QStringLiteral("test-repo");
        repository.url = m_server.baseUrl() + QStringLiteral("/charts");
        HelmChart webapp;
        webapp.name = QStringLiteral("webapp");
        webapp.version = QStringLiteral("1.2.3");
        webapp.imagePaths = {QStringLiteral("{.spec.template.spec.custom[*].image}")};
        HelmChart tool;
        tool.name = QStringLiteral("tool"); // no version: the latest stable one, 1.0.0
        HelmChart brokenChart;
        brokenChart.name = QStringLiteral("broken");
        brokenChart.version = QStringLiteral("0.1.0");
        repository.charts = {webapp, tool, brokenChart};
        m_config.repositories = {repository};
    }

    void collectsOnlineThenOffline()
    {
        QTemporaryDir workingDirectory;
        QVERIFY(workingDirectory.isValid());
        const auto online = run(m_config, workingDirectory.path(), false);
        QCOMPARE(online.entries.size(), 2);

        // Only the chart with the wrong digest fails; the others go on.
        QCOMPARE(online.errors.size(), 1);
        QVERIFY2(online.errors.first().startsWith(
                     QStringLiteral("helm repository \"test-repo\": chart broken 0.1.0: ") + m_server.baseUrl() +
                     QStringLiteral("/charts/broken-0.1.0.tgz has digest sha256:")),
                 qUtf8Printable(online.errors.first()));
        QVERIFY(online.errors.first().endsWith(QStringLiteral(" but the index expects sha256:") +
                                               QString(64, QLatin1Char('0'))));

        QStringList expected = ChartArchive::webappImages();
        expected << QStringLiteral("quay.io/example/custom:1.1");
        expected.sort();
        expected << QStringLiteral("quay.io/example/tool:v9");
        QCOMPARE(origins(online.entries.at(0)), expected);
        QCOMPARE(origins(online.entries.at(1)), expected);

        const auto &first = online.entries.at(0);
        for (const auto &entry : first) {
            QCOMPARE(entry.kind, ImageKind::HelmImage);
        }
        const auto webappEntry = std::find_if(first.cbegin(), first.cend(), [](const MirrorPlanEntry &e) {
            return e.origin == QStringLiteral("quay.io/example/webapp:2.0.1");
        });
        QVERIFY(webappEntry != first.cend());
        QCOMPARE(webappEntry->destination, QStringLiteral("reg.example:5000/mirror/example/webapp:2.0.1"));
        QCOMPARE(webappEntry->reason, QStringLiteral("image of chart webapp 1.2.3"));
        QCOMPARE(first.last().reason, QStringLiteral("image of chart tool 1.0.0"));
        QCOMPARE(online.entries.at(1).last().destination, QStringLiteral("localhost:55000/example/tool:v9"));
        const auto migrate = std::find_if(first.cbegin(), first.cend(), [](const MirrorPlanEntry &e) {
            return e.origin.startsWith(QStringLiteral("ghcr.io/example/migrate@"));
        });
        QVERIFY(migrate != first.cend());
        QCOMPARE(migrate->destination,
                 QStringLiteral("reg.example:5000/mirror/example/migrate:sha256-") + QString(64, QLatin1Char('a')));

        // The working-dir holds the index as served and the charts that passed the digest check.
        QFile index(HelmCollector::indexPath(workingDirectory.path(), QStringLiteral("test-repo")));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QCOMPARE(index.readAll(), m_index);
        QCOMPARE(index.fileName(), workingDirectory.filePath(QStringLiteral("helm/indexes/test-repo/index.yaml")));
        QFile webapp(workingDirectory.filePath(QStringLiteral("helm/charts/webapp-1.2.3.tgz")));
        QVERIFY(webapp.open(QIODevice::ReadOnly));
        QCOMPARE(webapp.readAll(), m_webapp);
        QVERIFY(QFile::exists(workingDirectory.filePath(QStringLiteral("helm/charts/tool-1.0.0.tgz"))));
        QVERIFY(!QFile::exists(workingDirectory.filePath(QStringLiteral("helm/charts/broken-0.1.0.tgz"))));
        QVERIFY(m_server.requests().contains(QStringLiteral("/cdn/tool-1.0.0.tgz")));

        // Offline reads the same index and charts from the working-dir; no request reaches the server.
        const qsizetype requestsBefore = m_server.requests().size();
        const auto offline = run(m_config, workingDirectory.path(), true);
        QCOMPARE(m_server.requests().size(), requestsBefore);
        QCOMPARE(offline.entries, online.entries);
        QCOMPARE(offline.errors.size(), 1);
        QVERIFY2(offline.errors.first().contains(QStringLiteral("chart broken 0.1.0: not in the working-dir")),
                 qUtf8Printable(offline.errors.first()));

        // A chart altered in the working-dir fails the digest check offline too.
        QFile altered(workingDirectory.filePath(QStringLiteral("helm/charts/webapp-1.2.3.tgz")));
        QVERIFY(altered.open(QIODevice::WriteOnly));
        altered.write(toolChart(QStringLiteral("1.2.3")));
        altered.close();
        const auto tampered = run(m_config, workingDirectory.path(), true);
        QCOMPARE(tampered.errors.size(), 2);
        QVERIFY(tampered.errors.first().contains(QStringLiteral("chart webapp 1.2.3: ")));
        QVERIFY(tampered.errors.first().contains(QStringLiteral("but the index expects sha256:") + sha256(m_webapp)));
    }

    void offlineWithoutStoredIndex()
    {
        QTemporaryDir workingDirectory;
        const auto result = run(m_config, workingDirectory.path(), true);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().startsWith(
                     QStringLiteral("helm repository \"test-repo\": no stored index in the working-dir")),
                 qUtf8Printable(result.errors.first()));
        QCOMPARE(result.entries, QList<QList<MirrorPlanEntry>>({{}, {}}));
    }

    void reportsMissingChartsAndHttpErrors()
    {
        HelmConfig config = m_config;
        config.repositories.first().charts.first().version = QStringLiteral("9.9.9");
        HelmRepository missing;
        missing.name = QStringLiteral("missing");
        missing.url = m_server.baseUrl() + QStringLiteral("/nothing-here");
        config.repositories.append(missing);
        HelmRepository ftp;
        ftp.name = QStringLiteral("ftp");
        ftp.url = QStringLiteral("ftp://127.0.0.1/charts");
        config.repositories.append(ftp);
        QTemporaryDir workingDirectory;
        const auto result = run(config, workingDirectory.path(), false);
        QCOMPARE(result.errors.size(), 4);
        QVERIFY2(result.errors.at(0).contains(
                     QStringLiteral("chart \"webapp\" version \"9.9.9\" is not in the index (versions: 1.2.3)")),
                 qUtf8Printable(result.errors.at(0)));
        QVERIFY(result.errors.at(1).contains(QStringLiteral("chart broken 0.1.0")));
        QVERIFY2(result.errors.at(2).startsWith(
                     QStringLiteral("helm repository \"missing\": cannot fetch index.yaml: ") + m_server.baseUrl() +
                     QStringLiteral("/nothing-here/index.yaml: HTTP status 404")),
                 qUtf8Printable(result.errors.at(2)));
        QVERIFY(result.errors.at(3).startsWith(QStringLiteral("helm.repositories[2].url: expected an http://")));
        QCOMPARE(origins(result.entries.at(0)), QStringList{QStringLiteral("quay.io/example/tool:v9")});
    }

    void readsLocalCharts()
    {
        HelmConfig config;
        HelmChart local;
        local.name = QStringLiteral("webapp-local");
        local.path = ChartArchive::webappDirectory();
        HelmChart absent;
        absent.name = QStringLiteral("absent");
        absent.path = QStringLiteral("/nonexistent/ferry/chart");
        config.local = {local, absent};
        QTemporaryDir workingDirectory;
        const auto result = run(config, workingDirectory.path(), true);
        QCOMPARE(origins(result.entries.at(0)), ChartArchive::webappImages());
        QCOMPARE(result.entries.at(0).first().reason, QStringLiteral("image of chart webapp-local 1.2.3"));
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.first().startsWith(QStringLiteral("local helm chart \"absent\": ")));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestHelmCollector)
#include "tst_helmcollector.moc"
