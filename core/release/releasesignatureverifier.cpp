#include "releasesignatureverifier.h"

#include "registry/imagereference.h"
#include "workspace/atomicfilewriter.h"
#include "workspace/workingdirectory.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gpgme.h>

#include <clocale>
#include <mutex>

namespace {

void initialiseGpgme()
{
    static std::once_flag once;
    std::call_once(once, [] {
        gpgme_check_version(nullptr);
        gpgme_set_locale(nullptr, LC_CTYPE, std::setlocale(LC_CTYPE, nullptr));
    });
}

QString gpgError(gpgme_error_t error)
{
    return QString::fromUtf8(gpgme_strerror(error));
}

// A gpgme context bound to one GNUPGHOME; released on scope exit.
class Context
{
public:
    explicit Context(const QString &home)
    {
        initialiseGpgme();
        m_error = gpgme_new(&m_context);
        if (!m_error)
            m_error = gpgme_set_protocol(m_context, GPGME_PROTOCOL_OpenPGP);
        if (!m_error)
            m_error = gpgme_ctx_set_engine_info(m_context, GPGME_PROTOCOL_OpenPGP, nullptr,
                                                QFile::encodeName(home).constData());
    }
    ~Context()
    {
        if (m_context)
            gpgme_release(m_context);
    }
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    gpgme_ctx_t get() const { return m_context; }
    gpgme_error_t error() const { return m_error; }

private:
    gpgme_ctx_t m_context = nullptr;
    gpgme_error_t m_error = 0;
};

class Data
{
public:
    Data() { m_error = gpgme_data_new(&m_data); }
    explicit Data(const QByteArray &bytes)
    {
        m_error = gpgme_data_new_from_mem(&m_data, bytes.constData(), size_t(bytes.size()), 1);
    }
    ~Data()
    {
        if (m_data)
            gpgme_data_release(m_data);
    }
    Data(const Data &) = delete;
    Data &operator=(const Data &) = delete;

    gpgme_data_t get() const { return m_data; }
    gpgme_error_t error() const { return m_error; }
    QByteArray take()
    {
        size_t length = 0;
        char *buffer = gpgme_data_release_and_get_mem(m_data, &length);
        m_data = nullptr;
        QByteArray result(buffer, qsizetype(length));
        gpgme_free(buffer);
        return result;
    }

private:
    gpgme_data_t m_data = nullptr;
    gpgme_error_t m_error = 0;
};

QString hexOf(const QString &digest)
{
    return digest.startsWith(QLatin1String("sha256:")) ? digest.mid(7) : digest;
}

} // namespace

ReleaseSignatureVerifier::ReleaseSignatureVerifier() = default;
ReleaseSignatureVerifier::~ReleaseSignatureVerifier() = default;

bool ReleaseSignatureVerifier::loadKey(const QByteArray &key, const QString &source, QString *error)
{
    const auto fail = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("release verification key \"%1\": %2").arg(source, what);
        return false;
    };
    if (!m_home) {
        m_home = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ferry-gnupg-XXXXXX"));
        if (!m_home->isValid())
            return fail(QStringLiteral("cannot create a private keyring: %1").arg(m_home->errorString()));
        QFile::setPermissions(m_home->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        // Verification needs no agent or key server; never start one for this throw-away home.
        QFile config(m_home->path() + QStringLiteral("/gpg.conf"));
        if (config.open(QIODevice::WriteOnly))
            config.write("no-autostart\n");
    }
    Context context(m_home->path());
    if (context.error())
        return fail(QStringLiteral("cannot use GnuPG: %1").arg(gpgError(context.error())));
    Data data(key);
    if (const gpgme_error_t importError = gpgme_op_import(context.get(), data.get()))
        return fail(QStringLiteral("import failed: %1").arg(gpgError(importError)));
    const gpgme_import_result_t result = gpgme_op_import_result(context.get());
    QStringList added;
    for (gpgme_import_status_t status = result ? result->imports : nullptr; status; status = status->next) {
        if (status->result == 0 && status->fpr && !added.contains(QString::fromLatin1(status->fpr)))
            added.append(QString::fromLatin1(status->fpr));
    }
    if (added.isEmpty())
        return fail(QStringLiteral("no OpenPGP public key found"));
    for (const QString &fingerprint : std::as_const(added)) {
        if (!m_fingerprints.contains(fingerprint))
            m_fingerprints.append(fingerprint);
    }
    return true;
}

