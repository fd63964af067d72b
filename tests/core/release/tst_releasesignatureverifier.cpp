#include "release/releasesignatureverifier.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Digest = QStringLiteral("sha256:7c4e7e9b4a3f6bb4b7ef1b7e3ffb2be4c3c0f8f4d9a53b1f3e3e0c1d2a6b5f41");
const QString OtherDigest = QStringLiteral("sha256:0000000000000000000000000000000000000000000000000000000000000001");

QByteArray atomicSignature(const QString &digest, const QString &reference,
                           const QString &type = QStringLiteral("atomic container signature"))
{
    return QStringLiteral(
               R"({"critical":{"image":{"docker-manifest-digest":"%1"},"type":"%2","identity":)"
               R"({"docker-reference":"%3"}},"optional":{"creator":"Red Hat OpenShift Signing Authority 0.0.1"}})")
        .arg(digest, type, reference)
        .toUtf8();
}

} // namespace

class TestReleaseSignatureVerifier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_gnupg; // the signer's keyring, never the verifier's
    QByteArray m_keyA;
    QByteArray m_keyB;

    QByteArray gpg(const QStringList &arguments, const QByteArray &input = QByteArray())
    {
        QProcess process;
        process.start(QStringLiteral("gpg"),
                      QStringList{QStringLiteral("--batch"), QStringLiteral("--homedir"), m_gnupg.path(),
                                  QStringLiteral("--pinentry-mode"), QStringLiteral("loopback"),
                                  QStringLiteral("--passphrase"), QString()} +
                          arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            qFatal("gpg %s failed: %s", qUtf8Printable(arguments.join(QLatin1Char(' '))),
                   process.readAllStandardError().constData());
        return process.readAllStandardOutput();
    }

    QByteArray sign(const char *user, const QByteArray &content)
    {
        // Uncompressed, so a byte of the signed text can be changed in place.
        return gpg({QStringLiteral("--local-user"), QString::fromUtf8(user), QStringLiteral("--compress-algo"),
                    QStringLiteral("none"), QStringLiteral("--sign")},
                   content);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_gnupg.isValid());
        for (const char *user : {"a@ferry.invalid", "b@ferry.invalid"})
            gpg({QStringLiteral("--quick-gen-key"), QStringLiteral("Ferry Test <%1>").arg(QString::fromUtf8(user)),
                 QStringLiteral("ed25519"), QStringLiteral("sign"), QStringLiteral("never")});
        m_keyA = gpg({QStringLiteral("--armor"), QStringLiteral("--export"), QStringLiteral("a@ferry.invalid")});
        m_keyB = gpg({QStringLiteral("--armor"), QStringLiteral("--export"), QStringLiteral("b@ferry.invalid")});
        QVERIFY(m_keyA.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    }

    void cleanupTestCase()
    {
        QProcess::execute(QStringLiteral("gpgconf"), {QStringLiteral("--homedir"), m_gnupg.path(),
                                                      QStringLiteral("--kill"), QStringLiteral("gpg-agent")});
    }

    void verifiesAndStores()
    {
        QTemporaryDir keyDir;
        const QString keyFile = keyDir.filePath(QStringLiteral("release.pub"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_keyA);
        file.close();

        ReleaseSignatureVerifier verifier;
        QProcessEnvironment env;
        env.insert(QStringLiteral("OCP_SIGNATURE_VERIFICATION_PK"), keyFile);
        QString error;
        QVERIFY2(verifier.loadKeyFromEnvironment(env, &error), qUtf8Printable(error));
        QCOMPARE(verifier.fingerprints().size(), 1);

        const QByteArray content =
            atomicSignature(Digest, QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64"));
        const QByteArray signature = sign("a@ferry.invalid", content);
        QTemporaryDir workingDir;
        const auto result = verifier.verifyAndStore(signature, Digest, workingDir.path());
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.releaseTag, QStringLiteral("4.18.5-x86_64"));
        QCOMPARE(result.dockerReference, QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64"));
        QCOMPARE(result.digest, Digest);
        QCOMPARE(result.creator, QStringLiteral("Red Hat OpenShift Signing Authority 0.0.1"));
        QCOMPARE(result.signedContent, content);
        QVERIFY(verifier.fingerprints().first().endsWith(result.fingerprint));
        const QString stored = workingDir.path() + QStringLiteral("/signatures/4.18.5-x86_64-sha256-") + Digest.mid(7);
        QCOMPARE(result.storedPath, stored);
        QFile storedFile(stored);
        QVERIFY(storedFile.open(QIODevice::ReadOnly));
        QCOMPARE(storedFile.readAll(), signature);
        QCOMPARE(ReleaseSignatureVerifier::findStored(workingDir.path(), Digest), stored);
        QCOMPARE(ReleaseSignatureVerifier::findStored(workingDir.path(), OtherDigest), QString());

        // An identity without a tag names the payload by its digest.
        const auto digestOnly = verifier.verify(
            sign("a@ferry.invalid",
                 atomicSignature(Digest, QStringLiteral("quay.io/openshift-release-dev/ocp-release@") + Digest)),
            Digest);
        QVERIFY2(digestOnly.isOk(), qUtf8Printable(digestOnly.error));
        QCOMPARE(digestOnly.releaseTag, Digest.mid(7));
    }

    void refusesBadSignatures()
    {
        ReleaseSignatureVerifier verifier;
        QString error;
        QVERIFY2(verifier.loadKey(m_keyA, QStringLiteral("key A"), &error), qUtf8Printable(error));
        const QByteArray content =
            atomicSignature(Digest, QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64"));

        QByteArray tampered = sign("a@ferry.invalid", content);
        const qsizetype at = tampered.indexOf("4.18.5");
        QVERIFY(at > 0);
        tampered[at + 5] = '6';
        auto result = verifier.verify(tampered, Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::BadSignature);
        QCOMPARE(result.error, QStringLiteral("release signature for %1: the signature does not match the signed "
                                              "content (modified or corrupt)")
                                   .arg(Digest));
        QVERIFY(result.releaseTag.isEmpty());

        result = verifier.verify(sign("b@ferry.invalid", content), Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::UnknownKey);
        QVERIFY2(result.error.contains(QStringLiteral("which is not a loaded verification key")),
                 qUtf8Printable(result.error));

        result = verifier.verify(sign("a@ferry.invalid", content), OtherDigest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::DigestMismatch);
        QCOMPARE(result.error, QStringLiteral("release signature for %1: the signature is for %2, not for this payload")
                                   .arg(OtherDigest, Digest));

        result = verifier.verify(
            sign("a@ferry.invalid", atomicSignature(Digest, QStringLiteral("quay.io/x/y:1"), QStringLiteral("other"))),
            Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::InvalidContent);
        QVERIFY2(result.error.contains(QStringLiteral("critical.type: expected \"atomic container signature\", got "
                                                      "\"other\"")),
                 qUtf8Printable(result.error));

        result = verifier.verify(sign("a@ferry.invalid", "not json"), Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::InvalidContent);

        result = verifier.verify("this is no OpenPGP message", Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::Malformed);
        QVERIFY2(result.error.contains(QStringLiteral("not a valid OpenPGP signed message")),
                 qUtf8Printable(result.error));

        result = verifier.verify(QByteArray(), Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::Malformed);
    }

    void keyProblems()
    {
        ReleaseSignatureVerifier verifier;
        auto result = verifier.verify(sign("a@ferry.invalid", "{}"), Digest);
        QCOMPARE(result.errorKind, ReleaseSignatureVerifier::ErrorKind::NoKey);

        QString error;
        // Without OCP_SIGNATURE_VERIFICATION_PK the Red Hat keys compiled into Ferry are used (tst_embeddedreleasekey).
        ReleaseSignatureVerifier embedded;
        QVERIFY2(embedded.loadKeyFromEnvironment(QProcessEnvironment(), &error), qUtf8Printable(error));
        QVERIFY(embedded.fingerprints().contains(QStringLiteral("567E347AD0044ADE55BA8A5F199E2F91FD431D51")));
        QProcessEnvironment missing;
        missing.insert(QStringLiteral("OCP_SIGNATURE_VERIFICATION_PK"), QStringLiteral("/nonexistent/override.pub"));
        QVERIFY(!verifier.loadKeyFromEnvironment(missing, &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/override.pub")), qUtf8Printable(error));
        QVERIFY(!verifier.loadKey("garbage", QStringLiteral("garbage.pub"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("release verification key \"garbage.pub\": ")), qUtf8Printable(error));
        QVERIFY(!verifier.loadKeyFile(QStringLiteral("/nonexistent/key.pub"), &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/key.pub")), qUtf8Printable(error));

        // Both keys loaded: both signers are accepted.
        QVERIFY(verifier.loadKey(m_keyA, QStringLiteral("A"), &error));
        QVERIFY(verifier.loadKey(m_keyB, QStringLiteral("B"), &error));
        QCOMPARE(verifier.fingerprints().size(), 2);
        result = verifier.verify(
            sign("b@ferry.invalid",
                 atomicSignature(Digest, QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.16.1-multi"))),
            Digest);
        QVERIFY2(result.isOk(), qUtf8Printable(result.error));
        QCOMPARE(result.releaseTag, QStringLiteral("4.16.1-multi"));
    }

    void leavesTheUserKeyringAlone()
    {
        QTemporaryDir userHome;
        qputenv("GNUPGHOME", QFile::encodeName(userHome.path()));
        {
            ReleaseSignatureVerifier verifier;
            QVERIFY(verifier.loadKey(m_keyA, QStringLiteral("A")));
            QVERIFY(
                verifier
                    .verify(sign("a@ferry.invalid", atomicSignature(Digest, QStringLiteral("quay.io/a/b:1"))), Digest)
                    .isOk());
        }
        qunsetenv("GNUPGHOME");
        QVERIFY(QDir(userHome.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReleaseSignatureVerifier)
#include "tst_releasesignatureverifier.moc"
