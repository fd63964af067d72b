#include "tokenservice.h"

#include "testcertificates.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body,
                        const QByteArray &extraHeaders = QByteArray())
{
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reason +
           QByteArrayLiteral("\r\nContent-Type: application/json\r\nContent-Length: ") +
           QByteArray::number(body.size()) + QByteArrayLiteral("\r\nConnection: close\r\n") + extraHeaders +
           QByteArrayLiteral("\r\n") + body;
}

QByteArray errorBody(const char *code, const char *message)
{
    const QJsonObject error{{QStringLiteral("code"), QString::fromLatin1(code)},
                            {QStringLiteral("message"), QString::fromLatin1(message)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}).toJson(QJsonDocument::Compact);
}

bool patternMatches(const QString &pattern, const QString &name)
{
    if (pattern == QLatin1String("*"))
        return true;
    if (pattern.endsWith(QLatin1String("/*")))
        return name.startsWith(pattern.chopped(1));
    return pattern == name;
}

} // namespace

TokenService::TokenService() = default;

TokenService::~TokenService()
{
    stop();
    if (m_key)
        EVP_PKEY_free(static_cast<EVP_PKEY *>(m_key));
}

void TokenService::addUser(const QString &user, const QString &password)
{
    const QMutexLocker locker(&m_mutex);
    m_users.insert(user, password);
}

void TokenService::allow(const QString &user, const QString &pattern, const QStringList &actions, const QString &type)
{
    const QMutexLocker locker(&m_mutex);
    m_grants << Grant{user, type, pattern, actions};
}

void TokenService::setTokenLifetime(int seconds)
{
    const QMutexLocker locker(&m_mutex);
    m_lifetime = seconds;
}

void TokenService::setTokenField(TokenField field)
{
    const QMutexLocker locker(&m_mutex);
    m_tokenField = field;
}

void TokenService::setIncludeIssuedAt(bool include)
{
    const QMutexLocker locker(&m_mutex);
    m_includeIssuedAt = include;
}

QString TokenService::certificateFile() const
{
    return m_dir.filePath(QStringLiteral("token-signing.crt"));
}

QString TokenService::realm() const
{
    return QStringLiteral("http://127.0.0.1:%1/token").arg(m_port);
}

RegistryFixture::TokenAuth TokenService::registryAuth() const
{
    return RegistryFixture::TokenAuth{realm(), service(), issuer(), certificateFile()};
}

bool TokenService::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_server)
        return true;
    if (!m_dir.isValid())
        return fail(QStringLiteral("cannot create a temporary directory"));
    const QString keyFile = m_dir.filePath(QStringLiteral("token-signing.key"));
    if (!m_key) {
        if (!TestCertificates::createSelfSigned(certificateFile(), keyFile, QStringLiteral("Ferry test token signer"),
                                                true, error))
            return false;
        QFile key(keyFile);
        QFile certificate(certificateFile());
        if (!key.open(QIODevice::ReadOnly) || !certificate.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the token signing key or certificate"));
        const QByteArray keyPem = key.readAll();
        BIO *bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
        m_key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        if (!m_key)
            return fail(QStringLiteral("cannot load the token signing key"));
        // x5c carries DER, the PEM body without its armour.
        QByteArray base64;
        for (const QByteArray &line : certificate.readAll().split('\n')) {
            if (!line.startsWith("-----"))
                base64 += line.trimmed();
        }
        m_certificateDer = QByteArray::fromBase64(base64);
    }

    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    bool listening = false;
    QString listenError;
    // The server and its sockets must live in the service thread, so they are created there.
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_server = new QTcpServer(m_context);
            listening = m_server->listen(QHostAddress::LocalHost, 0);
            if (!listening) {
                listenError = m_server->errorString();
                return;
            }
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_context, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection())
                    handleConnection(socket);
            });
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        stop();
        return fail(QStringLiteral("the token service cannot listen on 127.0.0.1: %1").arg(listenError));
    }
    return true;
}

void TokenService::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_server;
            m_server = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_context = nullptr;
}

void TokenService::handleConnection(QTcpSocket *socket)
{
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
        // GET requests have no body: the request is complete at the empty line.
        if (!socket->peek(socket->bytesAvailable()).contains("\r\n\r\n"))
            return;
        const QByteArray request = socket->readAll();
        socket->write(respond(request));
        socket->disconnectFromHost();
    });
}

