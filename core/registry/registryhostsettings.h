#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// How Ferry talks to one registry host: TLS verification, extra trusted CAs and an optional client certificate.
class RegistryHostSettings
{
public:
    // Insecure (--src-tls-verify=false / --dest-tls-verify=false): self-signed certificates are accepted and plain
    // HTTP is tried when HTTPS does not answer, as containers/image does for insecure registries.
    bool insecure = false;
    // Trusted in addition to the system CAs (certs.d/<host:port>/*.crt).
    QList<QSslCertificate> caCertificates;
    // certs.d/<host:port>/*.cert + *.key
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    // Set when the host's TLS material cannot be used (an unreadable certs.d file): requests to it fail with it.
    QString error;
};
