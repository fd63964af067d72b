#include "registry/registryclient.h"
#include "registryfixture.h"
#include "testcertificates.h"
#include "testimages.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

// TLS: a registry with a certificate from a CA generated here is trusted through a certs.d directory, refused
// without it, and accepted without verification only when marked insecure. A verifying client never falls back to
// plain HTTP.
class TestRegistryTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certificates;
    std::unique_ptr<RegistryFixture> m_registry;
    QString m_certsRoot;

    ImageReference ref(const QString &rest) const
    {
        return *ImageReference::parse(m_registry->address() + QLatin1Char('/') + rest);
    }

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        m_certificates = std::make_unique<TestCertificates>(m_dir.filePath(QStringLiteral("pki")));
        QString error;
        QVERIFY2(m_certificates->generate(&error), qUtf8Printable(error));
        RegistryFixture::Options options;
        options.tlsCertificate = m_certificates->serverCertificate();
        options.tlsKey = m_certificates->serverKey();
        m_registry = std::make_unique<RegistryFixture>(options);
        QVERIFY2(m_registry->start(&error), qUtf8Printable(error));

        // certs.d/<host:port>/ca.crt under a root of the test's own.
        m_certsRoot = m_dir.filePath(QStringLiteral("certs.d"));
        QVERIFY(QDir().mkpath(m_certsRoot + QLatin1Char('/') + m_registry->address()));
        QVERIFY(QFile::copy(m_certificates->caCertificate(),
                            m_certsRoot + QLatin1Char('/') + m_registry->address() + QStringLiteral("/ca.crt")));
    }

    void trustedThroughCertsDirectory()
    {
        RegistryClient client;
        client.setCertificateDirectory(CertificateDirectory({m_certsRoot}));
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 2, 50000);
        const ImageReference reference = ref(QStringLiteral("tls/app:v1"));
        const QString pushError = pushTestImage(client, reference, image);
        QVERIFY2(pushError.isEmpty(), qUtf8Printable(pushError));
        const auto fetched = await(client.getManifest(reference));
        QVERIFY2(fetched.isOk(), qUtf8Printable(fetched.error().toString()));
        QCOMPARE(fetched->bytes(), image.manifest.bytes());
        // Streamed copy between two repositories over TLS, without mounting.
        BlobTransfer::Options options;
        options.tryMount = false;
        const auto copied =
            await(client.copyBlob(reference, ref(QStringLiteral("tls/copy")), image.manifest.layers().at(1), options));
        QVERIFY2(copied.isOk(), qUtf8Printable(copied.error().toString()));
        QCOMPARE(copied.value(), BlobTransfer::Outcome::Copied);
        QCOMPARE(skopeoRaw(reference.toString()), image.manifest.bytes());
    }

    void refusedWithoutTrust()
    {
        RegistryClient::Options options;
        options.retry = RetryPolicy(0, std::chrono::milliseconds(0));
        RegistryClient client(options);
        client.setCertificateDirectory(CertificateDirectory({m_dir.filePath(QStringLiteral("empty"))}));
        const auto fetched = await(client.getManifest(ref(QStringLiteral("tls/app:v1"))));
        QVERIFY(!fetched.isOk());
        QCOMPARE(fetched.error().kind(), RegistryError::Kind::Network);
        QVERIFY2(fetched.error().message().contains(QLatin1String("TLS verification")),
                 qUtf8Printable(fetched.error().toString()));
    }

    void insecureAcceptsSelfSigned()
    {
        RegistryClient client;
        client.setCertificateDirectory(CertificateDirectory({m_dir.filePath(QStringLiteral("empty"))}));
        client.setInsecure(m_registry->address(), true);
        const auto fetched = await(client.getManifest(ref(QStringLiteral("tls/app:v1"))));
        QVERIFY2(fetched.isOk(), qUtf8Printable(fetched.error().toString()));
    }

    void verifyingClientDoesNotFallBackToHttp()
    {
        RegistryFixture plain;
        QString error;
        QVERIFY2(plain.start(&error), qUtf8Printable(error));
        RegistryClient::Options options;
        options.retry = RetryPolicy(0, std::chrono::milliseconds(0));
        RegistryClient client(options);
        client.setCertificateDirectory(CertificateDirectory({m_dir.filePath(QStringLiteral("empty"))}));
        const ImageReference reference = *ImageReference::parse(plain.address() + QStringLiteral("/x/y:1"));
        const auto refused = await(client.listTags(reference));
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().kind(), RegistryError::Kind::Network);
        // Marked insecure, the same registry answers over HTTP (404: no such repository).
        client.setInsecure(plain.address(), true);
        const auto answered = await(client.listTags(reference));
        QVERIFY(!answered.isOk());
        QCOMPARE(answered.error().httpStatus(), 404);
        QVERIFY(answered.error().url().toString().startsWith(QLatin1String("http://")));
    }
};

QTEST_GUILESS_MAIN(TestRegistryTls)
#include "tst_registrytls.moc"
