#include "registrytransport.h"

#include "authchallenge.h"
#include "environmentproxyfactory.h"
#include "registrylogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

struct RegistryTransport::Exchange
{
    RegistryRequest request;
    Callback done;
    int attempt = 0;
    bool authRetried = false;
    int redirects = 0;
    QUrl redirectUrl;         // set while following a redirect
    bool foreignHost = false; // the redirect left the registry's host: no Authorization
    QByteArray authorization;
    bool handedOver = false;
    bool aborted = false;
    bool finished = false;
    QPointer<QNetworkReply> reply;
};

namespace {
constexpr int maximumRedirects = 10;

bool isReplayable(const RegistryRequest &request)
{
    return request.bodyDevice == nullptr;
}

QList<std::pair<QByteArray, QByteArray>> replyHeaders(const QNetworkReply *reply)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto &pair : reply->rawHeaderPairs())
        headers.append({pair.first, pair.second});
    return headers;
}

} // namespace

RegistryTransport::RegistryTransport(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager->setAutoDeleteReplies(false);
    m_manager->setProxyFactory(new EnvironmentProxyFactory());
}

RegistryTransport::~RegistryTransport() = default;

void RegistryTransport::setSettingsLookup(SettingsLookup lookup)
{
    m_settings = std::move(lookup);
    reset();
}

void RegistryTransport::reset()
{
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it) {
        it->probed = false;
        it->settingsLoaded = false;
        it->auth = AuthScheme::None;
    }
    m_tokens.clear();
}

QString RegistryTransport::endpointHost(const QString &registry)
{
    // docker.io is the name in references; the API lives on registry-1.docker.io.
    if (registry == QLatin1String("docker.io") || registry == QLatin1String("index.docker.io"))
        return QStringLiteral("registry-1.docker.io");
    return registry;
}

QString RegistryTransport::baseUrl(const QString &registry) const
{
    const auto it = m_hosts.constFind(registry);
    if (it == m_hosts.constEnd() || !it->probed)
        return QString();
    return it->scheme + QStringLiteral("://") + endpointHost(registry);
}

RegistryTransport::HostState &RegistryTransport::host(const QString &registry)
{
    HostState &state = m_hosts[registry];
    if (!state.settingsLoaded) {
        state.settingsLoaded = true;
        state.settings = m_settings ? m_settings(registry) : RegistryHostSettings();
        state.ssl = QSslConfiguration::defaultConfiguration();
        state.ssl.setProtocol(QSsl::SecureProtocols);
        if (!state.settings.caCertificates.isEmpty())
            state.ssl.addCaCertificates(state.settings.caCertificates);
        if (!state.settings.clientCertificate.isNull() && !state.settings.clientKey.isNull()) {
            state.ssl.setLocalCertificate(state.settings.clientCertificate);
            state.ssl.setPrivateKey(state.settings.clientKey);
        }
        if (state.settings.insecure)
            state.ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    return state;
}

QNetworkRequest RegistryTransport::networkRequest(const QUrl &url, const HostState &state) const
{
    QNetworkRequest request(url);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(state.ssl);
    // HTTP/1.1 with keep-alive: Qt reuses up to six connections per host.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("ferry/" FERRY_VERSION_STRING));
    request.setTransferTimeout(int(m_transferTimeout.count()));
    return request;
}

RegistryTransport::Handle RegistryTransport::send(RegistryRequest request, Callback done)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->request = std::move(request);
    // Guards against a second answer (an abort racing with a reply that just finished).
    exchange->done = [exchange = exchange.get(), done = std::move(done)](RegistryResponse response) {
        if (exchange->finished)
            return;
        exchange->finished = true;
        done(std::move(response));
    };
    start(exchange);
    return exchange;
}

void RegistryTransport::abort(const Handle &handle)
{
    const ExchangePtr exchange = handle.lock();
    if (!exchange || exchange->finished || exchange->handedOver)
        return;
    exchange->aborted = true;
    if (exchange->reply && exchange->reply->isRunning()) {
        exchange->reply->abort(); // finished() reports the cancellation
        return;
    }
    RegistryResponse response;
    response.error =
        RegistryError(RegistryError::Kind::Cancelled, exchange->request.context + QStringLiteral(": cancelled"));
    exchange->done(response);
}

void RegistryTransport::start(const ExchangePtr &exchange)
{
    if (exchange->aborted || exchange->finished)
        return;
    ensureHost(exchange->request.registry, [this, exchange](const RegistryError &error) {
        if (error.isError()) {
            RegistryResponse response;
            response.error = error;
            retryOrFail(exchange, response, QByteArray());
            return;
        }
        authorize(exchange, [this, exchange](const RegistryError &authError) {
            if (authError.isError()) {
                RegistryResponse response;
                response.error = authError;
                retryOrFail(exchange, response, QByteArray());
                return;
            }
            dispatch(exchange);
        });
    });
}

