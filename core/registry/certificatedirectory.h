#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>

// Per-registry TLS material from the containers certs.d convention: <root>/<host[:port]>/ holds CA certificates
// (*.crt) and client certificate pairs (<name>.cert + <name>.key). Only the first root with a directory for the
// host is used, as containers/image does: ~/.config/containers/certs.d, /etc/containers/certs.d,
// /etc/docker/certs.d.
class CertificateDirectory
{
public:
    struct ClientCertificate
    {
        QString certificateFile;
        QString keyFile;
        QSslCertificate certificate;
        QSslKey key;
    };

    struct Material
    {
        QString directory; // empty when no root has one for the host
        QList<QSslCertificate> caCertificates;
        QList<ClientCertificate> clientCertificates;
        bool isEmpty() const { return caCertificates.isEmpty() && clientCertificates.isEmpty(); }
    };

    // The default roots.
    CertificateDirectory();
    // Roots searched in order, e.g. a test's temporary directory.
    explicit CertificateDirectory(const QStringList &roots);
    // An explicit --cert-dir: the files are directly in it, for any host.
    static CertificateDirectory forDirectory(const QString &directory);

    static QStringList defaultRoots();
    QStringList roots() const { return m_roots; }

    // hostPort as in a reference ("registry.example.com", "127.0.0.1:5000"). A host without a directory gives empty
    // material. Sets *error (naming the file) and returns nullopt for an unreadable certificate, a key without its
    // certificate or a certificate without its key.
    std::optional<Material> lookup(const QString &hostPort, QString *error = nullptr) const;

private:
    static std::optional<Material> readDirectory(const QString &directory, QString *error);

    QStringList m_roots;
    QString m_explicitDirectory;
};
