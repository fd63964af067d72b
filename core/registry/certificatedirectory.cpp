#include "certificatedirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

std::optional<QSslKey> readKey(const QByteArray &pem)
{
    // The PEM armour does not always say which algorithm ("BEGIN PRIVATE KEY"), so try each.
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

} // namespace

CertificateDirectory::CertificateDirectory()
    : CertificateDirectory(defaultRoots())
{
}

CertificateDirectory::CertificateDirectory(const QStringList &roots)
    : m_roots(roots)
{
}

CertificateDirectory CertificateDirectory::forDirectory(const QString &directory)
{
    CertificateDirectory result(QStringList{});
    result.m_explicitDirectory = directory;
    return result;
}

QStringList CertificateDirectory::defaultRoots()
{
    return {QDir::homePath() + QStringLiteral("/.config/containers/certs.d"), QStringLiteral("/etc/containers/certs.d"),
            QStringLiteral("/etc/docker/certs.d")};
}

std::optional<CertificateDirectory::Material> CertificateDirectory::lookup(const QString &hostPort,
                                                                           QString *error) const
{
    if (!m_explicitDirectory.isEmpty())
        return readDirectory(m_explicitDirectory, error);
    // The host comes from a reference; never let it climb out of the root.
    if (hostPort.isEmpty() || hostPort.contains(QLatin1Char('/')) || hostPort.contains(QLatin1Char('\\')) ||
        hostPort.startsWith(QLatin1Char('.'))) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a registry host[:port]").arg(hostPort);
        return std::nullopt;
    }
    for (const QString &root : m_roots) {
        const QString directory = root + QLatin1Char('/') + hostPort;
        if (QFileInfo(directory).isDir())
            return readDirectory(directory, error);
    }
    return Material{};
}

std::optional<CertificateDirectory::Material> CertificateDirectory::readDirectory(const QString &directory,
                                                                                  QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Material material;
    material.directory = directory;
    const QDir dir(directory);
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : entries) {
        const QString name = info.fileName();
        const QString path = info.filePath();
        if (name.endsWith(QLatin1String(".crt"))) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read CA certificate %1: %2").arg(path, file.errorString()));
            const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
            if (certificates.isEmpty())
                return fail(QStringLiteral("%1 holds no PEM certificate").arg(path));
            material.caCertificates << certificates;
        } else if (name.endsWith(QLatin1String(".cert"))) {
            const QString keyPath = path.chopped(5) + QStringLiteral(".key");
            if (!QFileInfo::exists(keyPath))
                return fail(QStringLiteral("missing key %1 for client certificate %2 (a CA certificate must be "
                                           "named *.crt)")
                                .arg(keyPath, path));
            QFile certificateFile(path);
            QFile keyFile(keyPath);
            if (!certificateFile.open(QIODevice::ReadOnly))
                return fail(
                    QStringLiteral("cannot read client certificate %1: %2").arg(path, certificateFile.errorString()));
            if (!keyFile.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read client key %1: %2").arg(keyPath, keyFile.errorString()));
            const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
            if (certificates.isEmpty())
                return fail(QStringLiteral("%1 holds no PEM certificate").arg(path));
            // The key's content never goes into a message.
            const std::optional<QSslKey> key = readKey(keyFile.readAll());
            if (!key)
                return fail(QStringLiteral("%1 is not an unencrypted PEM private key").arg(keyPath));
            material.clientCertificates << ClientCertificate{path, keyPath, certificates.constFirst(), *key};
        } else if (name.endsWith(QLatin1String(".key"))) {
            const QString certificatePath = path.chopped(4) + QStringLiteral(".cert");
            if (!QFileInfo::exists(certificatePath))
                return fail(QStringLiteral("missing client certificate %1 for key %2").arg(certificatePath, path));
        }
    }
    return material;
}
