#pragma once

#include <QString>

class QDebug;

// A username/password or identity token for one registry, as read from an auth file.
// Deliberately has no toString(): the secret is only reachable through password()/identityToken(), and the
// debug stream operator masks it, so a credential never ends up in a log by accident.
class Credential
{
public:
    Credential() = default;
    Credential(const QString &username, const QString &password, const QString &identityToken = QString());

    QString username() const { return m_username; }
    QString password() const { return m_password; }
    // An OAuth2 refresh token (`identitytoken`); when set, token services expect it instead of the password.
    QString identityToken() const { return m_identityToken; }
    bool hasIdentityToken() const { return !m_identityToken.isEmpty(); }
    bool isEmpty() const { return m_username.isEmpty() && m_password.isEmpty() && m_identityToken.isEmpty(); }

    // Where it came from (file and key), for messages; neither is secret.
    QString sourceFile() const { return m_sourceFile; }
    QString key() const { return m_key; }
    void setSource(const QString &file, const QString &key);

    // The value of an HTTP `Authorization: Basic …` header for username:password.
    QByteArray basicAuthorization() const;

    bool operator==(const Credential &) const = default;

private:
    QString m_username;
    QString m_password;
    QString m_identityToken;
    QString m_sourceFile;
    QString m_key;
};

QDebug operator<<(QDebug debug, const Credential &credential);
