#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

// Signs release payloads the way Red Hat does for mirror.openshift.com: an OpenPGP signed message (not detached)
// whose content is the "atomic container signature" JSON naming the payload digest and its tagged reference.
// The key is generated for this world with gpg in a private, short-lived GNUPGHOME.
class ReleaseSigner
{
public:
    ReleaseSigner();
    ~ReleaseSigner();
    ReleaseSigner(const ReleaseSigner &) = delete;
    ReleaseSigner &operator=(const ReleaseSigner &) = delete;

    bool createKey(QString *error);
    QByteArray armoredPublicKey() const { return m_publicKey; }
    QString fingerprint() const { return m_fingerprint; }

    static QByteArray signatureJson(const QString &dockerReference, const QString &digest, qint64 timestamp);
    // Writes the signed message to outputPath. Safe to call from several threads.
    bool sign(const QByteArray &content, const QString &outputPath, QString *error) const;

private:
    bool runGpg(const QStringList &arguments, QByteArray *output, QString *error, const QByteArray &input = {}) const;

    QTemporaryDir m_home;
    QByteArray m_publicKey;
    QString m_fingerprint;
};
