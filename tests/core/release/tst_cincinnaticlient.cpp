#include "release/cincinnaticlient.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtConcurrent>

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

// A minimal HTTP/1.1 peer standing in for the update service: one canned answer per channel, and a record of what
// each request looked like.
class GraphServer
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };
    struct Request
    {
        QByteArray target;
        QList<QByteArray> acceptHeaders;
    };

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    void setAnswer(const QString &channel, int status, const QByteArray &body)
    {
        m_answers.insert(channel, {status, body});
    }
    QList<Request> requests() const { return m_requests; }

    GraphServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        m_buffers.remove(socket);
        Request request;
        request.target = lines.value(0).split(' ').value(1);
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "accept")
                request.acceptHeaders.append(line.mid(colon + 1).trimmed());
        }
        m_requests.append(request);
        const QUrlQuery query(QUrl(QString::fromUtf8(request.target)));
        const QString channel = query.queryItemValue(QStringLiteral("channel"));
        Answer answer = m_answers.value(channel, {404, R"({"kind":"does_not_exist","value":"no such channel"})"});
        QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " Canned\r\n";
        response += "Content-Type: application/json\r\nConnection: close\r\n";
        response += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n\r\n";
        response += answer.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QString, Answer> m_answers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
};

} // namespace

class TestCincinnatiClient : public QObject
{
    Q_OBJECT

private:
    GraphServer m_server;
    QByteArray m_fixture;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("UPDATE_URL_OVERRIDE"),
                   QStringLiteral("http://127.0.0.1:%1/api/upgrades_info/v1/graph").arg(m_server.port()));
        return env;
    }

    static CincinnatiClient::Result wait(const QFuture<CincinnatiClient::Result> &future)
    {
        // The server answers on this thread, so the test spins the event loop while it waits.
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
            qFatal("the graph request did not finish");
        return future.result();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_fixture =
            readFile(QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-api/oc-mirror_amd64-stable-4.13.json"));
        m_server.setAnswer(QStringLiteral("stable-4.13"), 200, m_fixture);
        m_server.setAnswer(QStringLiteral("bad-request"), 400,
                           R"({"kind":"missing_params","value":"mandatory client parameters missing: channel"})");
        m_server.setAnswer(QStringLiteral("not-acceptable"), 406,
                           R"({"kind":"invalid_content_type","value":"invalid Content-Type requested"})");
        m_server.setAnswer(QStringLiteral("server-error"), 500,
                           R"({"kind":"failed_upstream_fetch","value":"failed to fetch upstream graph"})");
        m_server.setAnswer(QStringLiteral("garbage"), 200, "<html>maintenance</html>");
    }

    void buildsUrls()
    {
        const QUuid id = QUuid::createUuid();
        const QUrl ocp = CincinnatiClient::graphUrl(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.16"),
                                                    QStringLiteral("arm64"), id, QProcessEnvironment());
        QCOMPARE(ocp.toString(), QStringLiteral("https://api.openshift.com/api/upgrades_info/v1/graph?arch=arm64&"
                                                "channel=stable-4.16&id=") +
                                     id.toString(QUuid::WithoutBraces));
        const QUrl okd = CincinnatiClient::graphUrl(ReleaseChannelFilter::Type::Okd, QStringLiteral("stable-4"),
                                                    QStringLiteral("amd64"), id, environment());
        QCOMPARE(okd.toString(QUrl::RemoveQuery), QStringLiteral("https://origin-release.ci.openshift.org/graph"));

        QProcessEnvironment env;
        env.insert(QStringLiteral("UPDATE_URL_OVERRIDE"), QStringLiteral("https://osus.example.invalid/graph?x=1"));
        const QUrl overridden = CincinnatiClient::graphUrl(ReleaseChannelFilter::Type::Ocp, QStringLiteral("eus-4.16"),
                                                           QStringLiteral("multi"), id, env);
        QCOMPARE(overridden.toString(), QStringLiteral("https://osus.example.invalid/graph?x=1&arch=multi&"
                                                       "channel=eus-4.16&id=") +
                                            id.toString(QUuid::WithoutBraces));

        const QNetworkRequest request = CincinnatiClient::graphRequest(ocp);
        QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
        QCOMPARE(request.transferTimeout(), 60 * 60 * 1000);
    }

    void fetchesAndStores()
    {
        QTemporaryDir workingDir;
        CincinnatiClient client(environment());
        const qsizetype before = m_server.requests().size();
        const auto result = wait(client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"),
                                                   QStringLiteral("amd64"), workingDir.path()));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.graph.nodes().size(), 98);
        QCOMPARE(result.graph.head()->version, QStringLiteral("4.13.43"));

        QCOMPARE(m_server.requests().size(), before + 1);
        const GraphServer::Request request = m_server.requests().last();
        QCOMPARE(request.acceptHeaders, QList<QByteArray>{"application/json"});
        const QUrl target(QString::fromUtf8(request.target));
        QCOMPARE(target.path(), QStringLiteral("/api/upgrades_info/v1/graph"));
        const QUrlQuery query(target);
        QCOMPARE(query.queryItemValue(QStringLiteral("arch")), QStringLiteral("amd64"));
        QCOMPARE(query.queryItemValue(QStringLiteral("channel")), QStringLiteral("stable-4.13"));
        QVERIFY(!QUuid::fromString(query.queryItemValue(QStringLiteral("id"))).isNull());

        const QString stored =
            workingDir.path() + QStringLiteral("/hold-release/cincinnati-graph-data/amd64-stable-4.13.json");
        QCOMPARE(result.storedPath, stored);
        QCOMPARE(readFile(stored), m_fixture);
        QCOMPARE(QDir(workingDir.path() + QStringLiteral("/hold-release/cincinnati-graph-data")).entryList(QDir::Files),
                 QStringList{QStringLiteral("amd64-stable-4.13.json")});

        // A second request carries a fresh id.
        wait(
            client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"), QStringLiteral("amd64")));
        const QUrlQuery second(QUrl(QString::fromUtf8(m_server.requests().last().target)));
        QVERIFY(second.queryItemValue(QStringLiteral("id")) != query.queryItemValue(QStringLiteral("id")));

        const auto loaded =
            CincinnatiClient::loadStored(workingDir.path(), QStringLiteral("amd64"), QStringLiteral("stable-4.13"));
        QVERIFY2(loaded.isOk(), qUtf8Printable(loaded.error));
        QCOMPARE(loaded.graph.nodes().size(), 98);
        QCOMPARE(loaded.document, m_fixture);
    }

    void reportsServerErrors_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("kind");
        QTest::newRow("400") << "bad-request" << 400 << "missing_params";
        QTest::newRow("404") << "fast-9.99" << 404 << "does_not_exist";
        QTest::newRow("406") << "not-acceptable" << 406 << "invalid_content_type";
        QTest::newRow("500") << "server-error" << 500 << "failed_upstream_fetch";
    }

    void reportsServerErrors()
    {
        QFETCH(QString, channel);
        QFETCH(int, status);
        QFETCH(QString, kind);
        QTemporaryDir workingDir;
        CincinnatiClient client(environment());
        const auto result = wait(
            client.fetchGraph(ReleaseChannelFilter::Type::Ocp, channel, QStringLiteral("amd64"), workingDir.path()));
        QCOMPARE(result.errorKind, CincinnatiClient::ErrorKind::Http);
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.serverKind, kind);
        QVERIFY(!result.serverValue.isEmpty());
        QVERIFY2(result.error.contains(QStringLiteral("channel %1 (amd64)").arg(channel)),
                 qUtf8Printable(result.error));
        QVERIFY2(result.error.contains(
                     QStringLiteral("http://127.0.0.1:%1/api/upgrades_info/v1/graph?arch=amd64").arg(m_server.port())),
                 qUtf8Printable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("HTTP %1: %2: %3").arg(status).arg(kind, result.serverValue)),
                 qUtf8Printable(result.error));
        QVERIFY(!QFile::exists(workingDir.path() + QStringLiteral("/hold-release/cincinnati-graph-data/amd64-") +
                               channel + QStringLiteral(".json")));
    }

    void keepsCredentialsOutOfErrors()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("UPDATE_URL_OVERRIDE"),
                   QStringLiteral("http://osus-user:s3cr3t-pass@127.0.0.1:%1/api/upgrades_info/v1/graph")
                       .arg(m_server.port()));
        CincinnatiClient client(env);
        const auto result = wait(client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("server-error"),
                                                   QStringLiteral("amd64")));
        QCOMPARE(result.errorKind, CincinnatiClient::ErrorKind::Http);
        QVERIFY2(!result.error.contains(QStringLiteral("s3cr3t")), qUtf8Printable(result.error));
        QVERIFY2(!result.error.contains(QStringLiteral("osus-user")), qUtf8Printable(result.error));
        QVERIFY(!result.url.toString().contains(QStringLiteral("s3cr3t")));
    }

    void rejectsNonGraphAnswers()
    {
        CincinnatiClient client(environment());
        const auto result = wait(
            client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("garbage"), QStringLiteral("amd64")));
        QCOMPARE(result.errorKind, CincinnatiClient::ErrorKind::InvalidGraph);
        QVERIFY2(result.error.contains(QStringLiteral("invalid JSON")), qUtf8Printable(result.error));
    }

    void reportsNetworkErrors()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("UPDATE_URL_OVERRIDE"), QStringLiteral("http://127.0.0.1:%1/graph").arg(port));
        CincinnatiClient client(env);
        const auto result = wait(
            client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"), QStringLiteral("amd64")));
        QCOMPARE(result.errorKind, CincinnatiClient::ErrorKind::Network);
        QCOMPARE(result.httpStatus, 0);
        QVERIFY2(result.error.contains(QStringLiteral("request to http://127.0.0.1:%1/graph").arg(port)),
                 qUtf8Printable(result.error));
    }

    void rejectsBadArguments()
    {
        CincinnatiClient client(environment());
        const auto result =
            client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"), QStringLiteral("x86_64"))
                .result();
        QCOMPARE(result.errorKind, CincinnatiClient::ErrorKind::InvalidArgument);
        QVERIFY2(result.error.contains(QStringLiteral("unknown architecture \"x86_64\"")),
                 qUtf8Printable(result.error));
    }

    void worksFromAWorkerThread()
    {
        CincinnatiClient client(environment());
        QThreadPool pool;
        // The worker blocks on the future (no event loop of its own); the client's thread does the networking.
        QFuture<CincinnatiClient::Result> outer = QtConcurrent::run(&pool, [&client] {
            auto inner = client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"),
                                           QStringLiteral("amd64"));
            inner.waitForFinished();
            return inner.result();
        });
        const auto result = wait(outer);
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.graph.nodes().size(), 98);
    }

    void usesTheProxyFromTheEnvironment()
    {
        // The "proxy" is the same canned server: it receives the absolute URL of the update service.
        QProcessEnvironment env;
        env.insert(QStringLiteral("UPDATE_URL_OVERRIDE"),
                   QStringLiteral("http://updates.example.invalid/api/upgrades_info/v1/graph"));
        env.insert(QStringLiteral("HTTP_PROXY"), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
        CincinnatiClient client(env);
        const auto result = wait(
            client.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"), QStringLiteral("amd64")));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QVERIFY2(m_server.requests().last().target.startsWith(
                     "http://updates.example.invalid/api/upgrades_info/v1/graph?arch=amd64&channel=stable-4.13&id="),
                 m_server.requests().last().target.constData());

        env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("example.invalid"));
        CincinnatiClient direct(env);
        const auto bypassed = wait(
            direct.fetchGraph(ReleaseChannelFilter::Type::Ocp, QStringLiteral("stable-4.13"), QStringLiteral("amd64")));
        QCOMPARE(bypassed.errorKind, CincinnatiClient::ErrorKind::Network);
    }

    void missingStoredGraph()
    {
        QTemporaryDir workingDir;
        const auto result =
            CincinnatiClient::loadStored(workingDir.path(), QStringLiteral("arm64"), QStringLiteral("stable-4.16"));
        QCOMPARE(result.errorKind, CincinnatiClient::ErrorKind::NoGraphData);
        QVERIFY2(result.error.contains(QStringLiteral("hold-release/cincinnati-graph-data/arm64-stable-4.16.json")),
                 qUtf8Printable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("channel stable-4.16 (arm64)")), qUtf8Printable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestCincinnatiClient)
#include "tst_cincinnaticlient.moc"
