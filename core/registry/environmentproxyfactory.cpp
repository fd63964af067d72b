#include "environmentproxyfactory.h"

#include <QHostAddress>
#include <QUrl>

namespace {
QString firstOf(const QProcessEnvironment &environment, const char *upper, const char *lower)
{
    const QString value = environment.value(QString::fromLatin1(upper));
    return value.isEmpty() ? environment.value(QString::fromLatin1(lower)) : value;
}
} // namespace

EnvironmentProxyFactory::EnvironmentProxyFactory(const QProcessEnvironment &environment)
    : m_httpProxy(parseProxy(firstOf(environment, "HTTP_PROXY", "http_proxy")))
    , m_httpsProxy(parseProxy(firstOf(environment, "HTTPS_PROXY", "https_proxy")))
{
    const QStringList entries =
        firstOf(environment, "NO_PROXY", "no_proxy").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const QString trimmed = entry.trimmed().toLower();
        if (!trimmed.isEmpty())
            m_noProxy.append(trimmed);
    }
}

QNetworkProxy EnvironmentProxyFactory::parseProxy(const QString &value)
{
    if (value.trimmed().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QString text = value.trimmed();
    // Like Go, a proxy without a scheme is an HTTP proxy.
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    const QUrl url(text);
    if (!url.isValid() || url.host().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const bool socks = url.scheme().startsWith(QLatin1String("socks5"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        quint16(url.port(socks ? 1080 : (url.scheme() == QLatin1String("https") ? 443 : 80))));
    proxy.setUser(url.userName(QUrl::FullyDecoded));
    proxy.setPassword(url.password(QUrl::FullyDecoded));
    return proxy;
}

QNetworkProxy EnvironmentProxyFactory::proxyFor(const QString &scheme) const
{
    return scheme == QLatin1String("https") ? m_httpsProxy : m_httpProxy;
}

bool EnvironmentProxyFactory::bypasses(const QString &hostName, int port) const
{
    const QString host = hostName.toLower();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(host);
    if (!address.isNull() && address.isLoopback())
        return true;
    for (const QString &entry : m_noProxy) {
        if (entry == QLatin1String("*"))
            return true;
        if (entry.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (!address.isNull() && subnet.first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol &&
                address.isInSubnet(subnet))
                return true;
            continue;
        }
        QString entryHost = entry;
        int entryPort = -1;
        // "host:port" (but not a bare IPv6 address).
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && entry.count(QLatin1Char(':')) == 1) {
            bool ok = false;
            entryPort = entry.mid(colon + 1).toInt(&ok);
            if (!ok)
                continue;
            entryHost = entry.left(colon);
        }
        if (entryPort >= 0 && entryPort != port)
            continue;
        const QHostAddress entryAddress(entryHost);
        if (!entryAddress.isNull()) {
            if (!address.isNull() && address.isEqual(entryAddress))
                return true;
            continue;
        }
        if (entryHost.startsWith(QLatin1Char('.'))) {
            if (host.endsWith(entryHost))
                return true;
            continue;
        }
        if (entryHost.startsWith(QLatin1String("*.")))
            entryHost = entryHost.mid(1);
        if (host == entryHost || host.endsWith(QLatin1Char('.') + entryHost))
            return true;
    }
    return false;
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    const QString scheme = query.protocolTag().toLower();
    const int port = query.peerPort() > 0 ? query.peerPort() : (scheme == QLatin1String("https") ? 443 : 80);
    const QNetworkProxy chosen =
        bypasses(query.peerHostName(), port) ? QNetworkProxy(QNetworkProxy::NoProxy) : proxyFor(scheme);
    // A direct connection is answered as "the application's proxy", which is none (Ferry never sets one): Qt
    // 6.4 gives a connection without any proxy an unbuffered socket and reads plain-HTTP response headers from it
    // one byte per system call, about 400 calls per response; with this setting the socket is buffered and the
    // connection is just as direct.
    if (chosen.type() == QNetworkProxy::NoProxy)
        return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
    return {chosen};
}