void RegistryTransport::ensureHost(const QString &registry, std::function<void(const RegistryError &)> ready)
{
    HostState &state = host(registry);
    if (!state.settings.error.isEmpty()) {
        ready(RegistryError(RegistryError::Kind::InvalidArgument,
                            QStringLiteral("TLS settings of registry %1: %2").arg(registry, state.settings.error)));
        return;
    }
    if (state.probed) {
        ready(RegistryError());
        return;
    }
    state.waiting.append(std::move(ready));
    if (state.probing)
        return;
    state.probing = true;
    probe(registry, QStringLiteral("https"));
}

void RegistryTransport::probe(const QString &registry, const QString &scheme)
{
    const QUrl url(scheme + QStringLiteral("://") + endpointHost(registry) + QStringLiteral("/v2/"));
    QNetworkRequest request = networkRequest(url, host(registry));
    // A probe that hangs would hold every request to the host.
    request.setTransferTimeout(int(qMin<qint64>(m_transferTimeout.count(), 30000)));
    QNetworkReply *reply = m_manager->get(request);
    qCDebug(lcRegistry) << "probing" << url.toString();
    auto sslMessages = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, this, [sslMessages](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            sslMessages->append(error.errorString());
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, registry, scheme, url, sslMessages] {
        reply->deleteLater();
        HostState &state = host(registry);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status > 0) {
            state.probed = true;
            state.probing = false;
            state.scheme = scheme;
            state.auth = AuthScheme::None;
            if (status == 401) {
                QList<QByteArray> challenges;
                for (const auto &pair : reply->rawHeaderPairs()) {
                    if (pair.first.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
                        challenges.append(pair.second);
                }
                readChallenge(state, challenges);
            }
            const auto waiting = std::exchange(state.waiting, {});
            for (const auto &ready : waiting)
                ready(RegistryError());
            return;
        }
        if (scheme == QLatin1String("https") && state.settings.insecure) {
            probe(registry, QStringLiteral("http"));
            return;
        }
        state.probing = false;
        QString message = QStringLiteral("cannot reach registry %1: %2").arg(registry, reply->errorString());
        if (!sslMessages->isEmpty())
            message = QStringLiteral("TLS verification of registry %1 failed: %2 (trust its CA in certs.d, or mark "
                                     "it insecure)")
                          .arg(registry, sslMessages->join(QStringLiteral("; ")));
        const RegistryError error(RegistryError::Kind::Network, message, url);
        const auto waiting = std::exchange(state.waiting, {});
        for (const auto &ready : waiting)
            ready(error);
    });
}

void RegistryTransport::readChallenge(HostState &state, const QList<QByteArray> &challenges)
{
    const QList<AuthChallenge> parsed = AuthChallenge::parse(challenges);
    // Prefer Bearer when a registry offers both.
    for (const AuthChallenge &challenge : parsed) {
        if (challenge.isBearer()) {
            state.auth = AuthScheme::Bearer;
            state.realm = challenge.realm();
            state.service = challenge.service();
            return;
        }
    }
    for (const AuthChallenge &challenge : parsed) {
        if (challenge.isBasic()) {
            state.auth = AuthScheme::Basic;
            return;
        }
    }
}

void RegistryTransport::authorize(const ExchangePtr &exchange, std::function<void(const RegistryError &)> ready)
{
    exchange->authorization.clear();
    const RegistryRequest &request = exchange->request;
    HostState &state = host(request.registry);
    if (exchange->foreignHost || state.auth == AuthScheme::None) {
        ready(RegistryError());
        return;
    }
    QString credentialError;
    const std::optional<Credential> login =
        m_credentials ? m_credentials(request.registry, request.repository, &credentialError) : std::nullopt;
    if (!credentialError.isEmpty()) {
        ready(RegistryError(RegistryError::Kind::Unauthorized,
                            QStringLiteral("credentials for registry %1: %2").arg(request.registry, credentialError)));
        return;
    }
    if (state.auth == AuthScheme::Basic) {
        if (login && !login->username().isEmpty())
            exchange->authorization = login->basicAuthorization();
        ready(RegistryError());
        return;
    }
    if (const auto cached = m_tokens.get(request.registry, request.scopes)) {
        exchange->authorization = cached->authorization();
        ready(RegistryError());
        return;
    }
    fetchToken(request.registry, request.scopes, login,
               [exchange, ready](const QByteArray &authorization, const RegistryError &error) {
                   if (!error.isError())
                       exchange->authorization = authorization;
                   ready(error);
               });
}

