#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

// Proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case, upper case first), with the semantics Go programs
// such as oc-mirror and skopeo give them: NO_PROXY entries are host names (matching the host and its subdomains),
// ".domain" (subdomains only), IP addresses, CIDR ranges, optional ":port", or "*"; loopback is never proxied.
// Qt's own system proxy goes through libproxy on Debian, whose rules differ; this keeps Ferry predictable.
class EnvironmentProxyFactory : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    // Whether NO_PROXY (or loopback) exempts host:port from proxying.
    bool bypasses(const QString &host, int port) const;
    QNetworkProxy proxyFor(const QString &scheme) const;

private:
    static QNetworkProxy parseProxy(const QString &value);
    QNetworkProxy m_httpProxy;
    QNetworkProxy m_httpsProxy;
    QStringList m_noProxy;
};
