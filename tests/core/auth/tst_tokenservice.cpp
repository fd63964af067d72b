#include "curlrunner.h"
#include "registry/authchallenge.h"
#include "registry/bearertoken.h"
#include "registryfixture.h"
#include "tokenservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The token-auth test infrastructure, proven against the real registry with curl: 401 challenge -> token -> 200.
class tst_TokenService : public QObject
{
    Q_OBJECT

private:
    QString v2(const QString &path) const
    {
        return QStringLiteral("http://") + m_registry->address() + QStringLiteral("/v2/") + path;
    }

    // Asks the token service for scopes, as user (empty: anonymous). Returns the parsed token or fails the test.
    std::optional<BearerToken> token(const QStringList &scopes, const QString &user = QString(),
                                     const QString &password = QString(), CurlResult *raw = nullptr)
    {
        QString error;
        const QUrl url = BearerToken::requestUrl(m_tokens.realm(), m_tokens.service(), scopes, &error);
        if (!url.isValid()) {
            qWarning("%s", qUtf8Printable(error));
            return std::nullopt;
        }
        const CurlResult result =
            runCurl({url.toString(QUrl::FullyEncoded)}, user.isEmpty() ? QByteArray() : curlUserConfig(user, password));
        if (raw)
            *raw = result;
        if (result.status != 200)
            return std::nullopt;
        const std::optional<BearerToken> parsed =
            BearerToken::fromJson(result.body, QDateTime::currentDateTimeUtc(), &error);
        if (!parsed)
            qWarning("%s", qUtf8Printable(error));
        return parsed;
    }

    static QStringList bearer(const BearerToken &token)
    {
        return {QStringLiteral("-H"), QStringLiteral("Authorization: ") + QString::fromUtf8(token.authorization())};
    }

    TokenService m_tokens;
    std::unique_ptr<RegistryFixture> m_registry;

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        m_tokens.addUser(QStringLiteral("alice"), QStringLiteral("wonder:land \"42\""));
        m_tokens.addUser(QStringLiteral("bob"), QStringLiteral("builder"));
        m_tokens.allow(QStringLiteral("alice"), QStringLiteral("team/*"),
                       {QStringLiteral("pull"), QStringLiteral("push")});
        m_tokens.allow(QStringLiteral("alice"), QStringLiteral("catalog"), {QStringLiteral("*")},
                       QStringLiteral("registry"));
        m_tokens.allow(QStringLiteral("bob"), QStringLiteral("team/app"), {QStringLiteral("pull")});
        m_tokens.allow(QString(), QStringLiteral("public/*"), {QStringLiteral("pull")});
        QString error;
        QVERIFY2(m_tokens.start(&error), qUtf8Printable(error));

