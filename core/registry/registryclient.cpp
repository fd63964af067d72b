#include "registryclient.h"

#include "mediatypes.h"
#include "registrytransport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QPromise>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
QString pullScope(const ImageReference &reference)
{
    return QStringLiteral("repository:%1:pull").arg(reference.path());
}

QString pushScope(const ImageReference &reference)
{
    return QStringLiteral("repository:%1:pull,push").arg(reference.path());
}

RegistryRequest makeRequest(const ImageReference &reference, const QByteArray &method, const QString &pathAndQuery,
                            const QStringList &scopes, const QString &context)
{
    RegistryRequest request;
    request.method = method;
    request.registry = reference.domain();
    request.repository = reference.path();
    request.pathAndQuery = pathAndQuery;
    request.scopes = scopes;
    request.context = context;
    return request;
}

QString manifestPath(const ImageReference &reference)
{
    const QString target = reference.hasDigest() ? reference.digest() : reference.tag();
    return QStringLiteral("/v2/%1/manifests/%2").arg(reference.path(), target);
}

// The next page from a Link header: `</v2/x/tags/list?last=a&n=2>; rel="next"`.
QString nextLink(const QByteArray &link)
{
    static const QRegularExpression pattern(QStringLiteral(R"(<([^>]*)>\s*;[^,]*rel="?next"?)"));
    return pattern.match(QString::fromUtf8(link)).captured(1);
}

constexpr qint64 maximumManifestSize = 4 * 1024 * 1024;
} // namespace

RegistryClient::RegistryClient(QObject *parent)
    : RegistryClient(Options{}, parent)
{
}

RegistryClient::RegistryClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("ferry-registry-network"));
    m_transport = new RegistryTransport;
    m_transport->setRetryPolicy(options.retry);
    m_transport->setTransferTimeout(options.transferTimeout);
    m_transport->setMaxStreamsPerHost(options.maxStreamsPerHost);
    m_transport->setSettingsLookup([this](const QString &registry) { return settingsFor(registry); });
    m_transport->setCredentialLookup(
        [this](const QString &registry, const QString &repository, QString *error) -> std::optional<Credential> {
            QMutexLocker locker(&m_mutex);
            return m_credentials.find(registry, repository, error);
        });
    m_transport->moveToThread(&m_thread);
    m_thread.start();
}

