#pragma once

#include "worldgraph.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

// A small HTTP/1.1 server (GET and HEAD, keep-alive, Content-Length) for the world's web endpoints:
//   /api/upgrades_info/v1/graph and /api/upgrades_info/graph  the Cincinnati update graph
//   /api/upgrades_info/graph-data                             the graph-data tarball
//   /enclave/api/upgrades_info/v1/graph                       the graph again, with no graph-data beside it
//   /pub/openshift-v4/signatures/openshift/release/…           release signatures
//   /helm/<repository>/…                                       helm chart repositories
// Everything but the graph is a file under <world>/http. Lives on the thread that calls listen().
class WorldHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };

    explicit WorldHttpServer(const QString &worldDirectory, QObject *parent = nullptr);
    ~WorldHttpServer() override;

    // Binds 127.0.0.1:port (0: any free port). Returns false with errorString() set.
    Q_INVOKABLE bool listen(quint16 port = 0);
    Q_INVOKABLE void close();
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    // The answer to one request, without sockets (headers keys in lower case).
    Response handle(const QByteArray &method, const QByteArray &target,
                    const QHash<QByteArray, QByteArray> &headers) const;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    Response graph(const QHash<QString, QString> &query, const QHash<QByteArray, QByteArray> &headers) const;
    Response file(const QString &path) const;

    QString m_directory;
    WorldGraph m_graph;
    bool m_graphLoaded = false;
    QString m_graphError;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QString m_error;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
