#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// What went wrong talking to a registry. Never carries credentials: URLs are stored without user info, and
// messages are built only from status lines, registry error codes and Ferry's own text.
class RegistryError
{
public:
    enum class Kind {
        None,
        Network,          // connection refused, reset, TLS failure, timeout
        Http,             // an unexpected HTTP status (see httpStatus() and code())
        Unauthorized,     // 401 after authenticating, or the token service refused
        NotFound,         // 404 (manifest, blob or repository unknown)
        DigestMismatch,   // bytes do not hash to the expected digest
        SizeMismatch,     // more or fewer bytes than the descriptor says
        InvalidResponse,  // unparsable manifest, token or tag list
        DeletionDisabled, // 405 / UNSUPPORTED on DELETE
        Cancelled,
        LocalIo, // a local file could not be read or written
        InvalidArgument,
    };

    RegistryError() = default;
    RegistryError(Kind kind, const QString &message, const QUrl &url = QUrl(), int httpStatus = 0,
                  const QString &code = QString());

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }
    QUrl url() const { return m_url; }
    int httpStatus() const { return m_httpStatus; }
    // The first registry error code of the JSON error body ("MANIFEST_UNKNOWN", "UNSUPPORTED", …).
    QString code() const { return m_code; }
    QStringList codes() const { return m_codes; }
    // Whether a retry may succeed (network trouble, 408, 429, 5xx).
    bool isTransient() const;
    // "message (HTTP 404 MANIFEST_UNKNOWN, https://host/v2/…)"
    QString toString() const;

    // Builds an error from a finished HTTP exchange: status, registry error codes from the body, and the URL.
    static RegistryError fromHttp(int status, const QByteArray &body, const QUrl &url, const QString &context);
    // The URL as it may appear in logs and errors: no user info, no fragment.
    static QUrl redacted(const QUrl &url);

private:
    Kind m_kind = Kind::None;
    QString m_message;
    QUrl m_url;
    int m_httpStatus = 0;
    QString m_code;
    QStringList m_codes;
};
