#include "releasehttpfetcher.h"

#include "registry/environmentproxyfactory.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>

#include <memory>

ReleaseHttpFetcher::ReleaseHttpFetcher(const QProcessEnvironment &environment)
    : m_context(new QObject)
    , m_environment(environment)
{
    m_thread.setObjectName(QStringLiteral("ReleaseHttpFetcher"));
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ReleaseHttpFetcher::~ReleaseHttpFetcher()
{
    // Pending replies die with the manager; their promises are then cancelled by QPromise's destructor.
    m_thread.quit();
    m_thread.wait();
}

QFuture<ReleaseHttpFetcher::Response> ReleaseHttpFetcher::get(const QNetworkRequest &request)
{
    auto promise = std::make_shared<QPromise<Response>>();
    QFuture<Response> future = promise->future();
    promise->start();
    QObject *context = m_context;
    const QProcessEnvironment environment = m_environment;
    QMetaObject::invokeMethod(
        context,
        [context, promise, request, environment] {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            auto *manager = context->findChild<QNetworkAccessManager *>();
            if (!manager) {
                manager = new QNetworkAccessManager(context);
                // The manager owns the factory.
                manager->setProxyFactory(new EnvironmentProxyFactory(environment));
            }
            QNetworkReply *reply = manager->get(request);
            QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, promise] {
                if (promise->isCanceled())
                    reply->abort();
            });
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise] {
                reply->deleteLater();
                Response response;
                response.url = reply->url().adjusted(QUrl::RemoveUserInfo);
                const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                response.httpStatus = status.isValid() ? status.toInt() : 0;
                if (response.httpStatus == 0)
                    response.networkError = reply->errorString();
                response.body = reply->readAll();
                response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                response.cancelled = promise->isCanceled();
                promise->addResult(response);
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}
