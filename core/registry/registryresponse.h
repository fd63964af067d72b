#pragma once

#include "registryerror.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QUrl>

#include <utility>

// The final answer to a RegistryRequest: an HTTP status with headers and body, or a transport error.
class RegistryResponse
{
public:
    int status = 0;
    QUrl url; // the URL that answered (after redirects), without credentials
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // For streamResponse requests with a 2xx status: the running reply, now owned by the receiver.
    QNetworkReply *stream = nullptr;
    RegistryError error; // network trouble, cancellation or a failed authentication

    bool isSuccess() const { return !error.isError() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    }
    // An error for an unexpected status, with the registry's error codes.
    RegistryError toError(const QString &context) const
    {
        return error.isError() ? error : RegistryError::fromHttp(status, body, url, context);
    }
};
