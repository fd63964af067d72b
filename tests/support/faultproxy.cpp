#include "faultproxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

// One client connection and its upstream connection, with just enough HTTP/1.1 parsing to find blob bodies.
class FaultProxyConnection : public QObject
{
public:
    FaultProxyConnection(FaultProxy *owner, QTcpSocket *client, const QString &upstream)
        : m_owner(owner)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
    {
        client->setParent(this);
        const QString host = upstream.section(QLatin1Char(':'), 0, 0);
        const quint16 port = quint16(upstream.section(QLatin1Char(':'), 1, 1).toUInt());
        connect(m_client, &QTcpSocket::readyRead, this, [this] { fromClient(); });
        connect(m_upstream, &QTcpSocket::connected, this, [this] { fromClient(); });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { fromUpstream(); });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { close(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] {
            fromUpstream();
            close();
        });
        m_upstream->connectToHost(QHostAddress(host), port);
    }

private:
    struct Pending
    {
        QByteArray method;
        bool blob = false;
    };

    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_client->disconnectFromHost();
        m_upstream->disconnectFromHost();
        deleteLater();
    }

    static qint64 contentLength(const QByteArray &headers)
    {
        for (const QByteArray &line : headers.split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed.toLower().startsWith("content-length:"))
                return trimmed.mid(15).trimmed().toLongLong();
        }
        return 0;
    }

    void fromClient()
    {
        if (m_upstream->state() != QAbstractSocket::ConnectedState)
            return;
        m_requestBuffer += m_client->readAll();
        // Not HTTP (a TLS ClientHello from a client probing https): pass everything through untouched, so the
        // registry answers it as it would without the proxy.
        if (m_passThrough || (!m_requestBuffer.isEmpty() && m_pending.isEmpty() && m_requestBodyLeft == 0 &&
                              !(m_requestBuffer.at(0) >= 'A' && m_requestBuffer.at(0) <= 'Z'))) {
            m_passThrough = true;
            m_upstream->write(std::exchange(m_requestBuffer, QByteArray()));
            return;
        }
        // Request framing: headers, then Content-Length bytes of body forwarded as they come.
        while (!m_requestBuffer.isEmpty()) {
            if (m_requestBodyLeft > 0) {
                const QByteArray part = m_requestBuffer.left(m_requestBodyLeft);
                m_upstream->write(part);
                m_requestBodyLeft -= part.size();
                m_requestBuffer.remove(0, part.size());
                continue;
            }
            const qsizetype end = m_requestBuffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray headers = m_requestBuffer.left(end + 4);
            m_requestBuffer.remove(0, end + 4);
            const QList<QByteArray> requestLine = headers.left(headers.indexOf("\r\n")).split(' ');
            Pending pending;
            pending.method = requestLine.value(0);
            pending.blob = pending.method == "GET" && requestLine.value(1).contains("/blobs/") &&
                           !requestLine.value(1).contains("/uploads/");
            m_pending.append(pending);
            m_requestBodyLeft = contentLength(headers);
            m_upstream->write(headers);
        }
    }

    void fromUpstream()
    {
        m_responseBuffer += m_upstream->readAll();
        if (m_passThrough) {
            m_client->write(std::exchange(m_responseBuffer, QByteArray()));
            return;
        }
        while (!m_responseBuffer.isEmpty()) {
            if (m_responseBodyLeft > 0) {
                QByteArray part = m_responseBuffer.left(m_responseBodyLeft);
                m_responseBuffer.remove(0, part.size());
                if (m_damage != FaultProxy::Fault::None) {
                    const qint64 target = m_responseBodyTotal / 2; // the middle of the body
                    const qint64 start = m_responseBodyTotal - m_responseBodyLeft;
                    if (target >= start && target < start + part.size()) {
                        if (m_damage == FaultProxy::Fault::FlipByte) {
                            part[target - start] = char(part[target - start] ^ 0x01);
                        } else {
                            m_client->write(part.left(target - start));
                            m_client->flush();
                            m_owner->m_injected.fetchAndAddOrdered(1);
                            close();
                            return;
                        }
                        m_owner->m_injected.fetchAndAddOrdered(1);
                        m_damage = FaultProxy::Fault::None;
                    }
                }
                m_client->write(part);
                m_responseBodyLeft -= part.size();
                continue;
            }
            const qsizetype end = m_responseBuffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray headers = m_responseBuffer.left(end + 4);
            m_responseBuffer.remove(0, end + 4);
            const Pending pending = m_pending.isEmpty() ? Pending() : m_pending.takeFirst();
            const int status = headers.mid(9, 3).toInt();
            m_responseBodyLeft =
                (pending.method == "HEAD" || status == 204 || status == 304) ? 0 : contentLength(headers);
            m_responseBodyTotal = m_responseBodyLeft;
            m_damage = FaultProxy::Fault::None;
            if (pending.blob && status == 200 && m_responseBodyLeft > 1) {
                m_owner->m_blobRequests.fetchAndAddOrdered(1);
                const auto fault = FaultProxy::Fault(m_owner->m_fault.loadAcquire());
                if (fault != FaultProxy::Fault::None) {
                    // -1 means every time; otherwise take one of the remaining faults.
                    int remaining = m_owner->m_remaining.loadAcquire();
                    while (remaining != 0) {
                        if (remaining < 0 || m_owner->m_remaining.testAndSetOrdered(remaining, remaining - 1)) {
                            m_damage = fault;
                            break;
                        }
                        remaining = m_owner->m_remaining.loadAcquire();
                    }
                }
            }
            m_client->write(headers);
        }
    }

    FaultProxy *m_owner;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    QByteArray m_requestBuffer;
    QByteArray m_responseBuffer;
    qint64 m_requestBodyLeft = 0;
    qint64 m_responseBodyLeft = 0;
    qint64 m_responseBodyTotal = 0;
    QList<Pending> m_pending;
    FaultProxy::Fault m_damage = FaultProxy::Fault::None;
    bool m_closed = false;
    bool m_passThrough = false;
};

class FaultProxyServer : public QTcpServer
{
public:
    FaultProxyServer(FaultProxy *owner, const QString &upstream)
        : m_owner(owner)
        , m_upstream(upstream)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket;
        socket->setSocketDescriptor(descriptor);
        new FaultProxyConnection(m_owner, socket, m_upstream);
    }

private:
    FaultProxy *m_owner;
    QString m_upstream;
};

FaultProxy::FaultProxy(const QString &upstreamAddress)
    : m_upstream(upstreamAddress)
{
}

FaultProxy::~FaultProxy()
{
    if (m_server) {
        FaultProxyServer *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool FaultProxy::start(QString *error)
{
    m_thread.setObjectName(QStringLiteral("fault-proxy"));
    m_thread.start();
    m_server = new FaultProxyServer(this, m_upstream);
    m_server->moveToThread(&m_thread);
    bool listening = false;
    QString reason;
    FaultProxyServer *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server, &listening, &reason] {
            listening = server->listen(QHostAddress::LocalHost, 0);
            reason = server->errorString();
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        if (error)
            *error = QStringLiteral("fault proxy cannot listen: ") + reason;
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

QString FaultProxy::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

void FaultProxy::setFault(Fault fault, int times)
{
    m_remaining.storeRelease(times);
    m_fault.storeRelease(int(fault));
}
