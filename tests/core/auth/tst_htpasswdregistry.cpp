#include "curlrunner.h"
#include "htpasswdfile.h"
#include "registry/authchallenge.h"
#include "registry/credentialstore.h"
#include "registryfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Basic auth test infrastructure: an htpasswd-protected registry, and credentials from an auth file that it accepts.
class tst_HtpasswdRegistry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RegistryFixture> m_registry;

    QString v2() const { return QStringLiteral("http://") + m_registry->address() + QStringLiteral("/v2/"); }

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        HtpasswdFile htpasswd(m_dir.filePath(QStringLiteral("htpasswd")));
        QString error;
        QVERIFY2(htpasswd.addUser(QStringLiteral("carol"), QStringLiteral("s3cret:with colon"), &error),
                 qUtf8Printable(error));
        QVERIFY2(htpasswd.addUser(QStringLiteral("dave"), QStringLiteral("other"), &error), qUtf8Printable(error));
        QFile file(htpasswd.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QCOMPARE(content.count('\n'), 2);
        QVERIFY(content.startsWith("carol:$2y$04$"));
        QVERIFY(!content.contains("s3cret"));

        RegistryFixture::Options options;
        options.htpasswdFile = htpasswd.path();
        m_registry = std::make_unique<RegistryFixture>(options);
        QVERIFY2(m_registry->start(&error), qUtf8Printable(error));
    }

    void challengesWithBasic()
    {
        const CurlResult result = runCurl({v2()});
        QCOMPARE(result.status, 401);
        const QList<AuthChallenge> challenges = AuthChallenge::parse(result.header("WWW-Authenticate"));
        QCOMPARE(challenges.size(), 1);
        QVERIFY(challenges.constFirst().isBasic());
        QCOMPARE(challenges.constFirst().realm(), QStringLiteral("ferry-test"));
    }

    void credentialsFromAnAuthFile()
    {
        const QString authFile = m_dir.filePath(QStringLiteral("auth.json"));
        QFile file(authFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("{\"auths\": {\"%1/team\": {\"auth\": \"%2\"}, \"%1\": {\"auth\": \"%3\"}}}")
                       .arg(m_registry->address(),
                            QString::fromLatin1(QByteArray("carol:s3cret:with colon").toBase64()),
                            QString::fromLatin1(QByteArray("dave:wrong").toBase64()))
                       .toUtf8());
        file.close();
        QString error;
        const CredentialStore store = CredentialStore::load(authFile, &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));

        const std::optional<Credential> carol = store.find(m_registry->address(), QStringLiteral("team/app"));
        QVERIFY(carol);
        QCOMPARE(carol->username(), QStringLiteral("carol"));
        const QString header = QStringLiteral("Authorization: ") + QString::fromLatin1(carol->basicAuthorization());
        QCOMPARE(runCurl({QStringLiteral("-H"), header, v2()}).status, 200);

        // The less specific key has a wrong password: refused.
        const std::optional<Credential> dave = store.find(m_registry->address(), QStringLiteral("other/app"));
        QVERIFY(dave);
        QCOMPARE(dave->username(), QStringLiteral("dave"));
        QCOMPARE(runCurl({QStringLiteral("-H"),
                          QStringLiteral("Authorization: ") + QString::fromLatin1(dave->basicAuthorization()), v2()})
                     .status,
                 401);
        QCOMPARE(runCurl({v2()}, curlUserConfig(QStringLiteral("dave"), QStringLiteral("other"))).status, 200);
    }

    void cleanupTestCase()
    {
        if (m_registry)
            m_registry->stop();
    }
};

QTEST_GUILESS_MAIN(tst_HtpasswdRegistry)
#include "tst_htpasswdregistry.moc"
