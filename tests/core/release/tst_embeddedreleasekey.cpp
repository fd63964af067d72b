#include "release/releasesignatureverifier.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Red Hat's release keys are compiled into ferry_core (a static library) as a Qt resource: they must be linked into
// every program that uses the verifier and be the genuine keys.
class TestEmbeddedReleaseKey : public QObject
{
    Q_OBJECT

private:
    // Fingerprints as Red Hat publishes them (https://access.redhat.com/security/team/key), written out by hand.
    const QString m_releaseKey2 = QStringLiteral("567E347AD0044ADE55BA8A5F199E2F91FD431D51");
    const QString m_betaKey2 = QStringLiteral("B08B659EE86AF623BC90E8DB938A80CAF21541EB");

private slots:
    void resourceIsLinked()
    {
        QFile key(QLatin1String(ReleaseSignatureVerifier::EmbeddedKeyResource));
        QVERIFY2(key.open(QIODevice::ReadOnly), qUtf8Printable(key.errorString()));
        const QByteArray armored = key.readAll();
        QVERIFY(armored.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
        QVERIFY(armored.contains("-----END PGP PUBLIC KEY BLOCK-----"));
        QVERIFY(!armored.contains("PRIVATE KEY"));
    }

    void embeddedKeyHasRedHatFingerprints()
    {
        ReleaseSignatureVerifier verifier;
        QString error;
        QVERIFY2(verifier.loadEmbeddedKey(&error), qUtf8Printable(error));
        QStringList fingerprints = verifier.fingerprints();
        fingerprints.sort();
        QCOMPARE(fingerprints, QStringList({m_releaseKey2, m_betaKey2}));
    }

    void usedWhenNoOverrideIsSet()
    {
        ReleaseSignatureVerifier verifier;
        QString error;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("UNRELATED"), QStringLiteral("1"));
        QVERIFY2(verifier.loadKeyFromEnvironment(environment, &error), qUtf8Printable(error));
        QVERIFY(verifier.fingerprints().contains(m_releaseKey2));
    }

    void overrideReplacesTheEmbeddedKey()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto gpg = [&](const QStringList &arguments) {
            QProcess process;
            process.start(QStringLiteral("gpg"),
                          QStringList{QStringLiteral("--batch"), QStringLiteral("--homedir"), home.path(),
                                      QStringLiteral("--pinentry-mode"), QStringLiteral("loopback"),
                                      QStringLiteral("--passphrase"), QString()} +
                              arguments);
            process.waitForFinished(60000);
            return process.exitCode() == 0 ? process.readAllStandardOutput() : QByteArray();
        };
        gpg({QStringLiteral("--quick-gen-key"), QStringLiteral("Override <override@ferry.invalid>"),
             QStringLiteral("ed25519"), QStringLiteral("sign"), QStringLiteral("never")});
        const QByteArray exported =
            gpg({QStringLiteral("--armor"), QStringLiteral("--export"), QStringLiteral("override@ferry.invalid")});
        QProcess::execute(QStringLiteral("gpgconf"), {QStringLiteral("--homedir"), home.path(),
                                                      QStringLiteral("--kill"), QStringLiteral("gpg-agent")});
        QVERIFY(exported.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
        const QString keyFile = home.filePath(QStringLiteral("override.asc"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(exported);
        file.close();

        ReleaseSignatureVerifier verifier;
        QString error;
        QProcessEnvironment environment;
        environment.insert(QLatin1String(ReleaseSignatureVerifier::KeyEnvironmentVariable), keyFile);
        QVERIFY2(verifier.loadKeyFromEnvironment(environment, &error), qUtf8Printable(error));
        QCOMPARE(verifier.fingerprints().size(), 1);
        QVERIFY(!verifier.fingerprints().contains(m_releaseKey2));
        QVERIFY(!verifier.fingerprints().contains(m_betaKey2));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedReleaseKey)
#include "tst_embeddedreleasekey.moc"
