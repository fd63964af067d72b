#include "curlrunner.h"
#include "registry/certificatedirectory.h"
#include "registryfixture.h"
#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_CertificateDirectory : public QObject
{
    Q_OBJECT

private:
    static bool copy(const QString &from, const QString &to)
    {
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::remove(to);
        return QFile::copy(from, to);
    }
    static void write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    QString root(int index) const { return m_dir.filePath(QStringLiteral("root%1").arg(index)); }
    CertificateDirectory directory() const { return CertificateDirectory({root(1), root(2), root(3)}); }

    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certificates;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificates = std::make_unique<TestCertificates>(m_dir.filePath(QStringLiteral("pki")));
        QString error;
        QVERIFY2(m_certificates->generate(&error), qUtf8Printable(error));
    }

    void init()
    {
        for (int i = 1; i <= 3; ++i)
            QDir(root(i)).removeRecursively();
    }

    void defaultRoots()
    {
        QCOMPARE(CertificateDirectory::defaultRoots(),
                 QStringList({QDir::homePath() + QStringLiteral("/.config/containers/certs.d"),
                              QStringLiteral("/etc/containers/certs.d"), QStringLiteral("/etc/docker/certs.d")}));
        QCOMPARE(CertificateDirectory().roots(), CertificateDirectory::defaultRoots());
    }

    void readsCasAndClientPairs()
    {
        const QString host = root(2) + QStringLiteral("/127.0.0.1:5000");
        QVERIFY(copy(m_certificates->caCertificate(), host + QStringLiteral("/ca.crt")));
        QVERIFY(copy(m_certificates->clientCertificate(), host + QStringLiteral("/client.cert")));
        QVERIFY(copy(m_certificates->clientKey(), host + QStringLiteral("/client.key")));
        // A bundle of two CAs in one file.
        QFile ca(m_certificates->caCertificate());
        QFile server(m_certificates->serverCertificate());
        QVERIFY(ca.open(QIODevice::ReadOnly) && server.open(QIODevice::ReadOnly));
        write(host + QStringLiteral("/bundle.crt"), ca.readAll() + server.readAll());
        write(host + QStringLiteral("/README"), "ignored");

        QString error;
        const std::optional<CertificateDirectory::Material> material =
            directory().lookup(QStringLiteral("127.0.0.1:5000"), &error);
        QVERIFY2(material, qUtf8Printable(error));
        QCOMPARE(material->directory, host);
        QCOMPARE(material->caCertificates.size(), 3);
        const QSslCertificate expectedCa = QSslCertificate::fromPath(m_certificates->caCertificate()).constFirst();
        // bundle.crt (CA, server) sorts before ca.crt.
        QCOMPARE(material->caCertificates.at(0), expectedCa);
        QCOMPARE(material->caCertificates.at(2), expectedCa);
        QVERIFY(material->caCertificates.at(1) != expectedCa);
        QCOMPARE(material->clientCertificates.size(), 1);
        const CertificateDirectory::ClientCertificate &client = material->clientCertificates.constFirst();
        QCOMPARE(client.certificateFile, host + QStringLiteral("/client.cert"));
        QCOMPARE(client.keyFile, host + QStringLiteral("/client.key"));
        QVERIFY(!client.key.isNull());
        QCOMPARE(client.key.algorithm(), QSsl::Ec);
        QCOMPARE(client.certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("ferry-test-client")});

        // Another port is another directory.
        const std::optional<CertificateDirectory::Material> other =
            directory().lookup(QStringLiteral("127.0.0.1:5001"), &error);
        QVERIFY(other);
        QVERIFY(other->isEmpty());
        QVERIFY(other->directory.isEmpty());
    }

    void firstRootWithTheHostWins()
    {
        QVERIFY(copy(m_certificates->caCertificate(), root(3) + QStringLiteral("/registry.example/ca.crt")));
        QVERIFY(QDir().mkpath(root(1) + QStringLiteral("/registry.example")));
        QString error;
        std::optional<CertificateDirectory::Material> material =
            directory().lookup(QStringLiteral("registry.example"), &error);
        QVERIFY(material);
        // The (empty) user directory hides the system ones, as in containers/image.
        QCOMPARE(material->directory, root(1) + QStringLiteral("/registry.example"));
        QVERIFY(material->isEmpty());
        QVERIFY(QDir(root(1)).removeRecursively());
        material = directory().lookup(QStringLiteral("registry.example"), &error);
        QCOMPARE(material->directory, root(3) + QStringLiteral("/registry.example"));
        QCOMPARE(material->caCertificates.size(), 1);
    }

    void explicitDirectory()
    {
        const QString dir = m_dir.filePath(QStringLiteral("certdir"));
        QVERIFY(copy(m_certificates->caCertificate(), dir + QStringLiteral("/ca.crt")));
        QString error;
        const std::optional<CertificateDirectory::Material> material =
            CertificateDirectory::forDirectory(dir).lookup(QStringLiteral("any.host:1"), &error);
        QVERIFY2(material, qUtf8Printable(error));
        QCOMPARE(material->directory, dir);
        QCOMPARE(material->caCertificates.size(), 1);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cert without key")
            << QStringLiteral("client.cert") << QByteArray("x") << QStringLiteral("missing key");
        QTest::newRow("key without cert")
            << QStringLiteral("client.key") << QByteArray("x") << QStringLiteral("missing client certificate");
        QTest::newRow("not a certificate")
            << QStringLiteral("ca.crt") << QByteArray("not PEM at all") << QStringLiteral("holds no PEM certificate");
    }

    void errors()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = root(1) + QStringLiteral("/h:1/") + file;
        write(path, content);
        QString error;
        QVERIFY(!directory().lookup(QStringLiteral("h:1"), &error));
        QVERIFY2(error.contains(expected) && error.contains(path), qUtf8Printable(error));
    }

    void badKeyIsNamedNotShown()
    {
        const QString host = root(1) + QStringLiteral("/h:2");
        QVERIFY(copy(m_certificates->clientCertificate(), host + QStringLiteral("/client.cert")));
        write(host + QStringLiteral("/client.key"),
              "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n");
        QString error;
        QVERIFY(!directory().lookup(QStringLiteral("h:2"), &error));
        QVERIFY2(error.contains(host + QStringLiteral("/client.key")), qUtf8Printable(error));
        QVERIFY(!error.contains(QStringLiteral("c2VjcmV0")));
    }

    void hostCannotLeaveTheRoot()
    {
        QString error;
        QVERIFY(!directory().lookup(QStringLiteral("../etc"), &error));
        QVERIFY(!directory().lookup(QStringLiteral("a/b"), &error));
        QVERIFY(!directory().lookup(QString(), &error));
        QVERIFY(error.contains(QStringLiteral("host")));
    }

    // The generated PKI serves a real TLS registry that curl trusts only with the CA from certs.d.
    void tlsRegistryTrustsTheTestCa()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        RegistryFixture::Options options;
        options.tlsCertificate = m_certificates->serverCertificate();
        options.tlsKey = m_certificates->serverKey();
        RegistryFixture registry(options);
        QString error;
        QVERIFY2(registry.start(&error), qUtf8Printable(error));
        QVERIFY(copy(m_certificates->caCertificate(),
                     root(2) + QLatin1Char('/') + registry.address() + QStringLiteral("/ca.crt")));
        const std::optional<CertificateDirectory::Material> material = directory().lookup(registry.address(), &error);
        QVERIFY2(material && material->caCertificates.size() == 1, qUtf8Printable(error));
        const QString url = QStringLiteral("https://") + registry.address() + QStringLiteral("/v2/");

        const CurlResult untrusted = runCurl({url});
        QCOMPARE(untrusted.exitCode, 60); // peer certificate cannot be authenticated
        const CurlResult trusted =
            runCurl({QStringLiteral("--cacert"), material->directory + QStringLiteral("/ca.crt"), url});
        QCOMPARE(trusted.exitCode, 0);
        QCOMPARE(trusted.status, 200);
        // Also by name.
        const CurlResult byName =
            runCurl({QStringLiteral("--cacert"), m_certificates->caCertificate(), QStringLiteral("--resolve"),
                     QStringLiteral("localhost:%1:127.0.0.1").arg(registry.port()),
                     QStringLiteral("https://localhost:%1/v2/").arg(registry.port())});
        QCOMPARE(byName.status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_CertificateDirectory)
#include "tst_certificatedirectory.moc"
