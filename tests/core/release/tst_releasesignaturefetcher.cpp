#include "release/releasesignaturefetcher.h"

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

const QString Hex = QStringLiteral("d0da3d9b016e6d693a61c9425598921b6d0da99c52cb0f3404f6dbc126149e5d");

// A signature store on loopback: serves known paths, 404 for the rest, and remembers what was asked.
class SignatureStore
{
public:
    SignatureStore()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    void insert(const QByteArray &path, int status, const QByteArray &body) { m_files.insert(path, {status, body}); }
    QList<QByteArray> paths() const { return m_paths; }

private:
    void serve(QTcpSocket *socket)
    {
        m_buffer[socket] += socket->readAll();
        const QByteArray request = m_buffer.value(socket);
        if (!request.contains("\r\n\r\n"))
            return;
        m_buffer.remove(socket);
        const QByteArray path = request.split(' ').value(1);
        m_paths.append(path);
        const auto answer = m_files.value(path, {404, QByteArray("not found")});
        socket->write("HTTP/1.1 " + QByteArray::number(answer.first) +
                      " Canned\r\nConnection: close\r\nContent-Length: " + QByteArray::number(answer.second.size()) +
                      "\r\n\r\n" + answer.second);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, QPair<int, QByteArray>> m_files;
    QHash<QTcpSocket *, QByteArray> m_buffer;
    QList<QByteArray> m_paths;
};

ReleaseSignatureFetcher::Result wait(const QFuture<ReleaseSignatureFetcher::Result> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qFatal("the signature request did not finish");
    return future.result();
}

} // namespace

class TestReleaseSignatureFetcher : public QObject
{
    Q_OBJECT

private:
    SignatureStore m_store;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("OCP_SIGNATURE_URL"), QStringLiteral("http://127.0.0.1:%1/sigs").arg(m_store.port()));
        return env;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_store.listen());
        m_store.insert("/sigs/sha256=" + Hex.toLatin1() + "/signature-1", 200,
                       QByteArray("\x90\x0d\x03\x00 signed", 12));
        m_store.insert("/sigs/sha256=" + QByteArray(64, 'e') + "/signature-1", 503, "busy");
    }

    void buildsUrls()
    {
        QCOMPARE(
            ReleaseSignatureFetcher::signatureUrl(QStringLiteral("sha256:") + Hex, QProcessEnvironment()).toString(),
            QStringLiteral("https://mirror.openshift.com/pub/openshift-v4/signatures/openshift/release/sha256=") + Hex +
                QStringLiteral("/signature-1"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("OCP_SIGNATURE_URL"), QStringLiteral("https://sigs.example.invalid/release/"));
        QCOMPARE(ReleaseSignatureFetcher::signatureUrl(QStringLiteral("sha256:") + Hex, env).toString(),
                 QStringLiteral("https://sigs.example.invalid/release/sha256=") + Hex + QStringLiteral("/signature-1"));
        QVERIFY(ReleaseSignatureFetcher::signatureUrl(QStringLiteral("sha256:abc"), env).isEmpty());
        QVERIFY(ReleaseSignatureFetcher::signatureUrl(Hex, env).isEmpty());
    }

    void fetches()
    {
        ReleaseSignatureFetcher fetcher(environment());
        const auto result = wait(fetcher.fetch(QStringLiteral("sha256:") + Hex));
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.signature, QByteArray("\x90\x0d\x03\x00 signed", 12));
        QCOMPARE(m_store.paths().last(), "/sigs/sha256=" + Hex.toLatin1() + "/signature-1");
    }

    void reportsErrors()
    {
        ReleaseSignatureFetcher fetcher(environment());
        const QString missing = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        auto result = wait(fetcher.fetch(missing));
        QCOMPARE(result.errorKind, ReleaseSignatureFetcher::ErrorKind::NotFound);
        QCOMPARE(result.error, QStringLiteral("release signature for %1 from http://127.0.0.1:%2/sigs/sha256=%3/"
                                              "signature-1: no such signature (HTTP 404)")
                                   .arg(missing)
                                   .arg(m_store.port())
                                   .arg(QString(64, QLatin1Char('a'))));

        result = wait(fetcher.fetch(QStringLiteral("sha256:") + QString(64, QLatin1Char('e'))));
        QCOMPARE(result.errorKind, ReleaseSignatureFetcher::ErrorKind::Http);
        QCOMPARE(result.httpStatus, 503);
        QVERIFY2(result.error.endsWith(QStringLiteral(": HTTP 503")), qUtf8Printable(result.error));

        result = wait(fetcher.fetch(QStringLiteral("4.18.5")));
        QCOMPARE(result.errorKind, ReleaseSignatureFetcher::ErrorKind::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestReleaseSignatureFetcher)
#include "tst_releasesignaturefetcher.moc"
