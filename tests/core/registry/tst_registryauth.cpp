#include "htpasswdfile.h"
#include "registry/registryclient.h"
#include "registryfixture.h"
#include "testimages.h"
#include "tokenservice.h"

#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

// Authentication against the real registry: Basic (htpasswd) and Docker token auth (bearer tokens from a token
// service), with credentials from a containers auth file. Secrets never appear in errors.
class TestRegistryAuth : public QObject
{
    Q_OBJECT

private:
    static constexpr const char *User = "ferry";
    static constexpr const char *Password = "s3cret-Pa55:word";
    static constexpr const char *WrongPassword = "wrong-Pa55-9137";

    QTemporaryDir m_dir;
    TokenService m_tokens;
    std::unique_ptr<RegistryFixture> m_basic;
    std::unique_ptr<RegistryFixture> m_bearer;

    // An auth file for the registry at address with user and password; returns the loaded store.
    CredentialStore store(const QString &address, const QString &password, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const QByteArray auth = (QString::fromLatin1(User) + QLatin1Char(':') + password).toUtf8().toBase64();
        QSaveFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(QByteArray("{\"auths\":{\"") + address.toUtf8() + "\":{\"auth\":\"" + auth + "\"}}}");
        file.commit();
        QString error;
        CredentialStore loaded = CredentialStore::loadFile(path, &error);
        if (!error.isEmpty())
            qWarning("%s", qUtf8Printable(error));
        return loaded;
    }
    std::unique_ptr<RegistryClient> client(const RegistryFixture &registry,
                                           const std::optional<CredentialStore> &credentials)
    {
        RegistryClient::Options options;
        options.retry = RetryPolicy(1, std::chrono::milliseconds(20));
        auto client = std::make_unique<RegistryClient>(options);
        client->setInsecure(registry.address(), true);
        if (credentials)
            client->setCredentialStore(*credentials);
        return client;
    }
    void pushImage(RegistryClient &client, const ImageReference &reference, const TestImage &image)
    {
        const QString error = pushTestImage(client, reference, image);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
    }
    static void verifyNoSecret(const RegistryError &error)
    {
        for (const char *secret : {Password, WrongPassword}) {
            const QString text = error.toString() + error.message() + error.url().toString();
            QVERIFY2(!text.contains(QLatin1String(secret)), qUtf8Printable(text));
            const QString encoded = QString::fromLatin1(
                (QString::fromLatin1(User) + QLatin1Char(':') + QLatin1String(secret)).toUtf8().toBase64());
            QVERIFY2(!text.contains(encoded), qUtf8Printable(text));
        }
    }

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        QString error;
        HtpasswdFile htpasswd(m_dir.filePath(QStringLiteral("htpasswd")));
        QVERIFY2(htpasswd.addUser(QString::fromLatin1(User), QString::fromLatin1(Password), &error),
                 qUtf8Printable(error));
        RegistryFixture::Options basic;
        basic.htpasswdFile = htpasswd.path();
        m_basic = std::make_unique<RegistryFixture>(basic);
        QVERIFY2(m_basic->start(&error), qUtf8Printable(error));

        m_tokens.addUser(QString::fromLatin1(User), QString::fromLatin1(Password));
        m_tokens.allow(QString::fromLatin1(User), QStringLiteral("team/*"),
                       {QStringLiteral("pull"), QStringLiteral("push"), QStringLiteral("delete")});
        m_tokens.allow(QString(), QStringLiteral("public/*"), {QStringLiteral("pull")});
        QVERIFY2(m_tokens.start(&error), qUtf8Printable(error));
        RegistryFixture::Options bearer;
        bearer.token = m_tokens.registryAuth();
        m_bearer = std::make_unique<RegistryFixture>(bearer);
        QVERIFY2(m_bearer->start(&error), qUtf8Printable(error));
    }

    void basicAuth()
    {
        const auto good =
            client(*m_basic, store(m_basic->address(), QString::fromLatin1(Password), QStringLiteral("basic.json")));
        const ImageReference reference = *ImageReference::parse(m_basic->address() + QStringLiteral("/team/app:v1"));
        const TestImage image = makeImage(false, QStringLiteral("amd64"), 2, 4000);
        pushImage(*good, reference, image);
        const auto fetched = await(good->getManifest(reference));
        QVERIFY2(fetched.isOk(), qUtf8Printable(fetched.error().toString()));
        QCOMPARE(fetched->bytes(), image.manifest.bytes());

        const auto anonymous = client(*m_basic, std::nullopt);
        const auto refused = await(anonymous->getManifest(reference));
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().kind(), RegistryError::Kind::Unauthorized);
        QCOMPARE(refused.error().httpStatus(), 401);

        const auto wrong = client(
            *m_basic, store(m_basic->address(), QString::fromLatin1(WrongPassword), QStringLiteral("wrong.json")));
        const auto denied = await(wrong->getManifest(reference));
        QVERIFY(!denied.isOk());
        QCOMPARE(denied.error().kind(), RegistryError::Kind::Unauthorized);
        verifyNoSecret(denied.error());
    }

    void bearerTokens()
    {
        const auto good =
            client(*m_bearer, store(m_bearer->address(), QString::fromLatin1(Password), QStringLiteral("bearer.json")));
        const ImageReference reference = *ImageReference::parse(m_bearer->address() + QStringLiteral("/team/app:v1"));
        const TestImage image = makeImage(true, QStringLiteral("arm64"), 3, 5000);
        m_tokens.resetCounters();
        pushImage(*good, reference, image);
        if (QTest::currentTestFailed())
            return;
        // Four blob uploads and a manifest: one token for the push scope, reused.
        QCOMPARE(m_tokens.requestCount(QStringLiteral("repository:team/app:pull,push")), 1);
        const auto fetched = await(good->getManifest(reference));
        QVERIFY2(fetched.isOk(), qUtf8Printable(fetched.error().toString()));
        QCOMPARE(fetched->bytes(), image.manifest.bytes());
        QVERIFY(await(good->listTags(reference)).isOk());
        QCOMPARE(m_tokens.requestCount(QStringLiteral("repository:team/app:pull")), 1);

        // A mount asks for pull on the source repository in the same token.
        const ImageReference other = *ImageReference::parse(m_bearer->address() + QStringLiteral("/team/other"));
        const auto mounted = await(good->copyBlob(reference, other, image.manifest.layers().first()));
        QVERIFY2(mounted.isOk(), qUtf8Printable(mounted.error().toString()));
        QCOMPARE(mounted.value(), BlobTransfer::Outcome::Mounted);
        QVERIFY(m_tokens.lastScopes().contains(QStringLiteral("repository:team/app:pull")));
        QVERIFY(m_tokens.lastScopes().contains(QStringLiteral("repository:team/other:pull,push")));

        const auto anonymous = client(*m_bearer, std::nullopt);
        const auto refused = await(anonymous->getManifest(reference));
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().kind(), RegistryError::Kind::Unauthorized);

        const auto wrong = client(
            *m_bearer, store(m_bearer->address(), QString::fromLatin1(WrongPassword), QStringLiteral("wrong2.json")));
        const auto denied = await(wrong->getManifest(reference));
        QVERIFY(!denied.isOk());
        QCOMPARE(denied.error().kind(), RegistryError::Kind::Unauthorized);
        QVERIFY2(denied.error().message().contains(QLatin1String("authentication")),
                 qUtf8Printable(denied.error().toString()));
        verifyNoSecret(denied.error());
    }
};

QTEST_GUILESS_MAIN(TestRegistryAuth)
#include "tst_registryauth.moc"
