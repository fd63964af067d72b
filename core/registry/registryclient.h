#pragma once

#include "blobtransfer.h"
#include "certificatedirectory.h"
#include "credentialstore.h"
#include "descriptor.h"
#include "digest.h"
#include "imagereference.h"
#include "manifest.h"
#include "registryhostsettings.h"
#include "registryresult.h"
#include "retrypolicy.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>

#include <chrono>
#include <functional>

class RegistryTransport;

// Ferry's OCI distribution client. Every call is asynchronous and returns a QFuture carrying a RegistryResult:
// either the value or a RegistryError (HTTP status, registry error code, URL without credentials). Networking runs
// on one dedicated thread that owns the QNetworkAccessManager, so workers of a QThreadPool can issue hundreds of
// calls and chain them with QFuture::then() without blocking. May be called from any thread.
//
// Repositories are given as ImageReference (domain() is the registry, path() the repository; a tag or digest is
// used where the call needs one and ignored elsewhere).
class RegistryClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        RetryPolicy retry;                                // --retry-times / --retry-delay
        std::chrono::milliseconds transferTimeout{60000}; // inactivity limit per request
        int maxStreamsPerHost = 4;                        // concurrent blob streams per registry host
        qint64 chunkSize = 0;                             // > 0: chunked uploads of local data
    };

    explicit RegistryClient(QObject *parent = nullptr);
    explicit RegistryClient(const Options &options, QObject *parent = nullptr);
    ~RegistryClient() override;

    // Configuration applies to requests issued afterwards.
    void setHostSettings(const QString &registry, const RegistryHostSettings &settings);
    // Shorthand for --src-tls-verify=false / --dest-tls-verify=false on one registry.
    void setInsecure(const QString &registry, bool insecure);
    void setCredentialStore(const CredentialStore &store);
    // Where per-host CA and client certificates come from (certs.d); the default roots unless set.
    void setCertificateDirectory(const CertificateDirectory &certificates);

    // Manifests. GET verifies the bytes against the digest when fetched by digest (and against the registry's
    // Docker-Content-Digest otherwise).
    QFuture<RegistryResult<Manifest>> getManifest(const ImageReference &reference);
    // HEAD: media type, digest and size without the body.
    QFuture<RegistryResult<Descriptor>> headManifest(const ImageReference &reference);
    // PUT by the reference's tag, or by digest when it has no tag. Returns the manifest's digest.
    QFuture<RegistryResult<Digest>> putManifest(const ImageReference &reference, const Manifest &manifest);
    // DELETE by digest. 405/UNSUPPORTED becomes Kind::DeletionDisabled "deletion is disabled on <registry>".
    QFuture<RegistryResult<void>> deleteManifest(const ImageReference &reference);

    // Tags, following pagination (pageSize > 0 sends n=pageSize).
    QFuture<RegistryResult<QStringList>> listTags(const ImageReference &repository, int pageSize = 0);
    // Every repository of a registry (GET /v2/_catalog, following pagination). Many registries refuse it (401/403/404).
    QFuture<RegistryResult<QStringList>> listRepositories(const QString &registry);

    // Blobs.
    QFuture<RegistryResult<bool>> blobExists(const ImageReference &repository, const Digest &digest);
    // A small blob (a config) into memory, verified. Refuses blobs larger than maxSize.
    QFuture<RegistryResult<QByteArray>> getBlob(const ImageReference &repository, const Descriptor &blob,
                                                qint64 maxSize = 16 * 1024 * 1024);
    // Monolithic upload of bytes (POST, then PUT ?digest=). Returns the blob's descriptor.
    QFuture<RegistryResult<Descriptor>> pushBlob(const ImageReference &repository, const QByteArray &bytes,
                                                 const QString &mediaType = QStringLiteral("application/octet-stream"));
    // Streams a blob between registries (cross-repository mount when both are the same registry).
    QFuture<RegistryResult<BlobTransfer::Outcome>> copyBlob(const ImageReference &source,
                                                            const ImageReference &destination, const Descriptor &blob,
                                                            BlobTransfer::Options options = {});
    // Streams a local file to a registry, verifying it against the descriptor.
    QFuture<RegistryResult<BlobTransfer::Outcome>> uploadBlob(const QString &filePath,
                                                              const ImageReference &destination, const Descriptor &blob,
                                                              BlobTransfer::Options options = {});
    // Streams a blob into a local file, written atomically only if the bytes match the descriptor.
    QFuture<RegistryResult<BlobTransfer::Outcome>> downloadBlob(const ImageReference &source, const Descriptor &blob,
                                                                const QString &filePath);
    // Cross-repository mount only: true when mounted, false when the registry would not (the session is cancelled).
    QFuture<RegistryResult<bool>> mountBlob(const ImageReference &from, const ImageReference &destination,
                                            const Digest &digest);

    Options options() const { return m_options; }

private:
    template<typename T>
    QFuture<RegistryResult<T>> run(std::function<void(RegistryTransport *, std::function<void(RegistryResult<T>)>)> op);
    RegistryHostSettings settingsFor(const QString &registry) const;
    void listNamesPage(RegistryTransport *transport, RegistryRequest request, const QString &field,
                       const std::shared_ptr<QStringList> &names,
                       std::function<void(RegistryResult<QStringList>)> done);

    Options m_options;
    QThread m_thread;
    RegistryTransport *m_transport = nullptr;

    mutable QMutex m_mutex; // guards the configuration below, read on the network thread
    QHash<QString, RegistryHostSettings> m_hostSettings;
    CertificateDirectory m_certificates;
    CredentialStore m_credentials;
};