RegistryClient::~RegistryClient()
{
    // Delete the transport on its own thread (its replies and timers live there), then stop the thread.
    RegistryTransport *transport = m_transport;
    QMetaObject::invokeMethod(
        transport, [transport] { delete transport; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template<typename T>
QFuture<RegistryResult<T>>
RegistryClient::run(std::function<void(RegistryTransport *, std::function<void(RegistryResult<T>)>)> op)
{
    auto promise = std::make_shared<QPromise<RegistryResult<T>>>();
    QFuture<RegistryResult<T>> future = promise->future();
    promise->start();
    RegistryTransport *transport = m_transport;
    QMetaObject::invokeMethod(
        transport,
        [transport, op, promise] {
            op(transport, [promise](RegistryResult<T> result) {
                promise->addResult(std::move(result));
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

RegistryHostSettings RegistryClient::settingsFor(const QString &registry) const
{
    QMutexLocker locker(&m_mutex);
    RegistryHostSettings settings = m_hostSettings.value(registry);
    QString error;
    const std::optional<CertificateDirectory::Material> material = m_certificates.lookup(registry, &error);
    if (!material) {
        settings.error = error;
        return settings;
    }
    settings.caCertificates.append(material->caCertificates);
    if (!material->clientCertificates.isEmpty() && settings.clientCertificate.isNull()) {
        settings.clientCertificate = material->clientCertificates.first().certificate;
        settings.clientKey = material->clientCertificates.first().key;
    }
    return settings;
}

void RegistryClient::setHostSettings(const QString &registry, const RegistryHostSettings &settings)
{
    {
        QMutexLocker locker(&m_mutex);
        m_hostSettings.insert(registry, settings);
    }
    QMetaObject::invokeMethod(m_transport, &RegistryTransport::reset, Qt::QueuedConnection);
}

void RegistryClient::setInsecure(const QString &registry, bool insecure)
{
    {
        QMutexLocker locker(&m_mutex);
        // Pulls through registries.conf mirrors repeat this for every image; only a change forgets probes and tokens.
        const auto known = m_hostSettings.constFind(registry);
        if (known != m_hostSettings.constEnd() && known->insecure == insecure)
            return;
        m_hostSettings[registry].insecure = insecure;
    }
    QMetaObject::invokeMethod(m_transport, &RegistryTransport::reset, Qt::QueuedConnection);
}

void RegistryClient::setCredentialStore(const CredentialStore &store)
{
    {
        QMutexLocker locker(&m_mutex);
        m_credentials = store;
    }
    QMetaObject::invokeMethod(m_transport, &RegistryTransport::reset, Qt::QueuedConnection);
}

void RegistryClient::setCertificateDirectory(const CertificateDirectory &certificates)
{
    {
        QMutexLocker locker(&m_mutex);
        m_certificates = certificates;
    }
    QMetaObject::invokeMethod(m_transport, &RegistryTransport::reset, Qt::QueuedConnection);
}

QFuture<RegistryResult<Manifest>> RegistryClient::getManifest(const ImageReference &reference)
{
    return run<Manifest>([reference](RegistryTransport *transport, auto done) {
        const QString context = QStringLiteral("fetching manifest %1").arg(reference.toString());
        if (!reference.hasDigest() && !reference.hasTag()) {
            done(RegistryError(RegistryError::Kind::InvalidArgument, context + QStringLiteral(": no tag or digest")));
            return;
        }
        RegistryRequest request =
            makeRequest(reference, "GET", manifestPath(reference), {pullScope(reference)}, context);
        request.headers.append({QByteArray("Accept"), MediaTypes::manifestAcceptHeader()});
        transport->send(request, [reference, context, done](const RegistryResponse &response) {
            if (!response.isSuccess()) {
                done(response.toError(context));
                return;
            }
            if (response.body.size() > maximumManifestSize) {
                done(RegistryError(RegistryError::Kind::InvalidResponse,
                                   context + QStringLiteral(": the manifest is larger than 4 MiB"), response.url));
                return;
            }
            // The digest that names the manifest must be the hash of the exact bytes.
            const QString expectedText = reference.hasDigest()
                                             ? reference.digest()
                                             : QString::fromLatin1(response.header("Docker-Content-Digest"));
            if (!expectedText.isEmpty()) {
                const std::optional<Digest> expected = Digest::parse(expectedText);
                if (expected && expected->isComputable() && !expected->matches(response.body)) {
                    done(RegistryError(RegistryError::Kind::DigestMismatch,
                                       context +
                                           QStringLiteral(": the manifest bytes do not match %1").arg(expectedText),
                                       response.url));
                    return;
                }
            }
            QString error;
            const std::optional<Manifest> manifest =
                Manifest::parse(response.body, QString::fromLatin1(response.header("Content-Type")), &error);
            if (!manifest) {
                done(RegistryError(RegistryError::Kind::InvalidResponse, context + QStringLiteral(": ") + error,
                                   response.url));
                return;
            }
            done(*manifest);
        });
    });
}

QFuture<RegistryResult<Descriptor>> RegistryClient::headManifest(const ImageReference &reference)
{
    return run<Descriptor>([reference](RegistryTransport *transport, auto done) {
        const QString context = QStringLiteral("checking manifest %1").arg(reference.toString());
        RegistryRequest request =
            makeRequest(reference, "HEAD", manifestPath(reference), {pullScope(reference)}, context);
        request.headers.append({QByteArray("Accept"), MediaTypes::manifestAcceptHeader()});
        transport->send(request, [reference, context, done](const RegistryResponse &response) {
            if (!response.isSuccess()) {
                done(response.toError(context));
                return;
            }
            QString digestText = QString::fromLatin1(response.header("Docker-Content-Digest"));
            if (digestText.isEmpty())
                digestText = reference.digest();
            const std::optional<Digest> digest = Digest::parse(digestText);
            if (!digest) {
                done(RegistryError(RegistryError::Kind::InvalidResponse,
                                   context + QStringLiteral(": the registry sent no usable Docker-Content-Digest"),
                                   response.url));
                return;
            }
            const QString mediaType =
                QString::fromLatin1(response.header("Content-Type")).section(QLatin1Char(';'), 0, 0).trimmed();
            done(Descriptor(mediaType, *digest, response.header("Content-Length").toLongLong()));
        });
    });
}

QFuture<RegistryResult<Digest>> RegistryClient::putManifest(const ImageReference &reference, const Manifest &manifest)
{
    return run<Digest>([reference, manifest](RegistryTransport *transport, auto done) {
        const QString context = QStringLiteral("pushing manifest %1").arg(reference.toString());
        if (!manifest.isValid()) {
            done(RegistryError(RegistryError::Kind::InvalidArgument, context + QStringLiteral(": empty manifest")));
            return;
        }
        const QString target = reference.hasTag() ? reference.tag() : manifest.digest().toString();
        RegistryRequest request =
            makeRequest(reference, "PUT", QStringLiteral("/v2/%1/manifests/%2").arg(reference.path(), target),
                        {pushScope(reference)}, context);
        request.headers.append({QByteArray("Content-Type"), manifest.mediaType().toLatin1()});
        request.body = manifest.bytes();
        transport->send(request, [manifest, context, done](const RegistryResponse &response) {
            if (response.status != 201 && !response.isSuccess()) {
                done(response.toError(context));
                return;
            }
            const QString stored = QString::fromLatin1(response.header("Docker-Content-Digest"));
            if (!stored.isEmpty() && stored != manifest.digest().toString()) {
                done(RegistryError(RegistryError::Kind::DigestMismatch,
                                   context + QStringLiteral(": the registry stored %1, expected %2")
                                                 .arg(stored, manifest.digest().toString()),
                                   response.url));
                return;
            }
            done(manifest.digest());
        });
    });
}

QFuture<RegistryResult<void>> RegistryClient::deleteManifest(const ImageReference &reference)
{
    return run<void>([reference](RegistryTransport *transport, auto done) {
        const QString context = QStringLiteral("deleting manifest %1").arg(reference.toString());
        if (!reference.hasDigest()) {
            done(RegistryError(RegistryError::Kind::InvalidArgument,
                               context + QStringLiteral(": manifests are deleted by digest")));
            return;
        }
        RegistryRequest request =
            makeRequest(reference, "DELETE", manifestPath(reference),
                        {QStringLiteral("repository:%1:pull,delete").arg(reference.path())}, context);
        transport->send(request, [reference, context, done](const RegistryResponse &response) {
            if (response.status == 202 || response.status == 200) {
                done(RegistryResult<void>::success());
                return;
            }
            RegistryError error = response.toError(context);
            if (response.status == 405 || error.codes().contains(QLatin1String("UNSUPPORTED"))) {
                done(RegistryError(RegistryError::Kind::DeletionDisabled,
                                   QStringLiteral("deletion is disabled on %1").arg(reference.domain()), response.url,
                                   response.status, error.code()));
                return;
            }
            done(error);
        });
    });
}

// Both tags/list and _catalog page with a Link header and answer {"<field>": [names…]}.
void RegistryClient::listNamesPage(RegistryTransport *transport, RegistryRequest request, const QString &field,
                                   const std::shared_ptr<QStringList> &names,
                                   std::function<void(RegistryResult<QStringList>)> done)
{
    const RegistryRequest sent = request;
    transport->send(sent, [this, transport, request = std::move(request), field, names,
                           done](const RegistryResponse &response) mutable {
        if (!response.isSuccess()) {
            done(response.toError(request.context));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            done(RegistryError(RegistryError::Kind::InvalidResponse,
                               request.context + QStringLiteral(": the answer is not a JSON object"), response.url));
            return;
        }
        const QJsonArray list = document.object().value(field).toArray();
        for (const QJsonValue &name : list)
            names->append(name.toString());
        const QString next = nextLink(response.header("Link"));
        if (next.isEmpty() || list.isEmpty()) {
            done(*names);
            return;
        }
        const QUrl nextUrl(next);
        if (nextUrl.isRelative() && next.startsWith(QLatin1Char('/'))) {
            request.pathAndQuery = next;
            request.absoluteUrl = QUrl();
        } else {
            request.pathAndQuery.clear();
            request.absoluteUrl = response.url.resolved(nextUrl);
        }
        listNamesPage(transport, std::move(request), field, names, std::move(done));
    });
}

QFuture<RegistryResult<QStringList>> RegistryClient::listTags(const ImageReference &repository, int pageSize)
{
    return run<QStringList>([this, repository, pageSize](RegistryTransport *transport, auto done) {
        QString path = QStringLiteral("/v2/%1/tags/list").arg(repository.path());
        if (pageSize > 0)
            path += QStringLiteral("?n=%1").arg(pageSize);
        const QString context = QStringLiteral("listing tags of %1").arg(repository.repository());
        listNamesPage(transport, makeRequest(repository, "GET", path, {pullScope(repository)}, context),
                      QStringLiteral("tags"), std::make_shared<QStringList>(), done);
    });
}

QFuture<RegistryResult<QStringList>> RegistryClient::listRepositories(const QString &registry)
{
    return run<QStringList>([this, registry](RegistryTransport *transport, auto done) {
        RegistryRequest request;
        request.method = "GET";
        request.registry = registry;
        request.pathAndQuery = QStringLiteral("/v2/_catalog");
        request.scopes = {QStringLiteral("registry:catalog:*")};
        request.context = QStringLiteral("listing the repositories of %1").arg(registry);
        listNamesPage(transport, std::move(request), QStringLiteral("repositories"), std::make_shared<QStringList>(),
                      done);
    });
}

QFuture<RegistryResult<bool>> RegistryClient::blobExists(const ImageReference &repository, const Digest &digest)
{
    return run<bool>([repository, digest](RegistryTransport *transport, auto done) {
        const QString context =
            QStringLiteral("checking blob %1 in %2").arg(digest.toString(), repository.repository());
        RegistryRequest request =
            makeRequest(repository, "HEAD", QStringLiteral("/v2/%1/blobs/%2").arg(repository.path(), digest.toString()),
                        {pullScope(repository)}, context);
        transport->send(request, [context, done](const RegistryResponse &response) {
            if (response.isSuccess())
                done(true);
            else if (response.status == 404)
                done(false);
            else
                done(response.toError(context));
        });
    });
}

QFuture<RegistryResult<QByteArray>> RegistryClient::getBlob(const ImageReference &repository, const Descriptor &blob,
                                                            qint64 maxSize)
{
    return run<QByteArray>([repository, blob, maxSize](RegistryTransport *transport, auto done) {
        const QString context =
            QStringLiteral("fetching blob %1 from %2").arg(blob.digest().toString(), repository.repository());
        if (blob.size() > maxSize) {
            done(RegistryError(
                RegistryError::Kind::InvalidArgument,
                context +
                    QStringLiteral(": %1 bytes is more than the %2 allowed in memory").arg(blob.size()).arg(maxSize)));
            return;
        }
        RegistryRequest request = makeRequest(
            repository, "GET", QStringLiteral("/v2/%1/blobs/%2").arg(repository.path(), blob.digest().toString()),
            {pullScope(repository)}, context);
        transport->send(request, [blob, context, done](const RegistryResponse &response) {
            if (!response.isSuccess()) {
                done(response.toError(context));
                return;
            }
            if (blob.size() >= 0 && response.body.size() != blob.size()) {
                done(RegistryError(
                    RegistryError::Kind::SizeMismatch,
                    context + QStringLiteral(": got %1 bytes, expected %2").arg(response.body.size()).arg(blob.size()),
                    response.url));
                return;
            }
            if (!blob.digest().matches(response.body)) {
                done(RegistryError(RegistryError::Kind::DigestMismatch,
                                   context + QStringLiteral(": blob content does not match its digest"), response.url));
                return;
            }
            done(response.body);
        });
    });
}

QFuture<RegistryResult<Descriptor>> RegistryClient::pushBlob(const ImageReference &repository, const QByteArray &bytes,
                                                             const QString &mediaType)
{
    return run<Descriptor>([repository, bytes, mediaType](RegistryTransport *transport, auto done) {
        const Descriptor descriptor(mediaType, Digest::sha256(bytes), bytes.size());
        const QString context =
            QStringLiteral("pushing blob %1 to %2").arg(descriptor.digest().toString(), repository.repository());
        RegistryRequest post =
            makeRequest(repository, "POST", QStringLiteral("/v2/%1/blobs/uploads/").arg(repository.path()),
                        {pushScope(repository)}, context);
        transport->send(
            post, [transport, repository, bytes, descriptor, context, done](const RegistryResponse &response) {
                if (response.status != 202) {
                    done(response.toError(context + QStringLiteral(": starting the upload failed")));
                    return;
                }
                QUrl location = response.url.resolved(QUrl(QString::fromUtf8(response.header("Location"))));
                QUrlQuery query(location);
                query.addQueryItem(QStringLiteral("digest"), descriptor.digest().toString());
                location.setQuery(query);
                RegistryRequest put = makeRequest(repository, "PUT", QString(), {pushScope(repository)}, context);
                put.absoluteUrl = location;
                put.headers.append({QByteArray("Content-Type"), QByteArray("application/octet-stream")});
                put.body = bytes;
                put.retry = false;
                transport->send(put, [descriptor, context, done](const RegistryResponse &answer) {
                    if (answer.status != 201) {
                        done(answer.toError(context + QStringLiteral(": completing the upload failed")));
                        return;
                    }
                    done(descriptor);
                });
            });
    });
}

QFuture<RegistryResult<BlobTransfer::Outcome>> RegistryClient::copyBlob(const ImageReference &source,
                                                                        const ImageReference &destination,
                                                                        const Descriptor &blob,
                                                                        BlobTransfer::Options options)
{
    return run<BlobTransfer::Outcome>([source, destination, blob, options](RegistryTransport *transport, auto done) {
        auto *transfer = new BlobTransfer(transport, BlobTransfer::Endpoint::inRegistry(source.domain(), source.path()),
                                          BlobTransfer::Endpoint::inRegistry(destination.domain(), destination.path()),
                                          blob, options, done);
        transfer->start();
    });
}

QFuture<RegistryResult<BlobTransfer::Outcome>> RegistryClient::uploadBlob(const QString &filePath,
                                                                          const ImageReference &destination,
                                                                          const Descriptor &blob,
                                                                          BlobTransfer::Options options)
{
    if (options.chunkSize == 0)
        options.chunkSize = m_options.chunkSize;
    return run<BlobTransfer::Outcome>([filePath, destination, blob, options](RegistryTransport *transport, auto done) {
        auto *transfer = new BlobTransfer(transport, BlobTransfer::Endpoint::file(filePath),
                                          BlobTransfer::Endpoint::inRegistry(destination.domain(), destination.path()),
                                          blob, options, done);
        transfer->start();
    });
}

QFuture<RegistryResult<BlobTransfer::Outcome>>
RegistryClient::downloadBlob(const ImageReference &source, const Descriptor &blob, const QString &filePath)
{
    return run<BlobTransfer::Outcome>([source, blob, filePath](RegistryTransport *transport, auto done) {
        auto *transfer = new BlobTransfer(transport, BlobTransfer::Endpoint::inRegistry(source.domain(), source.path()),
                                          BlobTransfer::Endpoint::file(filePath), blob, BlobTransfer::Options{}, done);
        transfer->start();
    });
}

QFuture<RegistryResult<bool>> RegistryClient::mountBlob(const ImageReference &from, const ImageReference &destination,
                                                        const Digest &digest)
{
    return run<bool>([from, destination, digest](RegistryTransport *transport, auto done) {
        const QString context = QStringLiteral("mounting blob %1 from %2 into %3")
                                    .arg(digest.toString(), from.repository(), destination.repository());
        RegistryRequest post = makeRequest(destination, "POST",
                                           QStringLiteral("/v2/%1/blobs/uploads/?mount=%2&from=%3")
                                               .arg(destination.path(), digest.toString(), from.path()),
                                           {pushScope(destination), pullScope(from)}, context);
        transport->send(post, [transport, destination, context, done](const RegistryResponse &response) {
            if (response.status == 201) {
                done(true);
                return;
            }
            if (response.status != 202) {
                done(response.toError(context));
                return;
            }
            // Not mounted: the registry opened an upload session instead; nobody will use it.
            RegistryRequest cancel = makeRequest(destination, "DELETE", QString(), {pushScope(destination)}, context);
            cancel.absoluteUrl = response.url.resolved(QUrl(QString::fromUtf8(response.header("Location"))));
            cancel.retry = false;
            transport->send(cancel, [](const RegistryResponse &) {});
            done(false);
        });
    });
}