void RegistryTransport::fetchToken(const QString &registry, const QStringList &scopes,
                                   const std::optional<Credential> &login,
                                   std::function<void(const QByteArray &, const RegistryError &)> done)
{
    const QString key = BearerTokenCache::key(registry, scopes);
    auto &waiters = m_tokenWaiters[key];
    waiters.append(std::move(done));
    if (waiters.size() > 1)
        return; // one token request per scope set, however many transfers wait for it

    const HostState &state = host(registry);
    auto finish = [this, key](const QByteArray &authorization, const RegistryError &error) {
        const auto all = m_tokenWaiters.take(key);
        for (const auto &waiter : all)
            waiter(authorization, error);
    };
    QString urlError;
    const QUrl url = BearerToken::requestUrl(state.realm, state.service, scopes, &urlError);
    if (!url.isValid()) {
        finish(
            QByteArray(),
            RegistryError(RegistryError::Kind::Unauthorized,
                          QStringLiteral("registry %1 sent an unusable bearer challenge: %2").arg(registry, urlError)));
        return;
    }
    QNetworkRequest request = networkRequest(url, state);
    QNetworkReply *reply = nullptr;
    if (login && login->hasIdentityToken()) {
        // An identity token is an OAuth2 refresh token: it is exchanged with a POST to the realm.
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("service"), state.service);
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("ferry"));
        form.addQueryItem(QStringLiteral("scope"), scopes.join(QLatin1Char(' ')));
        form.addQueryItem(QStringLiteral("refresh_token"), login->identityToken());
        request.setUrl(QUrl(state.realm));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        reply = m_manager->post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    } else {
        if (login && !login->username().isEmpty())
            request.setRawHeader("Authorization", login->basicAuthorization());
        reply = m_manager->get(request);
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply, registry, scopes, url, finish] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 || status == 403) {
            finish(QByteArray(),
                   RegistryError(RegistryError::Kind::Unauthorized,
                                 QStringLiteral("authentication to registry %1 failed: the token service refused the "
                                                "credentials")
                                     .arg(registry),
                                 url, status));
            return;
        }
        if (status != 200) {
            finish(QByteArray(),
                   status > 0
                       ? RegistryError::fromHttp(status, body, url,
                                                 QStringLiteral("token request for registry %1 failed").arg(registry))
                       : RegistryError(RegistryError::Kind::Network,
                                       QStringLiteral("token service for registry %1 unreachable: %2")
                                           .arg(registry, reply->errorString()),
                                       url));
            return;
        }
        QString parseError;
        const std::optional<BearerToken> token =
            BearerToken::fromJson(body, QDateTime::currentDateTimeUtc(), &parseError);
        if (!token) {
            finish(QByteArray(),
                   RegistryError(RegistryError::Kind::InvalidResponse,
                                 QStringLiteral("token service for registry %1: %2").arg(registry, parseError), url,
                                 status));
            return;
        }
        m_tokens.insert(registry, scopes, *token);
        finish(token->authorization(), RegistryError());
    });
}

void RegistryTransport::dispatch(const ExchangePtr &exchange)
{
    const RegistryRequest &request = exchange->request;
    HostState &state = host(request.registry);
    QUrl url = exchange->redirectUrl;
    if (!url.isValid())
        url = request.absoluteUrl.isValid() ? request.absoluteUrl
                                            : QUrl(baseUrl(request.registry) + request.pathAndQuery);
    QNetworkRequest networkRequest = this->networkRequest(url, state);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!exchange->authorization.isEmpty())
        networkRequest.setRawHeader("Authorization", exchange->authorization);

    QNetworkReply *reply = nullptr;
    if (request.bodyDevice) {
        // Streamed: Qt sends the device as it becomes readable instead of buffering it whole first.
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.bodySize);
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = m_manager->sendCustomRequest(networkRequest, request.method, request.bodyDevice);
    } else if (request.method == "GET") {
        reply = m_manager->get(networkRequest);
    } else if (request.method == "HEAD") {
        reply = m_manager->head(networkRequest);
    } else {
        if (request.method == "PUT" || request.method == "PATCH" || request.method == "POST")
            networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        reply = m_manager->sendCustomRequest(networkRequest, request.method, request.body);
    }

    exchange->reply = reply;
    qCDebug(lcRegistry) << request.method << RegistryError::redacted(url).toString() << "attempt" << exchange->attempt;
    if (request.streamResponse) {
        // Bounded read buffer: when the consumer stops reading, TCP flow control stops the sender.
        reply->setReadBufferSize(1 << 20);
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, exchange, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (exchange->handedOver || status < 200 || status >= 300)
                return;
            exchange->handedOver = true;
            disconnect(reply, nullptr, this, nullptr);
            RegistryResponse response;
            response.status = status;
            response.url = RegistryError::redacted(reply->url());
            response.headers = replyHeaders(reply);
            response.stream = reply;
            exchange->done(response);
        });
    }
    connect(reply, &QNetworkReply::finished, this, [this, exchange, reply] { finished(exchange, reply); });
}

