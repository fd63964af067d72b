#pragma once

#include "registryfixture.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

class QObject;
class QTcpServer;
class QTcpSocket;

// A Docker token service (the `realm` of distribution's token auth) on 127.0.0.1 for tests. It runs its own thread,
// so it answers while the test's thread blocks. GET /token?service=…&scope=…[&scope=…] with Basic credentials (or
// none: anonymous) returns a JWT signed RS256 by a generated key; the header carries the certificate as x5c and
// that certificate is the registry's rootcertbundle (registryAuth()). The token grants the intersection of what is
// requested and what allow() permits; requests are counted per scope so tests can check a client's caching.
class TokenService
{
public:
    enum class TokenField { Token, AccessToken, Both };

    TokenService();
    ~TokenService();
    TokenService(const TokenService &) = delete;
    TokenService &operator=(const TokenService &) = delete;

    // Configuration; may be changed while running.
    void addUser(const QString &user, const QString &password);
    // Grants actions ("pull", "push", "delete", "*") on repositories matching pattern ("ns/app", "ns/*", "*") to a
    // user; an empty user means anonymous requests. Type "registry" with name "catalog" is matched the same way.
    void allow(const QString &user, const QString &pattern, const QStringList &actions,
               const QString &type = QStringLiteral("repository"));
    void setTokenLifetime(int seconds);    // expires_in and exp; default 300
    void setTokenField(TokenField field);  // which JSON field(s) carry the token; default Both
    void setIncludeIssuedAt(bool include); // default true

    bool start(QString *error = nullptr);
    void stop();

    QString realm() const; // http://127.0.0.1:PORT/token
    QString service() const { return QStringLiteral("ferry-test-registry"); }
    QString issuer() const { return QStringLiteral("ferry-test-token-service"); }
    QString certificateFile() const;
    // Options::token for RegistryFixture.
    RegistryFixture::TokenAuth registryAuth() const;

    // Token requests answered (granted or refused), in total and per requested scope string.
    int requestCount() const;
    int requestCount(const QString &scope) const;
    int refusedCount() const; // wrong credentials
    // The scopes of the last request, in the order they were sent.
    QStringList lastScopes() const;
    void resetCounters();

private:
    struct Grant
    {
        QString user;
        QString type;
        QString pattern;
        QStringList actions;
    };

    void handleConnection(QTcpSocket *socket);
    QByteArray respond(const QByteArray &request);
    QByteArray issueToken(const QString &subject, const QStringList &scopes, qint64 now, int lifetime);
    QStringList grantedActions(const QString &user, const QString &type, const QString &name,
                               const QStringList &requested) const;

    QTemporaryDir m_dir;
    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    void *m_key = nullptr; // EVP_PKEY, kept opaque so tests need no OpenSSL headers
    QByteArray m_certificateDer;

    mutable QMutex m_mutex;
    QHash<QString, QString> m_users;
    QList<Grant> m_grants;
    int m_lifetime = 300;
    TokenField m_tokenField = TokenField::Both;
    bool m_includeIssuedAt = true;
    int m_requests = 0;
    int m_refused = 0;
    QHash<QString, int> m_scopeRequests;
    QStringList m_lastScopes;
};
