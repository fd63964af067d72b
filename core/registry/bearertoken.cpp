#include "bearertoken.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

BearerToken::BearerToken(const QString &token, const QDateTime &issuedAt, int expiresInSeconds,
                         const QString &refreshToken)
    : m_token(token)
    , m_refreshToken(refreshToken)
    , m_issuedAt(issuedAt.toUTC())
    , m_expiresAt(issuedAt.toUTC().addSecs(qMax(expiresInSeconds, int(DefaultLifetimeSeconds))))
{
}

std::optional<BearerToken> BearerToken::fromJson(const QByteArray &body, const QDateTime &receivedAt, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = QStringLiteral("invalid token response: %1").arg(message);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    // The body may hold a token, so only the position of a JSON error is reported.
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("expected a JSON object"));
    const QJsonObject object = document.object();

    auto stringField = [&object](const char *name, bool *wrongType) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            *wrongType = true;
        return value.toString();
    };
    bool wrongType = false;
    QString token = stringField("token", &wrongType);
    if (wrongType)
        return fail(QStringLiteral("\"token\" must be a string"));
    const QString accessToken = stringField("access_token", &wrongType);
    if (wrongType)
        return fail(QStringLiteral("\"access_token\" must be a string"));
    if (token.isEmpty())
        token = accessToken;
    if (token.isEmpty())
        return fail(QStringLiteral("neither \"token\" nor \"access_token\" is present"));
    const QString refreshToken = stringField("refresh_token", &wrongType);
    if (wrongType)
        return fail(QStringLiteral("\"refresh_token\" must be a string"));

    int expiresIn = DefaultLifetimeSeconds;
    const QJsonValue expiresValue = object.value(QLatin1String("expires_in"));
    if (!expiresValue.isUndefined() && !expiresValue.isNull()) {
        const double seconds = expiresValue.toDouble(-1);
        if (!expiresValue.isDouble() || seconds < 0 || seconds > 1e9 || std::floor(seconds) != seconds)
            return fail(QStringLiteral("\"expires_in\" must be a whole number of seconds"));
        expiresIn = int(seconds);
    }

    const QDateTime received = receivedAt.toUTC();
    QDateTime issuedAt = received;
    const QJsonValue issuedValue = object.value(QLatin1String("issued_at"));
    if (!issuedValue.isUndefined() && !issuedValue.isNull()) {
        const QDateTime parsed = QDateTime::fromString(issuedValue.toString(), Qt::ISODateWithMs);
        if (!issuedValue.isString() || !parsed.isValid())
            return fail(QStringLiteral("\"issued_at\" must be an RFC 3339 time"));
        issuedAt = parsed.toUTC();
    }
    BearerToken result(token, issuedAt, expiresIn, refreshToken);
    // A server clock ahead of or far behind ours must neither extend a token's life nor expire it on arrival.
    if (issuedAt > received || result.m_expiresAt <= received)
        result = BearerToken(token, received, expiresIn, refreshToken);
    return result;
}

QUrl BearerToken::requestUrl(const QString &realm, const QString &service, const QStringList &scopes, QString *error)
{
    const QUrl url(realm, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        if (error)
            *error = QStringLiteral("the token realm \"%1\" is not an absolute http(s) URL").arg(realm);
        return {};
    }
    // Built by hand so that '+', '&', '=' and spaces inside a value are always percent-encoded: a token service
    // decodes the query as a form, where a bare '+' would turn into a space.
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    auto add = [&query](const char *name, const QString &value) {
        if (!query.isEmpty())
            query += '&';
        query += name;
        query += '=';
        query += QUrl::toPercentEncoding(value);
    };
    if (!service.isEmpty())
        add("service", service);
    for (const QString &scope : scopes)
        add("scope", scope);
    QUrl result = url;
    result.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return result;
}

bool BearerToken::isExpired(const QDateTime &now, int marginSeconds) const
{
    return !isValid() || !m_expiresAt.isValid() || now.toUTC().addSecs(marginSeconds) >= m_expiresAt;
}

QDebug operator<<(QDebug debug, const BearerToken &token)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "BearerToken(" << (token.isValid() ? "<redacted>" : "<none>")
                    << ", expires=" << token.expiresAt().toString(Qt::ISODate) << ')';
    return debug;
}
