#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

// One HTTP exchange with a registry, as RegistryTransport sends it (authentication, retries, redirects and the
// scheme are the transport's business, not the caller's).
class RegistryRequest
{
public:
    QByteArray method = "GET";
    QString registry;     // host[:port] as written in image references
    QString repository;   // for credential lookup (keys can be host/namespace)
    QString pathAndQuery; // "/v2/<name>/manifests/<ref>", relative to the registry's base URL
    QUrl absoluteUrl;     // used instead of pathAndQuery when valid (upload Location URLs)
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;                 // replayable body
    QIODevice *bodyDevice = nullptr; // streamed body (not replayable: no automatic retry); needs bodySize
    qint64 bodySize = -1;
    QStringList scopes;          // bearer token scopes ("repository:<name>:pull,push")
    bool streamResponse = false; // hand over the running reply as soon as a 2xx status arrives
    bool retry = true;
    QString context; // what Ferry was doing, for error messages ("fetching manifest foo:1.0")
};