void RegistryTransport::finished(const ExchangePtr &exchange, QNetworkReply *reply)
{
    reply->deleteLater();
    if (exchange->handedOver)
        return;
    const RegistryRequest &request = exchange->request;
    RegistryResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.url = RegistryError::redacted(reply->url());
    response.headers = replyHeaders(reply);
    if (reply->isOpen()) // an aborted reply is closed
        response.body = reply->readAll();
    qCDebug(lcRegistry) << request.method << response.url.toString() << "->" << response.status << reply->error();

    if (exchange->aborted) {
        response.error = RegistryError(RegistryError::Kind::Cancelled, request.context + QStringLiteral(": cancelled"),
                                       reply->url());
        exchange->done(response);
        return;
    }
    if (response.status == 0) {
        response.error = RegistryError(RegistryError::Kind::Network,
                                       request.context + QStringLiteral(": ") + reply->errorString(), reply->url());
        // The host may have gone away or changed: probe again on the next attempt.
        host(request.registry).probed = false;
        retryOrFail(exchange, response, QByteArray());
        return;
    }

    const bool redirect = response.status == 301 || response.status == 302 || response.status == 303 ||
                          response.status == 307 || response.status == 308;
    if (redirect && isReplayable(request)) {
        const QUrl location = reply->url().resolved(QUrl(QString::fromUtf8(response.header("Location"))));
        if (++exchange->redirects > maximumRedirects || !location.isValid()) {
            response.error = RegistryError(RegistryError::Kind::Http,
                                           request.context + QStringLiteral(": too many or invalid redirects"),
                                           reply->url(), response.status);
            exchange->done(response);
            return;
        }
        exchange->redirectUrl = location;
        const QUrl origin(baseUrl(request.registry));
        // Credentials stay with the registry: object storage gets a pre-signed URL and no Authorization.
        exchange->foreignHost = location.host() != origin.host() || location.port() != origin.port() ||
                                location.scheme() != origin.scheme();
        if (exchange->foreignHost)
            exchange->authorization.clear();
        if (response.status == 303)
            exchange->request.method = "GET";
        dispatch(exchange);
        return;
    }

    if (response.status == 401 && !exchange->authRetried && !exchange->foreignHost && isReplayable(request)) {
        exchange->authRetried = true;
        HostState &state = host(request.registry);
        QList<QByteArray> challenges;
        for (const auto &[name, value] : response.headers) {
            if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
                challenges.append(value);
        }
        readChallenge(state, challenges);
        m_tokens.invalidate(request.registry, request.scopes);
        if (state.auth != AuthScheme::None) {
            authorize(exchange, [this, exchange, response](const RegistryError &error) {
                if (error.isError()) {
                    RegistryResponse failed = response;
                    failed.error = error;
                    exchange->done(failed);
                    return;
                }
                dispatch(exchange);
            });
            return;
        }
    }

    if (RetryPolicy::isRetryableStatus(response.status)) {
        retryOrFail(exchange, response, response.header("Retry-After"));
        return;
    }
    exchange->done(response);
}

void RegistryTransport::retryOrFail(const ExchangePtr &exchange, const RegistryResponse &response,
                                    const QByteArray &retryAfter)
{
    const bool cancelled = response.error.kind() == RegistryError::Kind::Cancelled;
    if (!cancelled && exchange->request.retry && isReplayable(exchange->request) &&
        m_retryPolicy.shouldRetry(exchange->attempt)) {
        const auto delay = m_retryPolicy.delayFor(exchange->attempt, retryAfter);
        ++exchange->attempt;
        exchange->redirectUrl = QUrl();
        exchange->redirects = 0;
        exchange->foreignHost = false;
        QTimer::singleShot(delay, this, [this, exchange] { start(exchange); });
        return;
    }
    exchange->done(response);
}

void RegistryTransport::acquireStreamSlot(const QString &registry, std::function<void()> granted)
{
    HostState &state = host(registry);
    if (state.activeStreams < m_maxStreamsPerHost) {
        ++state.activeStreams;
        granted();
        return;
    }
    state.streamQueue.append(std::move(granted));
}

void RegistryTransport::releaseStreamSlot(const QString &registry)
{
    HostState &state = host(registry);
    if (!state.streamQueue.isEmpty()) {
        // The slot passes straight to the next waiting stream.
        auto next = state.streamQueue.takeFirst();
        QTimer::singleShot(0, this, next);
        return;
    }
    state.activeStreams = qMax(0, state.activeStreams - 1);
}
