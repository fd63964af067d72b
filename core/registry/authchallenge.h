#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// One challenge of a WWW-Authenticate header (RFC 7235): a scheme with either auth-params or a token68.
// Registries answer `Bearer realm="…",service="…",scope="…"` (token auth) or `Basic realm="…"`.
class AuthChallenge
{
public:
    // Parses a header value that may hold several challenges ("Basic realm=x, Bearer realm=y"). Scheme and
    // parameter names are case-insensitive; quoted strings may contain escapes and commas. On malformed input
    // returns an empty list and sets *error to what was expected where.
    static QList<AuthChallenge> parse(const QByteArray &headerValue, QString *error = nullptr);
    // Every WWW-Authenticate header of one response.
    static QList<AuthChallenge> parse(const QList<QByteArray> &headerValues, QString *error = nullptr);

    // Lower case ("bearer", "basic").
    QString scheme() const { return m_scheme; }
    bool isBearer() const { return m_scheme == QLatin1String("bearer"); }
    bool isBasic() const { return m_scheme == QLatin1String("basic"); }

    // A parameter by name (any case); empty when absent.
    QString parameter(const QString &name) const;
    bool hasParameter(const QString &name) const;
    // Names are lower case.
    QMap<QString, QString> parameters() const { return m_parameters; }
    QString token68() const { return m_token68; }

    QString realm() const { return parameter(QStringLiteral("realm")); }
    QString service() const { return parameter(QStringLiteral("service")); }
    // The scope parameter holds space-separated scopes.
    QStringList scopes() const;
    // Set on a 401/403 for a token that lacks rights, e.g. "insufficient_scope", "invalid_token".
    QString error() const { return parameter(QStringLiteral("error")); }
    QString errorDescription() const { return parameter(QStringLiteral("error_description")); }

private:
    QString m_scheme;
    QMap<QString, QString> m_parameters;
    QString m_token68;
};