        RegistryFixture::Options options;
        options.token = m_tokens.registryAuth();
        m_registry = std::make_unique<RegistryFixture>(options);
        QVERIFY2(m_registry->start(&error), qUtf8Printable(error));
    }

    void init() { m_tokens.resetCounters(); }

    void registryChallengesWithTheService()
    {
        CurlResult result = runCurl({v2(QString())});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.status, 401);
        QString error;
        QList<AuthChallenge> challenges = AuthChallenge::parse(result.header("WWW-Authenticate"), &error);
        QVERIFY2(!challenges.isEmpty(), qUtf8Printable(error));
        QVERIFY(challenges.constFirst().isBearer());
        QCOMPARE(challenges.constFirst().realm(), m_tokens.realm());
        QCOMPARE(challenges.constFirst().service(), m_tokens.service());

        result = runCurl({v2(QStringLiteral("team/app/tags/list"))});
        QCOMPARE(result.status, 401);
        challenges = AuthChallenge::parse(result.header("WWW-Authenticate"), &error);
        QCOMPARE(challenges.constFirst().scopes(), QStringList{QStringLiteral("repository:team/app:pull")});
        QCOMPARE(m_tokens.requestCount(), 0);
    }

    void fullFlowWithCredentials()
    {
        const QString scope = QStringLiteral("repository:team/app:pull,push");
        const std::optional<BearerToken> granted =
            token({scope}, QStringLiteral("alice"), QStringLiteral("wonder:land \"42\""));
        QVERIFY(granted);
        QCOMPARE(m_tokens.requestCount(scope), 1);
        QCOMPARE(m_tokens.lastScopes(), QStringList{scope});
        // expires_in 300 and issued_at now.
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(granted->expiresAt());
        QVERIFY2(left > 290 && left <= 300, qPrintable(QString::number(left)));

        QCOMPARE(runCurl(QStringList{v2(QString())} + bearer(*granted)).status, 200);
        // push is granted: an upload session opens.
        const CurlResult upload = runCurl(
            QStringList{QStringLiteral("-X"), QStringLiteral("POST"), v2(QStringLiteral("team/app/blobs/uploads/"))} +
            bearer(*granted));
        QCOMPARE(upload.status, 202);
        QVERIFY(!upload.header("Location").isEmpty());
        // The token is for team/app only.
        const CurlResult other = runCurl(QStringList{v2(QStringLiteral("team/other/tags/list"))} + bearer(*granted));
        QCOMPARE(other.status, 401);
        QCOMPARE(AuthChallenge::parse(other.header("WWW-Authenticate")).constFirst().error(),
                 QStringLiteral("insufficient_scope"));
    }

    void severalScopesInOneToken()
    {
        const QStringList scopes{QStringLiteral("repository:team/target:pull,push"),
                                 QStringLiteral("repository:team/source:pull")};
        const std::optional<BearerToken> granted =
            token(scopes, QStringLiteral("alice"), QStringLiteral("wonder:land \"42\""));
        QVERIFY(granted);
        QCOMPARE(m_tokens.lastScopes(), scopes);
        QCOMPARE(m_tokens.requestCount(scopes.at(0)), 1);
        QCOMPARE(m_tokens.requestCount(scopes.at(1)), 1);
        // Both repositories accept it (404: authorised, but nothing pushed yet).
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("team/target/tags/list"))} + bearer(*granted)).status, 404);
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("team/source/tags/list"))} + bearer(*granted)).status, 404);
        // The catalog needs its own scope.
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("_catalog"))} + bearer(*granted)).status, 401);
        const std::optional<BearerToken> catalog = token({QStringLiteral("registry:catalog:*")},
                                                         QStringLiteral("alice"), QStringLiteral("wonder:land \"42\""));
        QVERIFY(catalog);
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("_catalog"))} + bearer(*catalog)).status, 200);
    }

    void partialGrant()
    {
        // bob may only pull: asking for push is not an error, the token just lacks it.
        const std::optional<BearerToken> granted =
            token({QStringLiteral("repository:team/app:pull,push")}, QStringLiteral("bob"), QStringLiteral("builder"));
        QVERIFY(granted);
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("team/app/tags/list"))} + bearer(*granted)).status, 404);
        const CurlResult upload = runCurl(
            QStringList{QStringLiteral("-X"), QStringLiteral("POST"), v2(QStringLiteral("team/app/blobs/uploads/"))} +
            bearer(*granted));
        QCOMPARE(upload.status, 401);
        const AuthChallenge challenge = AuthChallenge::parse(upload.header("WWW-Authenticate")).constFirst();
        QCOMPARE(challenge.error(), QStringLiteral("insufficient_scope"));
        // distribution lists the actions in no fixed order.
        QCOMPARE(challenge.scopes().size(), 1);
        const QString scope = challenge.scopes().constFirst();
        QVERIFY2(scope.startsWith(QStringLiteral("repository:team/app:")), qUtf8Printable(scope));
        QStringList actions = scope.section(QLatin1Char(':'), 2).split(QLatin1Char(','));
        actions.sort();
        QCOMPARE(actions, QStringList({QStringLiteral("pull"), QStringLiteral("push")}));
    }

    void anonymousAccess()
    {
        const std::optional<BearerToken> publicToken = token({QStringLiteral("repository:public/tools:pull")});
        QVERIFY(publicToken);
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("public/tools/tags/list"))} + bearer(*publicToken)).status, 404);
        const std::optional<BearerToken> teamToken = token({QStringLiteral("repository:team/app:pull")});
        QVERIFY(teamToken);
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("team/app/tags/list"))} + bearer(*teamToken)).status, 401);
    }

    void wrongPasswordIsRefused()
    {
        CurlResult raw;
        QVERIFY(!token({QStringLiteral("repository:team/app:pull")}, QStringLiteral("alice"), QStringLiteral("guess"),
                       &raw));
        QCOMPARE(raw.status, 401);
        QVERIFY(!raw.body.contains("guess"));
        QCOMPARE(m_tokens.refusedCount(), 1);
        QVERIFY(
            !token({QStringLiteral("repository:team/app:pull")}, QStringLiteral("mallory"), QStringLiteral("x"), &raw));
        QCOMPARE(raw.status, 401);
        QCOMPARE(m_tokens.refusedCount(), 2);
    }

    void forgedTokensAreRejected()
    {
        const std::optional<BearerToken> granted =
            token({QStringLiteral("repository:team/app:pull")}, QStringLiteral("bob"), QStringLiteral("builder"));
        QVERIFY(granted);
        // Changing the claims breaks the signature.
        QList<QByteArray> parts = granted->token().toLatin1().split('.');
        QCOMPARE(parts.size(), 3);
        QJsonObject claims =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("bob"));
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(), m_tokens.service());
        claims.insert(QStringLiteral("sub"), QStringLiteral("alice"));
        parts[1] = QJsonDocument(claims)
                       .toJson(QJsonDocument::Compact)
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const BearerToken forged(QString::fromLatin1(parts.join('.')), QDateTime::currentDateTimeUtc(), 60);
        const CurlResult result = runCurl(QStringList{v2(QStringLiteral("team/app/tags/list"))} + bearer(forged));
        QCOMPARE(result.status, 401);
        QCOMPARE(AuthChallenge::parse(result.header("WWW-Authenticate")).constFirst().error(),
                 QStringLiteral("invalid_token"));
    }

    void responseShapes()
    {
        m_tokens.setTokenField(TokenService::TokenField::AccessToken);
        m_tokens.setIncludeIssuedAt(false);
        m_tokens.setTokenLifetime(120);
        CurlResult raw;
        const std::optional<BearerToken> granted =
            token({QStringLiteral("repository:public/tools:pull")}, QString(), QString(), &raw);
        m_tokens.setTokenField(TokenService::TokenField::Both);
        m_tokens.setIncludeIssuedAt(true);
        m_tokens.setTokenLifetime(300);
        QVERIFY(granted);
        const QJsonObject body = QJsonDocument::fromJson(raw.body).object();
        QVERIFY(!body.contains(QStringLiteral("token")));
        QVERIFY(!body.contains(QStringLiteral("issued_at")));
        QCOMPARE(body.value(QStringLiteral("expires_in")).toInt(), 120);
        QCOMPARE(runCurl(QStringList{v2(QStringLiteral("public/tools/tags/list"))} + bearer(*granted)).status, 404);
    }

    void countsRequestsPerScope()
    {
        const QString scope = QStringLiteral("repository:public/a:pull");
        QVERIFY(token({scope}));
        QVERIFY(token({scope}));
        QVERIFY(token({QStringLiteral("repository:public/b:pull")}));
        QCOMPARE(m_tokens.requestCount(scope), 2);
        QCOMPARE(m_tokens.requestCount(QStringLiteral("repository:public/b:pull")), 1);
        QCOMPARE(m_tokens.requestCount(), 3);
        m_tokens.resetCounters();
        QCOMPARE(m_tokens.requestCount(scope), 0);
    }

    void cleanupTestCase()
    {
        if (m_registry)
            m_registry->stop();
        m_tokens.stop();
    }
};

QTEST_GUILESS_MAIN(tst_TokenService)
#include "tst_tokenservice.moc"