bool ReleaseSignatureVerifier::loadKeyFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("release verification key \"%1\": cannot read: %2").arg(path, file.errorString());
        return false;
    }
    return loadKey(file.readAll(), path, error);
}

bool ReleaseSignatureVerifier::loadKeyFromEnvironment(const QProcessEnvironment &environment, QString *error)
{
    const QString path = environment.value(QLatin1String(KeyEnvironmentVariable));
    // Unlike oc-mirror, an unreadable override is an error rather than a silent fall back to Red Hat's key: the
    // admin asked for another key.
    return path.isEmpty() ? loadEmbeddedKey(error) : loadKeyFile(path, error);
}

bool ReleaseSignatureVerifier::loadEmbeddedKey(QString *error)
{
    return loadKeyFile(QLatin1String(EmbeddedKeyResource), error);
}

ReleaseSignatureVerifier::Result ReleaseSignatureVerifier::verify(const QByteArray &signature,
                                                                  const QString &payloadDigest) const
{
    Result result;
    const QString subject = QStringLiteral("release signature for %1").arg(payloadDigest);
    const auto fail = [&](ErrorKind kind, const QString &what) {
        result.errorKind = kind;
        result.error = QStringLiteral("%1: %2").arg(subject, what);
        return result;
    };
    if (!m_home || m_fingerprints.isEmpty())
        return fail(ErrorKind::NoKey, QStringLiteral("no verification key is loaded"));
    if (signature.isEmpty())
        return fail(ErrorKind::Malformed, QStringLiteral("the signature is empty"));

    Context context(m_home->path());
    if (context.error())
        return fail(ErrorKind::Malformed, QStringLiteral("cannot use GnuPG: %1").arg(gpgError(context.error())));
    Data signed_(signature);
    Data plain;
    if (const gpgme_error_t verifyError = gpgme_op_verify(context.get(), signed_.get(), nullptr, plain.get()))
        return fail(ErrorKind::Malformed,
                    QStringLiteral("not a valid OpenPGP signed message: %1").arg(gpgError(verifyError)));
    const gpgme_verify_result_t verification = gpgme_op_verify_result(context.get());
    const gpgme_signature_t first = verification ? verification->signatures : nullptr;
    if (!first)
        return fail(ErrorKind::Malformed, QStringLiteral("the message carries no signature"));

    bool good = false;
    for (gpgme_signature_t sig = first; sig && !good; sig = sig->next) {
        const QString fingerprint = sig->fpr ? QString::fromLatin1(sig->fpr) : QString();
        switch (gpgme_err_code(sig->status)) {
        case GPG_ERR_NO_ERROR:
            // A good signature must come from a loaded key (gpg may match on a subkey: compare suffixes).
            for (const QString &known : m_fingerprints) {
                if (known.endsWith(fingerprint, Qt::CaseInsensitive) ||
                    fingerprint.endsWith(known, Qt::CaseInsensitive)) {
                    good = true;
                    result.fingerprint = fingerprint;
                }
            }
            if (!good)
                return fail(
                    ErrorKind::UnknownKey,
                    QStringLiteral("signed by key %1, which is not a loaded verification key").arg(fingerprint));
            break;
        case GPG_ERR_BAD_SIGNATURE:
            return fail(ErrorKind::BadSignature,
                        QStringLiteral("the signature does not match the signed content (modified or corrupt)"));
        case GPG_ERR_NO_PUBKEY:
            return fail(ErrorKind::UnknownKey,
                        QStringLiteral("signed by key %1, which is not a loaded verification key").arg(fingerprint));
        case GPG_ERR_SIG_EXPIRED:
        case GPG_ERR_KEY_EXPIRED:
        case GPG_ERR_CERT_REVOKED:
            return fail(ErrorKind::KeyProblem,
                        QStringLiteral("signature by %1 is not valid: %2").arg(fingerprint, gpgError(sig->status)));
        default:
            return fail(
                ErrorKind::BadSignature,
                QStringLiteral("signature by %1 could not be verified: %2").arg(fingerprint, gpgError(sig->status)));
        }
    }

    result.signedContent = plain.take();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.signedContent, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorKind::InvalidContent,
                    QStringLiteral("the signed content is not JSON (%1)")
                        .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                          : QStringLiteral("not an object")));
    const QJsonObject critical = document.object().value(QLatin1String("critical")).toObject();
    const QString type = critical.value(QLatin1String("type")).toString();
    if (type != QLatin1String(SignatureType))
        return fail(
            ErrorKind::InvalidContent,
            QStringLiteral("critical.type: expected \"%1\", got \"%2\"").arg(QLatin1String(SignatureType), type));
    result.digest =
        critical.value(QLatin1String("image")).toObject().value(QLatin1String("docker-manifest-digest")).toString();
    result.dockerReference =
        critical.value(QLatin1String("identity")).toObject().value(QLatin1String("docker-reference")).toString();
    result.creator =
        document.object().value(QLatin1String("optional")).toObject().value(QLatin1String("creator")).toString();
    static const QRegularExpression digestPattern(QStringLiteral("^sha256:[0-9a-f]{64}$"));
    if (!digestPattern.match(result.digest).hasMatch())
        return fail(ErrorKind::InvalidContent,
                    QStringLiteral("critical.image.docker-manifest-digest: expected sha256:<64 hex digits>, got \"%1\"")
                        .arg(result.digest));
    if (result.digest != payloadDigest)
        return fail(ErrorKind::DigestMismatch,
                    QStringLiteral("the signature is for %1, not for this payload").arg(result.digest));
    QString referenceError;
    const auto reference = ImageReference::parse(result.dockerReference, &referenceError);
    if (!reference)
        return fail(ErrorKind::InvalidContent,
                    QStringLiteral("critical.identity.docker-reference: %1").arg(referenceError));
    // Without a tag in the identity the payload is named by its digest, as oc-mirror does.
    result.releaseTag = reference->hasTag() ? reference->tag() : hexOf(result.digest);
    return result;
}

ReleaseSignatureVerifier::Result ReleaseSignatureVerifier::verifyAndStore(const QByteArray &signature,
                                                                          const QString &payloadDigest,
                                                                          const QString &workingDirectory) const
{
    Result result = verify(signature, payloadDigest);
    if (!result.isOk())
        return result;
    const QString path = WorkingDirectory(workingDirectory).signatureFile(result.releaseTag, payloadDigest);
    QString error;
    if (!AtomicFileWriter::write(path, signature, &error)) {
        result.errorKind = ErrorKind::Storage;
        result.error = QStringLiteral("release signature for %1: %2").arg(payloadDigest, error);
        return result;
    }
    result.storedPath = path;
    return result;
}

QString ReleaseSignatureVerifier::findStored(const QString &workingDirectory, const QString &payloadDigest)
{
    const QString hex = hexOf(payloadDigest);
    if (hex.isEmpty())
        return QString();
    const QDir dir(WorkingDirectory(workingDirectory).signaturesDir());
    const QStringList matches = dir.entryList({QLatin1Char('*') + hex + QLatin1Char('*')}, QDir::Files, QDir::Name);
    return matches.isEmpty() ? QString() : dir.filePath(matches.first());
}
