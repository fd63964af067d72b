#include "credential.h"

#include <QDebug>

Credential::Credential(const QString &username, const QString &password, const QString &identityToken)
    : m_username(username)
    , m_password(password)
    , m_identityToken(identityToken)
{
}

void Credential::setSource(const QString &file, const QString &key)
{
    m_sourceFile = file;
    m_key = key;
}

QByteArray Credential::basicAuthorization() const
{
    return QByteArrayLiteral("Basic ") + (m_username + QLatin1Char(':') + m_password).toUtf8().toBase64();
}

QDebug operator<<(QDebug debug, const Credential &credential)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Credential(username=" << credential.username()
                    << ", password=" << (credential.password().isEmpty() ? "<none>" : "<redacted>")
                    << ", identityToken=" << (credential.hasIdentityToken() ? "<redacted>" : "<none>")
                    << ", source=" << credential.sourceFile() << ' ' << credential.key() << ')';
    return debug;
}