QByteArray TokenService::respond(const QByteArray &request)
{
    const QList<QByteArray> lines = request.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() < 3)
        return httpResponse(400, "Bad Request", errorBody("UNSUPPORTED", "malformed request"));
    if (requestLine.at(0) != "GET")
        return httpResponse(405, "Method Not Allowed", errorBody("UNSUPPORTED", "only GET is supported"));
    const QUrl url(QString::fromLatin1(requestLine.at(1)));
    if (url.path() != QLatin1String("/token"))
        return httpResponse(404, "Not Found", errorBody("NOT_FOUND", "no such endpoint"));

    QByteArray authorization;
    for (const QByteArray &line : lines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "authorization")
            authorization = line.mid(colon + 1).trimmed();
    }

    // Form decoding: '+' is a space, as Go's url.ParseQuery does on the real token servers.
    QString queryText = url.query(QUrl::FullyEncoded);
    queryText.replace(QLatin1Char('+'), QLatin1String("%20"));
    const QUrlQuery query(queryText);
    QStringList scopes;
    for (const QString &scope : query.allQueryItemValues(QStringLiteral("scope"), QUrl::FullyDecoded))
        scopes << scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString requestedService = query.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded);

    QString subject;
    bool refused = false;
    {
        const QMutexLocker locker(&m_mutex);
        ++m_requests;
        for (const QString &scope : std::as_const(scopes))
            ++m_scopeRequests[scope];
        if (scopes.isEmpty())
            ++m_scopeRequests[QString()];
        m_lastScopes = scopes;
        if (!authorization.isEmpty()) {
            const QByteArray decoded =
                authorization.startsWith("Basic ") ? QByteArray::fromBase64(authorization.mid(6)) : QByteArray();
            const qsizetype colon = decoded.indexOf(':');
            const QString user = QString::fromUtf8(decoded.left(colon));
            const auto known = m_users.constFind(user);
            if (colon <= 0 || known == m_users.constEnd() || known.value() != QString::fromUtf8(decoded.mid(colon + 1)))
                refused = true;
            else
                subject = user;
        }
        if (refused)
            ++m_refused;
    }
    if (refused)
        return httpResponse(401, "Unauthorized", errorBody("UNAUTHORIZED", "authentication failed"),
                            QByteArrayLiteral("WWW-Authenticate: Basic realm=\"ferry-test-token-service\"\r\n"));
    if (!requestedService.isEmpty() && requestedService != service())
        return httpResponse(400, "Bad Request", errorBody("UNSUPPORTED", "unknown service"));

    int lifetime;
    TokenField field;
    bool includeIssuedAt;
    {
        const QMutexLocker locker(&m_mutex);
        lifetime = m_lifetime;
        field = m_tokenField;
        includeIssuedAt = m_includeIssuedAt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray token = issueToken(subject, scopes, now.toSecsSinceEpoch(), lifetime);
    if (token.isEmpty())
        return httpResponse(500, "Internal Server Error", errorBody("UNKNOWN", "signing failed"));
    QJsonObject body{{QStringLiteral("expires_in"), lifetime}};
    if (field != TokenField::AccessToken)
        body.insert(QStringLiteral("token"), QString::fromLatin1(token));
    if (field != TokenField::Token)
        body.insert(QStringLiteral("access_token"), QString::fromLatin1(token));
    if (includeIssuedAt)
        body.insert(QStringLiteral("issued_at"), now.toString(Qt::ISODate));
    return httpResponse(200, "OK", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QStringList TokenService::grantedActions(const QString &user, const QString &type, const QString &name,
                                         const QStringList &requested) const
{
    QStringList allowed;
    for (const Grant &grant : m_grants) {
        if (grant.user == user && grant.type == type && patternMatches(grant.pattern, name))
            allowed << grant.actions;
    }
    QStringList granted;
    for (const QString &action : requested) {
        if ((allowed.contains(action) || allowed.contains(QStringLiteral("*"))) && !granted.contains(action))
            granted << action;
    }
    return granted;
}

QByteArray TokenService::issueToken(const QString &subject, const QStringList &scopes, qint64 now, int lifetime)
{
    QJsonArray access;
    {
        const QMutexLocker locker(&m_mutex);
        for (const QString &scope : scopes) {
            // type:name:actions, where only the name may contain ':' (a registry host with a port).
            const qsizetype first = scope.indexOf(QLatin1Char(':'));
            const qsizetype last = scope.lastIndexOf(QLatin1Char(':'));
            if (first <= 0 || last <= first)
                continue;
            const QString type = scope.left(first);
            const QString name = scope.mid(first + 1, last - first - 1);
            const QStringList granted =
                grantedActions(subject, type, name, scope.mid(last + 1).split(QLatin1Char(','), Qt::SkipEmptyParts));
            if (granted.isEmpty())
                continue;
            access << QJsonObject{{QStringLiteral("type"), type},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("actions"), QJsonArray::fromStringList(granted)}};
        }
    }
    const QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(m_certificateDer.toBase64())}}};
    const QJsonObject claims{
        {QStringLiteral("iss"), issuer()},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), service()},
        {QStringLiteral("exp"), now + lifetime},
        {QStringLiteral("nbf"), now - 10},
        {QStringLiteral("iat"), now},
        {QStringLiteral("jti"), QString::number(QRandomGenerator::global()->generate64(), 16)},
        {QStringLiteral("access"), access},
    };
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    EVP_MD_CTX *context = EVP_MD_CTX_new();
    QByteArray signature;
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(signingInput.constData());
    if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, static_cast<EVP_PKEY *>(m_key)) == 1 &&
        EVP_DigestSign(context, nullptr, &length, data, size_t(signingInput.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                           size_t(signingInput.size())) == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(context);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + base64Url(signature);
}

int TokenService::requestCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_requests;
}

int TokenService::requestCount(const QString &scope) const
{
    const QMutexLocker locker(&m_mutex);
    return m_scopeRequests.value(scope);
}

int TokenService::refusedCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_refused;
}

QStringList TokenService::lastScopes() const
{
    const QMutexLocker locker(&m_mutex);
    return m_lastScopes;
}

void TokenService::resetCounters()
{
    const QMutexLocker locker(&m_mutex);
    m_requests = 0;
    m_refused = 0;
    m_scopeRequests.clear();
    m_lastScopes.clear();
}
