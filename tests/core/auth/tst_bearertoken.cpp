#include "registry/bearertoken.h"

#include <QDebug>
#include <QTest>
#include <QUrlQuery>

class tst_BearerToken : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);

private slots:
    void parsesTokenResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<QString>("refresh");
        QTest::newRow("token only, default lifetime")
            << QByteArray(R"({"token":"abc"})") << QStringLiteral("abc") << 60 << QString();
        QTest::newRow("access_token only")
            << QByteArray(R"({"access_token":"xyz","expires_in":300})") << QStringLiteral("xyz") << 300 << QString();
        QTest::newRow("both, token first") << QByteArray(R"({"token":"t1","access_token":"t1","expires_in":900})")
                                           << QStringLiteral("t1") << 900 << QString();
        QTest::newRow("empty token falls back")
            << QByteArray(R"({"token":"","access_token":"t2"})") << QStringLiteral("t2") << 60 << QString();
        QTest::newRow("short lifetime raised to 60 s")
            << QByteArray(R"({"token":"t","expires_in":5})") << QStringLiteral("t") << 60 << QString();
        QTest::newRow("null expires_in") << QByteArray(R"({"token":"t","expires_in":null})") << QStringLiteral("t")
                                         << 60 << QString();
        QTest::newRow("refresh token") << QByteArray(R"({"token":"t","refresh_token":"r","expires_in":120})")
                                       << QStringLiteral("t") << 120 << QStringLiteral("r");
        QTest::newRow("issued now") << QByteArray(
                                           R"({"token":"t","expires_in":120,"issued_at":"2026-03-01T12:00:00Z"})")
                                    << QStringLiteral("t") << 120 << QString();
    }

    void parsesTokenResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, token);
        QFETCH(int, lifetime);
        QFETCH(QString, refresh);
        QString error;
        const std::optional<BearerToken> parsed = BearerToken::fromJson(body, m_now, &error);
        QVERIFY2(parsed, qUtf8Printable(error));
        QCOMPARE(parsed->token(), token);
        QCOMPARE(parsed->refreshToken(), refresh);
        QCOMPARE(parsed->issuedAt(), m_now);
        QCOMPARE(parsed->expiresAt(), m_now.addSecs(lifetime));
        QCOMPARE(parsed->authorization(), QByteArray("Bearer ") + token.toUtf8());
    }

    void expiryCountsFromIssuedAt()
    {
        // Issued 100 s before it arrived (slow answer): 200 s of life remain, not 300.
        std::optional<BearerToken> token =
            BearerToken::fromJson(R"({"token":"t","expires_in":300,"issued_at":"2026-03-01T11:58:20.500Z"})", m_now);
        QVERIFY(token);
        QCOMPARE(token->issuedAt(), QDateTime(QDate(2026, 3, 1), QTime(11, 58, 20, 500), Qt::UTC));
        QCOMPARE(token->expiresAt(), QDateTime(QDate(2026, 3, 1), QTime(12, 3, 20, 500), Qt::UTC));
        // Time zones are honoured.
        token =
            BearerToken::fromJson(R"({"token":"t","expires_in":300,"issued_at":"2026-03-01T13:59:00+02:00"})", m_now);
        QCOMPARE(token->expiresAt(), m_now.addSecs(240));

        // A server clock far behind ours would expire the token on arrival, one ahead would extend it: both are
        // counted from arrival instead.
        token = BearerToken::fromJson(R"({"token":"t","expires_in":60,"issued_at":"2026-03-01T10:00:00Z"})", m_now);
        QCOMPARE(token->expiresAt(), m_now.addSecs(60));
        token = BearerToken::fromJson(R"({"token":"t","expires_in":60,"issued_at":"2026-03-01T14:00:00Z"})", m_now);
        QCOMPARE(token->expiresAt(), m_now.addSecs(60));
    }

    void isExpiredWithMargin()
    {
        const BearerToken token(QStringLiteral("t"), m_now, 120);
        QVERIFY(!token.isExpired(m_now));
        QVERIFY(!token.isExpired(m_now.addSecs(109), 10));
        QVERIFY(token.isExpired(m_now.addSecs(110), 10));
        QVERIFY(!token.isExpired(m_now.addSecs(119)));
        QVERIFY(token.isExpired(m_now.addSecs(120)));
        QVERIFY(BearerToken().isExpired(m_now));
    }

    void rejectsBadResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("<html>secret-abc</html>") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray(R"(["secret-abc"])") << QStringLiteral("JSON object");
        QTest::newRow("no token") << QByteArray(R"({"expires_in":60})") << QStringLiteral("neither");
        QTest::newRow("empty tokens") << QByteArray(R"({"token":"","access_token":""})") << QStringLiteral("neither");
        QTest::newRow("token not a string") << QByteArray(R"({"token":42})") << QStringLiteral("\"token\"");
        QTest::newRow("expires_in a string")
            << QByteArray(R"({"token":"secret-abc","expires_in":"60"})") << QStringLiteral("expires_in");
        QTest::newRow("expires_in negative")
            << QByteArray(R"({"token":"secret-abc","expires_in":-1})") << QStringLiteral("expires_in");
        QTest::newRow("expires_in fractional")
            << QByteArray(R"({"token":"secret-abc","expires_in":1.5})") << QStringLiteral("expires_in");
        QTest::newRow("issued_at garbage")
            << QByteArray(R"({"token":"secret-abc","issued_at":"yesterday"})") << QStringLiteral("issued_at");
        QTest::newRow("issued_at number")
            << QByteArray(R"({"token":"secret-abc","issued_at":12})") << QStringLiteral("issued_at");
        QTest::newRow("refresh not a string")
            << QByteArray(R"({"token":"secret-abc","refresh_token":{}})") << QStringLiteral("refresh_token");
    }

    void rejectsBadResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!BearerToken::fromJson(body, m_now, &error));
        QVERIFY2(error.contains(expected), qUtf8Printable(error));
        QVERIFY2(!error.contains(QStringLiteral("secret-abc")), qUtf8Printable(error));
    }

    void requestUrl()
    {
        QString error;
        QUrl url = BearerToken::requestUrl(
            QStringLiteral("https://auth.example/token"), QStringLiteral("reg.example"),
            {QStringLiteral("repository:ns/app:pull,push"), QStringLiteral("repository:other/src:pull")}, &error);
        QVERIFY2(url.isValid(), qUtf8Printable(error));
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://auth.example/token?service=reg.example"
                                "&scope=repository%3Ans%2Fapp%3Apull%2Cpush&scope=repository%3Aother%2Fsrc%3Apull"));
        const QUrlQuery query(url);
        QCOMPARE(
            query.allQueryItemValues(QStringLiteral("scope"), QUrl::FullyDecoded),
            QStringList({QStringLiteral("repository:ns/app:pull,push"), QStringLiteral("repository:other/src:pull")}));

        // An existing query is kept; characters with a meaning in a form are encoded.
        url = BearerToken::requestUrl(QStringLiteral("http://127.0.0.1:5001/auth?client=ferry"),
                                      QStringLiteral("a service+x&y=z"), {QStringLiteral("registry:catalog:*")});
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:5001/auth?client=ferry&service=a%20service%2Bx%26y%3Dz"
                                "&scope=registry%3Acatalog%3A%2A"));

        // No service, no scopes (a GET /v2/ check).
        url = BearerToken::requestUrl(QStringLiteral("https://auth.example/token"), QString(), {});
        QCOMPARE(url.toString(QUrl::FullyEncoded), QStringLiteral("https://auth.example/token"));
    }

    void requestUrlNeedsAnAbsoluteHttpRealm_data()
    {
        QTest::addColumn<QString>("realm");
        QTest::newRow("relative") << QStringLiteral("/token");
        QTest::newRow("ftp") << QStringLiteral("ftp://auth.example/token");
        QTest::newRow("empty") << QString();
        QTest::newRow("no host") << QStringLiteral("https:///token");
    }

    void requestUrlNeedsAnAbsoluteHttpRealm()
    {
        QFETCH(QString, realm);
        QString error;
        QVERIFY(!BearerToken::requestUrl(realm, QStringLiteral("s"), {}, &error).isValid());
        QVERIFY2(error.contains(QStringLiteral("realm")), qUtf8Printable(error));
    }

    void debugOutputIsMasked()
    {
        const BearerToken token(QStringLiteral("eyJsecret"), m_now, 60);
        QString text;
        QDebug(&text) << token;
        QVERIFY(!text.contains(QStringLiteral("eyJsecret")));
        QVERIFY(text.contains(QStringLiteral("redacted")));
    }
};

QTEST_GUILESS_MAIN(tst_BearerToken)
#include "tst_bearertoken.moc"
