#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QDebug;

// A registry bearer token from a Docker token service, with the time it stops being usable.
class BearerToken
{
public:
    // Token services may omit expires_in; the Docker token spec then means 60 seconds, and shorter lifetimes are
    // raised to it, as Docker and containers/image do.
    static constexpr int DefaultLifetimeSeconds = 60;

    BearerToken() = default;
    BearerToken(const QString &token, const QDateTime &issuedAt, int expiresInSeconds,
                const QString &refreshToken = QString());

    // Parses a token endpoint response: `token` or `access_token` (the same thing), `expires_in`, `issued_at`
    // (RFC 3339), `refresh_token`. receivedAt is when the response arrived (the expiry is counted from issued_at,
    // but a token is never considered expired on arrival because of a skewed server clock). On failure sets *error
    // to which field is wrong; the token itself never appears in it.
    static std::optional<BearerToken> fromJson(const QByteArray &body, const QDateTime &receivedAt,
                                               QString *error = nullptr);

    // GET URL of the token request: the realm (keeping any query it has), service, then one `scope=` parameter per
    // scope, all percent-encoded. Sets *error and returns an invalid URL when the realm is not an absolute
    // http(s) URL.
    static QUrl requestUrl(const QString &realm, const QString &service, const QStringList &scopes,
                           QString *error = nullptr);

    QString token() const { return m_token; }
    QString refreshToken() const { return m_refreshToken; }
    QDateTime issuedAt() const { return m_issuedAt; }
    QDateTime expiresAt() const { return m_expiresAt; }
    bool isValid() const { return !m_token.isEmpty(); }
    // True when the token expires within marginSeconds of now (so a request started now may outlive it).
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc(), int marginSeconds = 0) const;

    // `Authorization` header value.
    QByteArray authorization() const { return QByteArrayLiteral("Bearer ") + m_token.toUtf8(); }

private:
    QString m_token;
    QString m_refreshToken;
    QDateTime m_issuedAt;
    QDateTime m_expiresAt;
};

// Masks the token.
QDebug operator<<(QDebug debug, const BearerToken &token);
