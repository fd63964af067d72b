#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Verifies OpenShift release signatures: an OpenPGP signed message (not a detached signature) wrapping an "atomic
// container signature" JSON that names the payload digest and the tagged release reference. Keys are imported into
// a private, temporary GNUPGHOME, so the user's keyring is neither read nor changed.
//
// The keys: Red Hat's public release keys, compiled into Ferry (EmbeddedKeyResource), unless
// OCP_SIGNATURE_VERIFICATION_PK names an armored key file; or any key given to loadKey / loadKeyFile.
class ReleaseSignatureVerifier
{
public:
    enum class ErrorKind {
        None,
        NoKey,          // no verification key loaded
        KeyImport,      // the key file is unreadable or holds no OpenPGP public key
        Malformed,      // not an OpenPGP signed message
        BadSignature,   // the signature does not match the content (tampered)
        UnknownKey,     // signed by a key that was not loaded
        KeyProblem,     // expired or revoked key, expired signature
        InvalidContent, // the signed content is not an atomic container signature
        DigestMismatch, // signed for another payload
        Storage,
    };

    struct Result
    {
        ErrorKind errorKind = ErrorKind::None;
        QString error;
        QString releaseTag;      // tag of the identity, e.g. 4.18.5-x86_64; the hex digest when it has none
        QString dockerReference; // critical.identity.docker-reference
        QString digest;          // critical.image.docker-manifest-digest
        QString creator;         // optional.creator
        QString fingerprint;     // of the signing key
        QByteArray signedContent;
        QString storedPath;

        bool isOk() const { return errorKind == ErrorKind::None; }
    };

    static constexpr auto KeyEnvironmentVariable = "OCP_SIGNATURE_VERIFICATION_PK";
    static constexpr auto SignatureType = "atomic container signature";
    // Red Hat, Inc. (release key 2) and (beta key 2), armored.
    static constexpr auto EmbeddedKeyResource = ":/ferry/keys/redhat-release-key.asc";

    ReleaseSignatureVerifier();
    ~ReleaseSignatureVerifier();
    ReleaseSignatureVerifier(const ReleaseSignatureVerifier &) = delete;
    ReleaseSignatureVerifier &operator=(const ReleaseSignatureVerifier &) = delete;

    // Adds the public keys of an armored (or binary) key block. Load every key before verifying from several threads.
    bool loadKey(const QByteArray &key, const QString &source, QString *error = nullptr);
    bool loadKeyFile(const QString &path, QString *error = nullptr);
    // Loads the file OCP_SIGNATURE_VERIFICATION_PK names, or the embedded Red Hat keys when it is unset.
    bool loadKeyFromEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                QString *error = nullptr);
    bool loadEmbeddedKey(QString *error = nullptr);
    QStringList fingerprints() const { return m_fingerprints; }

    // Checks the signature and that it was made for `payloadDigest` ("sha256:<hex>"). Thread-safe; runs gpg, so
    // call it from a worker thread.
    Result verify(const QByteArray &signature, const QString &payloadDigest) const;
    // verify(), then keeps the raw signature as <working-dir>/signatures/<tag>-sha256-<hex>.
    Result verifyAndStore(const QByteArray &signature, const QString &payloadDigest,
                          const QString &workingDirectory) const;
    // A signature kept by an earlier run: the file in signatures/ whose name contains the digest's hex; empty if none.
    static QString findStored(const QString &workingDirectory, const QString &payloadDigest);

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QStringList m_fingerprints;
};
