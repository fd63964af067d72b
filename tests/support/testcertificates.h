#pragma once

#include <QString>
#include <QStringList>

// Test PKI generated with the openssl CLI into a directory: a CA, a server certificate for 127.0.0.1 and localhost
// signed by it (for a TLS registry) and a client certificate pair named as certs.d expects (client.cert/.key).
class TestCertificates
{
public:
    explicit TestCertificates(const QString &directory);

    // Creates every file; EC P-256 keys, so it takes a fraction of a second.
    bool generate(QString *error = nullptr);

    QString directory() const { return m_directory; }
    QString caCertificate() const { return path(QStringLiteral("ca.crt")); }
    QString caKey() const { return path(QStringLiteral("ca.key")); }
    QString serverCertificate() const { return path(QStringLiteral("server.crt")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    QString clientCertificate() const { return path(QStringLiteral("client.cert")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }

    // A self-signed certificate with its key (RSA 2048 when rsa is true, else EC P-256), e.g. to sign tokens.
    static bool createSelfSigned(const QString &certificatePath, const QString &keyPath, const QString &commonName,
                                 bool rsa, QString *error = nullptr);
    // Runs `openssl <arguments>` in workingDirectory; on failure *error holds its output.
    static bool runOpenssl(const QStringList &arguments, const QString &workingDirectory, QString *error = nullptr);

private:
    QString path(const QString &name) const { return m_directory + QLatin1Char('/') + name; }

    QString m_directory;
};
