#include "registry/authchallenge.h"

#include <QTest>

class tst_AuthChallenge : public QObject
{
    Q_OBJECT

private slots:
    void bearerFromDistribution()
    {
        QString error;
        const QList<AuthChallenge> challenges =
            AuthChallenge::parse(QByteArray("Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
                                            "scope=\"repository:ns/app:pull,push\""),
                                 &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QCOMPARE(challenges.size(), 1);
        const AuthChallenge &c = challenges.constFirst();
        QVERIFY(c.isBearer());
        QCOMPARE(c.scheme(), QStringLiteral("bearer"));
        QCOMPARE(c.realm(), QStringLiteral("https://auth.example/token"));
        QCOMPARE(c.service(), QStringLiteral("registry.example"));
        QCOMPARE(c.scopes(), QStringList{QStringLiteral("repository:ns/app:pull,push")});
        QVERIFY(c.error().isEmpty());
    }

    void caseInsensitiveSchemeAndNames()
    {
        const QList<AuthChallenge> challenges =
            AuthChallenge::parse(QByteArray("BASIC Realm=\"Registry Realm\", CharSet=UTF-8"));
        QCOMPARE(challenges.size(), 1);
        QVERIFY(challenges.constFirst().isBasic());
        QCOMPARE(challenges.constFirst().realm(), QStringLiteral("Registry Realm"));
        QCOMPARE(challenges.constFirst().parameter(QStringLiteral("CHARSET")), QStringLiteral("UTF-8"));
        QVERIFY(challenges.constFirst().hasParameter(QStringLiteral("charset")));
    }

    void quotedStringsWithEscapesAndCommas()
    {
        const QList<AuthChallenge> challenges = AuthChallenge::parse(
            QByteArray("Bearer realm=\"https://a.example/t?x=1,y=2\", error=\"insufficient_scope\", "
                       "error_description=\"a \\\"quoted\\\" word, and a back\\\\slash\""));
        QCOMPARE(challenges.size(), 1);
        const AuthChallenge &c = challenges.constFirst();
        QCOMPARE(c.realm(), QStringLiteral("https://a.example/t?x=1,y=2"));
        QCOMPARE(c.error(), QStringLiteral("insufficient_scope"));
        QCOMPARE(c.errorDescription(), QStringLiteral("a \"quoted\" word, and a back\\slash"));
    }

    void severalChallenges()
    {
        const QList<AuthChallenge> challenges = AuthChallenge::parse(
            QByteArray("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\", "
                       "Bearer realm=\"https://t/\" , scope=\"repository:a:pull repository:b:pull\""));
        QCOMPARE(challenges.size(), 3);
        QCOMPARE(challenges.at(0).scheme(), QStringLiteral("newauth"));
        QCOMPARE(challenges.at(0).parameter(QStringLiteral("type")), QStringLiteral("1"));
        QCOMPARE(challenges.at(0).parameter(QStringLiteral("title")), QStringLiteral("Login to \"apps\""));
        QCOMPARE(challenges.at(1).realm(), QStringLiteral("simple"));
        QVERIFY(challenges.at(2).isBearer());
        QCOMPARE(challenges.at(2).scopes(),
                 QStringList({QStringLiteral("repository:a:pull"), QStringLiteral("repository:b:pull")}));

        // The same as separate header lines.
        const QList<AuthChallenge> fromLines = AuthChallenge::parse(
            QList<QByteArray>{QByteArray("Basic realm=\"simple\""), QByteArray("Bearer realm=\"https://t/\"")});
        QCOMPARE(fromLines.size(), 2);
        QVERIFY(fromLines.at(0).isBasic());
        QVERIFY(fromLines.at(1).isBearer());
    }

    void token68AndBareSchemes()
    {
        QList<AuthChallenge> challenges = AuthChallenge::parse(QByteArray("Negotiate YII=, Basic"));
        QCOMPARE(challenges.size(), 2);
        QCOMPARE(challenges.at(0).token68(), QStringLiteral("YII="));
        QVERIFY(challenges.at(0).parameters().isEmpty());
        QVERIFY(challenges.at(1).isBasic());
        QVERIFY(challenges.at(1).realm().isEmpty());

        challenges = AuthChallenge::parse(QByteArray("Bearer realm=https://unquoted.example/token,service=reg"));
        QCOMPARE(challenges.size(), 1);
        QCOMPARE(challenges.constFirst().realm(), QStringLiteral("https://unquoted.example/token"));
        QCOMPARE(challenges.constFirst().service(), QStringLiteral("reg"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("no challenge");
        QTest::newRow("unterminated quote") << QByteArray("Bearer realm=\"https://x") << QStringLiteral("unterminated");
        QTest::newRow("missing value") << QByteArray("Bearer realm=\"x\", service=")
                                       << QStringLiteral("expected a value");
        QTest::newRow("garbage after value") << QByteArray("Bearer realm=\"a\" \"b\"") << QStringLiteral("comma");
        QTest::newRow("no scheme") << QByteArray("=abc") << QStringLiteral("scheme");
    }

    void malformed()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(AuthChallenge::parse(header, &error).isEmpty());
        QVERIFY2(error.contains(expected), qUtf8Printable(error));
        QVERIFY(error.startsWith(QStringLiteral("malformed WWW-Authenticate header")));
    }
};

QTEST_GUILESS_MAIN(tst_AuthChallenge)
#include "tst_authchallenge.moc"
