#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace {
const QStringList ecKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1")};
}

TestCertificates::TestCertificates(const QString &directory)
    : m_directory(directory)
{
}

bool TestCertificates::runOpenssl(const QStringList &arguments, const QString &workingDirectory, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1 failed: %2 %3")
                         .arg(arguments.value(0), process.errorString(), QString::fromUtf8(process.readAll()));
        return false;
    }
    return true;
}

bool TestCertificates::createSelfSigned(const QString &certificatePath, const QString &keyPath,
                                        const QString &commonName, bool rsa, QString *error)
{
    QStringList arguments{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                          QStringLiteral("-days"), QStringLiteral("2")};
    if (rsa)
        arguments << QStringLiteral("-newkey") << QStringLiteral("rsa:2048");
    else
        arguments << ecKey;
    arguments << QStringLiteral("-keyout") << keyPath << QStringLiteral("-out") << certificatePath
              << QStringLiteral("-subj") << QStringLiteral("/CN=") + commonName;
    return runOpenssl(arguments, QDir::currentPath(), error);
}

bool TestCertificates::generate(QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    QStringList ca{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2")};
    ca << ecKey << QStringList{QStringLiteral("-keyout"), caKey(),
                               QStringLiteral("-out"),    caCertificate(),
                               QStringLiteral("-subj"),   QStringLiteral("/CN=Ferry Test CA"),
                               QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                               QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")};
    if (!runOpenssl(ca, m_directory, error))
        return false;

    // Leaf certificates: a CSR, then signed by the CA with the extensions of its role.
    auto leaf = [&](const QString &certificate, const QString &key, const QString &commonName,
                    const QString &extensions) {
        const QString csr = certificate + QStringLiteral(".csr");
        const QString extensionFile = certificate + QStringLiteral(".ext");
        QFile file(extensionFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(extensions.toUtf8()) < 0) {
            if (error)
                *error = QStringLiteral("cannot write %1").arg(extensionFile);
            return false;
        }
        file.close();
        QStringList request{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-nodes")};
        request << ecKey << QStringList{QStringLiteral("-keyout"), key,
                                        QStringLiteral("-out"),    csr,
                                        QStringLiteral("-subj"),   QStringLiteral("/CN=") + commonName};
        if (!runOpenssl(request, m_directory, error))
            return false;
        return runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                           QStringLiteral("-CA"), caCertificate(), QStringLiteral("-CAkey"), caKey(),
                           QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                           QStringLiteral("-extfile"), extensionFile, QStringLiteral("-out"), certificate},
                          m_directory, error);
    };
    if (!leaf(serverCertificate(), serverKey(), QStringLiteral("localhost"),
              QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                             "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")))
        return false;
    return leaf(clientCertificate(), clientKey(), QStringLiteral("ferry-test-client"),
                QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                               "extendedKeyUsage=clientAuth\n"));
}
