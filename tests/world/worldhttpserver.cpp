#include "worldhttpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace {
QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    default:
        return "Internal Server Error";
    }
}

WorldHttpServer::Response errorResponse(int status, const QString &kind, const QString &value)
{
    // The Cincinnati error body.
    return {status, "application/json",
            QJsonDocument(QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("value"), value}})
                .toJson(QJsonDocument::Compact)};
}
} // namespace

WorldHttpServer::WorldHttpServer(const QString &worldDirectory, QObject *parent)
    : QObject(parent)
    , m_directory(QDir(worldDirectory).absolutePath())
{
    m_graphLoaded = m_graph.load(m_directory + QStringLiteral("/graph.json"), &m_graphError);
}

WorldHttpServer::~WorldHttpServer()
{
    close();
}

bool WorldHttpServer::listen(quint16 port)
{
    close();
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &WorldHttpServer::onNewConnection);
    return true;
}

void WorldHttpServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets)
        socket->abort();
    m_buffers.clear();
    delete m_server;
    m_server = nullptr;
}

void WorldHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void WorldHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Several requests may arrive back to back on a kept-alive connection.
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer.size() > 64 * 1024)
                socket->abort();
            return;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype bodyLength = headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + bodyLength)
            return;
        buffer.remove(0, end + 4 + bodyLength);

        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        const QByteArray method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        const QByteArray version = requestLine.value(2);
        const Response response = requestLine.size() == 3 ? handle(method, target, headers)
                                                          : Response{400, "text/plain", "malformed request line\n"};
        const QByteArray connectionHeader = headers.value("connection").toLower();
        const bool keepAlive = version == "HTTP/1.1" ? connectionHeader != "close" : connectionHeader == "keep-alive";
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
        head += "Content-Type: " + response.contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        socket->write(head);
        if (method != "HEAD")
            socket->write(response.body);
        if (!keepAlive) {
            socket->disconnectFromHost();
            return;
        }
    }
}

WorldHttpServer::Response WorldHttpServer::handle(const QByteArray &method, const QByteArray &target,
                                                  const QHash<QByteArray, QByteArray> &headers) const
{
    if (method != "GET" && method != "HEAD")
        return {405, "text/plain", "only GET and HEAD are served\n"};
    const QUrl url(QString::fromUtf8(target));
    const QString path = url.path(QUrl::FullyDecoded);
    // /enclave/…: an update service inside a disconnected network, which serves the graph but no graph-data.
    if (path == QLatin1String("/api/upgrades_info/v1/graph") || path == QLatin1String("/api/upgrades_info/graph") ||
        path == QLatin1String("/enclave/api/upgrades_info/v1/graph")) {
        QHash<QString, QString> query;
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &item : items)
            query.insert(item.first, item.second);
        return graph(query, headers);
    }
    return file(path);
}

WorldHttpServer::Response WorldHttpServer::graph(const QHash<QString, QString> &query,
                                                 const QHash<QByteArray, QByteArray> &headers) const
{
    // The policy engine compares the whole Accept value against a fixed list: no lists, no q-values.
    QByteArray contentType = "application/vnd.redhat.cincinnati.v1+json";
    if (headers.contains("accept")) {
        const QByteArray accept = headers.value("accept");
        if (accept == "application/json" || accept == "application/vnd.redhat.cincinnati.v1+json")
            contentType = accept;
        else if (accept == "application/*" || accept == "*/*" || accept == "*")
            contentType = "application/json";
        else
            return errorResponse(406, QStringLiteral("invalid_content_type"),
                                 QStringLiteral("invalid Content-Type requested: %1").arg(QString::fromUtf8(accept)));
    }
    if (query.value(QStringLiteral("channel")).isEmpty())
        return errorResponse(400, QStringLiteral("missing_params"),
                             QStringLiteral("mandatory client parameters missing: channel"));
    if (!m_graphLoaded)
        return errorResponse(500, QStringLiteral("failed_upstream_fetch"), m_graphError);
    const QString arch = query.value(QStringLiteral("arch"), QStringLiteral("amd64"));
    const QJsonObject answer =
        m_graph.answer(query.value(QStringLiteral("channel")), arch.isEmpty() ? QStringLiteral("amd64") : arch);
    return {200, contentType, QJsonDocument(answer).toJson(QJsonDocument::Compact)};
}

WorldHttpServer::Response WorldHttpServer::file(const QString &path) const
{
    const QString root = m_directory + QStringLiteral("/http");
    const QString cleaned = QDir::cleanPath(root + path);
    // Nothing outside the served folder, whatever the path says.
    if (!cleaned.startsWith(root + QLatin1Char('/')) || path.contains(QLatin1String("..")))
        return {404, "text/plain", "not found\n"};
    QFile file(cleaned);
    if (!QFileInfo(cleaned).isFile() || !file.open(QIODevice::ReadOnly))
        return {404, "text/plain", "not found\n"};
    QByteArray type = "application/octet-stream";
    if (cleaned.endsWith(QLatin1String(".yaml")))
        type = "application/x-yaml";
    else if (cleaned.endsWith(QLatin1String(".tgz")) || cleaned.endsWith(QLatin1String("/graph-data")))
        type = "application/gzip";
    return {200, type, file.readAll()};
}
