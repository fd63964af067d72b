#pragma once

#include <QByteArray>
#include <QFuture>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QString>
#include <QThread>
#include <QUrl>

// Plain HTTPS GETs for the release side (update graph, release signatures). The QNetworkAccessManager lives on a
// thread this object owns, so get() may be called from any thread — a worker included — and nobody waits in a
// nested event loop: the answer arrives through the returned QFuture. Proxies come from the environment.
class ReleaseHttpFetcher
{
public:
    struct Response
    {
        QUrl url;
        int httpStatus = 0;   // 0 when no HTTP answer arrived
        QString networkError; // empty when an HTTP answer arrived (whatever its status)
        QByteArray body;
        QByteArray contentType;
        bool cancelled = false;
    };

    // Proxies are taken from `environment` (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
    explicit ReleaseHttpFetcher(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    ~ReleaseHttpFetcher();
    ReleaseHttpFetcher(const ReleaseHttpFetcher &) = delete;
    ReleaseHttpFetcher &operator=(const ReleaseHttpFetcher &) = delete;

    // Cancelling the future aborts the transfer; a cancelled future holds no result (check isCanceled()).
    QFuture<Response> get(const QNetworkRequest &request);

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; parent of the network manager
    QProcessEnvironment m_environment;
};
