#pragma once

#include <QAtomicInt>
#include <QString>
#include <QThread>

class FaultProxyServer;

// A small HTTP proxy in front of a real registry that damages blob downloads on purpose: it forwards every request
// and response unchanged, except the bodies of `GET /v2/<name>/blobs/<digest>` answers, where it can flip one byte or
// cut the connection half-way. It runs on its own thread so a test may block while a client talks through it.
class FaultProxy
{
public:
    enum class Fault { None, FlipByte, DropConnection };

    explicit FaultProxy(const QString &upstreamAddress); // "127.0.0.1:<port>"
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    bool start(QString *error = nullptr);
    QString address() const; // "127.0.0.1:<port>" of the proxy
    quint16 port() const { return m_port; }

    // Damages the next `times` blob bodies (-1: all of them) with the given fault.
    void setFault(Fault fault, int times = -1);
    int faultsInjected() const { return m_injected.loadAcquire(); }
    int blobRequests() const { return m_blobRequests.loadAcquire(); }

private:
    friend class FaultProxyServer;
    friend class FaultProxyConnection;

    QString m_upstream;
    quint16 m_port = 0;
    QThread m_thread;
    FaultProxyServer *m_server = nullptr;
    QAtomicInt m_fault{0};
    QAtomicInt m_remaining{0};
    QAtomicInt m_injected{0};
    QAtomicInt m_blobRequests{0};
};
