#pragma once

#include "bearertokencache.h"
#include "credential.h"
#include "registryhostsettings.h"
#include "registryrequest.h"
#include "registryresponse.h"
#include "retrypolicy.h"

#include <QDateTime>
#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// The HTTP side of the registry client. Lives on a network thread and owns the QNetworkAccessManager; every method
// must be called on that thread. It resolves the scheme per host (https, or http for insecure hosts), answers
// authentication challenges (Basic, Bearer tokens per scope set), retries transient failures with backoff, and
// follows redirects itself so the Authorization header never leaves the registry's host.
class RegistryTransport : public QObject
{
    Q_OBJECT

public:
    // Credentials for a repository of a registry; sets *error when the configuration cannot be used (a credential
    // helper), which fails the request instead of silently going anonymous.
    using CredentialLookup =
        std::function<std::optional<Credential>(const QString &registry, const QString &repository, QString *error)>;
    using SettingsLookup = std::function<RegistryHostSettings(const QString &registry)>;
    using Callback = std::function<void(RegistryResponse)>;

    explicit RegistryTransport(QObject *parent = nullptr);
    ~RegistryTransport() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }
    void setCredentialLookup(CredentialLookup lookup) { m_credentials = std::move(lookup); }
    void setSettingsLookup(SettingsLookup lookup);
    void setMaxStreamsPerHost(int streams) { m_maxStreamsPerHost = qMax(1, streams); }

private:
    struct Exchange;

public:
    using Handle = std::weak_ptr<Exchange>;

    // Sends a request; done is called exactly once, on this thread.
    Handle send(RegistryRequest request, Callback done);
    // Aborts a request in flight: done gets a Cancelled error (nothing happens if it already finished).
    void abort(const Handle &handle);

    // Long blob streams take a slot on each host they touch, so that streams never occupy every connection Qt
    // keeps to a host (6) and small requests (and the other end of a copy) always find one.
    void acquireStreamSlot(const QString &registry, std::function<void()> granted);
    void releaseStreamSlot(const QString &registry);

    // Base URL ("https://host:port") once the host has been probed; empty before.
    QString baseUrl(const QString &registry) const;
    // Forgets probes, challenges and tokens (after settings changed).
    void reset();
    const BearerTokenCache &tokenCache() const { return m_tokens; }

private:
    using ExchangePtr = std::shared_ptr<Exchange>;
    enum class AuthScheme { None, Basic, Bearer };
    struct HostState
    {
        bool probed = false;
        bool probing = false;
        QString scheme;
        AuthScheme auth = AuthScheme::None;
        QString realm;
        QString service;
        bool settingsLoaded = false;
        RegistryHostSettings settings;
        QSslConfiguration ssl;
        QList<std::function<void(const RegistryError &)>> waiting;
        int activeStreams = 0;
        QList<std::function<void()>> streamQueue;
    };

    HostState &host(const QString &registry);
    void start(const ExchangePtr &exchange);
    void ensureHost(const QString &registry, std::function<void(const RegistryError &)> ready);
    void probe(const QString &registry, const QString &scheme);
    void authorize(const ExchangePtr &exchange, std::function<void(const RegistryError &)> ready);
    void fetchToken(const QString &registry, const QStringList &scopes, const std::optional<Credential> &login,
                    std::function<void(const QByteArray &, const RegistryError &)> done);
    void dispatch(const ExchangePtr &exchange);
    void finished(const ExchangePtr &exchange, QNetworkReply *reply);
    void retryOrFail(const ExchangePtr &exchange, const RegistryResponse &response, const QByteArray &retryAfter);
    void readChallenge(HostState &state, const QList<QByteArray> &challenges);
    QNetworkRequest networkRequest(const QUrl &url, const HostState &state) const;
    static QString endpointHost(const QString &registry);

    QNetworkAccessManager *m_manager = nullptr;
    RetryPolicy m_retryPolicy;
    std::chrono::milliseconds m_transferTimeout{60000};
    CredentialLookup m_credentials;
    SettingsLookup m_settings;
    int m_maxStreamsPerHost = 4;
    QHash<QString, HostState> m_hosts;
    BearerTokenCache m_tokens;
    QHash<QString, QList<std::function<void(const QByteArray &, const RegistryError &)>>> m_tokenWaiters;
};
