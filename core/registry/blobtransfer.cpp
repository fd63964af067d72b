#include "blobtransfer.h"

#include "blobpipe.h"
#include "registrylogging.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace {
QUrl withDigest(const QUrl &location, const Digest &digest)
{
    QUrl url = location;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("digest"), digest.toString());
    url.setQuery(query);
    return url;
}

QUrl locationOf(const RegistryResponse &response)
{
    const QByteArray location = response.header("Location");
    if (location.isEmpty())
        return QUrl();
    // Registries answer absolute or relative Location URLs.
    return response.url.resolved(QUrl(QString::fromUtf8(location)));
}
} // namespace

BlobTransfer::BlobTransfer(RegistryTransport *transport, Endpoint source, Endpoint destination, Descriptor blob,
                           Options options, Callback done)
    : QObject(transport)
    , m_transport(transport)
    , m_source(std::move(source))
    , m_destination(std::move(destination))
    , m_blob(std::move(blob))
    , m_options(options)
    , m_done(std::move(done))
{
}

BlobTransfer::~BlobTransfer()
{
    cleanup();
}

QString BlobTransfer::context() const
{
    auto describe = [](const Endpoint &endpoint) -> QString {
        switch (endpoint.kind) {
        case Endpoint::Kind::Registry:
            return endpoint.registry + QLatin1Char('/') + endpoint.repository;
        case Endpoint::Kind::File:
            return endpoint.filePath;
        case Endpoint::Kind::Memory:
            break;
        }
        return QStringLiteral("memory");
    };
    return QStringLiteral("copying blob %1 from %2 to %3")
        .arg(m_blob.digest().toString(), describe(m_source), describe(m_destination));
}

QStringList BlobTransfer::sourceScopes() const
{
    return {QStringLiteral("repository:%1:pull").arg(m_source.repository)};
}

QStringList BlobTransfer::destinationScopes() const
{
    QStringList scopes{QStringLiteral("repository:%1:pull,push").arg(m_destination.repository)};
    // A mount needs pull on the source repository in the same token.
    if (m_source.kind == Endpoint::Kind::Registry && m_source.registry == m_destination.registry &&
        m_source.repository != m_destination.repository)
        scopes.append(QStringLiteral("repository:%1:pull").arg(m_source.repository));
    return scopes;
}

RegistryRequest BlobTransfer::request(const Endpoint &endpoint, const QByteArray &method,
                                      const QStringList &scopes) const
{
    RegistryRequest request;
    request.method = method;
    request.registry = endpoint.registry;
    request.repository = endpoint.repository;
    request.scopes = scopes;
    request.context = context();
    return request;
}

void BlobTransfer::start()
{
    if (!m_blob.digest().isComputable() || m_blob.size() < 0) {
        fail(RegistryError(RegistryError::Kind::InvalidArgument,
                           context() + QStringLiteral(": the descriptor needs a sha256/sha512 digest and a size")));
        return;
    }
    const bool supported = (m_destination.kind == Endpoint::Kind::Registry) ||
                           (m_destination.kind == Endpoint::Kind::File && m_source.kind == Endpoint::Kind::Registry);
    if (!supported) {
        fail(RegistryError(RegistryError::Kind::InvalidArgument,
                           context() + QStringLiteral(": unsupported source and destination")));
        return;
    }
    attempt();
}

void BlobTransfer::attempt()
{
    if (m_destination.kind == Endpoint::Kind::Registry && m_options.skipExisting && !asksPresenceWithUpload())
        checkExisting();
    else if (m_destination.kind == Endpoint::Kind::Registry)
        openUpload();
    else
        acquireSlots();
}

bool BlobTransfer::asksPresenceWithUpload() const
{
    // A small blob asks "already here?" in the request that opens its upload: a mount from the destination
    // repository itself, which a registry answers with 201 when the blob is there and with an upload session
    // when not. That saves one request per blob (each costs the registry about a millisecond of CPU). A registry
    // that ignores mounts answers 202 either way and the blob is sent again, which for a small blob costs little
    // more than the request saved; big blobs keep the HEAD.
    return m_options.skipExisting && m_blob.size() <= wholeBlobLimit;
}

void BlobTransfer::checkExisting()
{
    RegistryRequest head = request(m_destination, "HEAD", destinationScopes());
    head.pathAndQuery = QStringLiteral("/v2/%1/blobs/%2").arg(m_destination.repository, m_blob.digest().toString());
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_transport->send(head, [self, generation](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        if (response.isSuccess()) {
            self->succeed(Outcome::AlreadyPresent);
            return;
        }
        if (response.status != 404) {
            self->fail(response.toError(self->context()));
            return;
        }
        self->openUpload();
    });
}

void BlobTransfer::openUpload()
{
    RegistryRequest post = request(m_destination, "POST", destinationScopes());
    const bool mount = m_options.tryMount && m_source.kind == Endpoint::Kind::Registry &&
                       m_source.registry == m_destination.registry && m_source.repository != m_destination.repository;
    const bool askPresence = !mount && asksPresenceWithUpload();
    post.pathAndQuery = QStringLiteral("/v2/%1/blobs/uploads/").arg(m_destination.repository);
    if (mount || askPresence)
        post.pathAndQuery +=
            QStringLiteral("?mount=%1&from=%2")
                .arg(m_blob.digest().toString(), askPresence ? m_destination.repository : m_source.repository);
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_transport->send(post, [self, generation, mount, askPresence](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        if ((mount || askPresence) && response.status == 201) {
            self->succeed(mount ? Outcome::Mounted : Outcome::AlreadyPresent);
            return;
        }
        // 202: an upload session (for a mount: not mounted, continue with this session).
        if (response.status != 202) {
            self->fail(response.toError(self->context() + QStringLiteral(": starting the upload failed")));
            return;
        }
        self->m_uploadLocation = locationOf(response);
        if (!self->m_uploadLocation.isValid()) {
            self->fail(RegistryError(RegistryError::Kind::InvalidResponse,
                                     self->context() + QStringLiteral(": the upload answer has no Location"),
                                     response.url, response.status));
            return;
        }
        self->acquireSlots();
    });
}

bool BlobTransfer::travelsWhole() const
{
    if (m_destination.kind != Endpoint::Kind::Registry || m_blob.size() > wholeBlobLimit)
        return false;
    return m_source.kind == Endpoint::Kind::Registry ||
           (m_source.kind == Endpoint::Kind::File && m_options.chunkSize <= 0);
}

void BlobTransfer::acquireSlots()
{
    // A blob read whole holds one connection at a time, briefly, and never waits on another: it needs no stream slot,
    // so many small blobs are in flight at once and round trips overlap.
    if (travelsWhole()) {
        openSource();
        return;
    }
    // Slots are taken in name order so two opposite copies never wait on each other.
    QStringList hosts;
    if (m_source.kind == Endpoint::Kind::Registry)
        hosts.append(m_source.registry);
    if (m_destination.kind == Endpoint::Kind::Registry)
        hosts.append(m_destination.registry);
    hosts.sort();
    hosts.removeDuplicates();
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    auto take = std::make_shared<std::function<void(int)>>();
    *take = [self, hosts, generation, take](int index) {
        if (!self || self->m_finished || generation != self->m_attempt) {
            // The slot was granted to a transfer that is gone: pass it on.
            if (self && index > 0)
                self->m_transport->releaseStreamSlot(hosts.at(index - 1));
            return;
        }
        if (index == hosts.size()) {
            self->openSource();
            return;
        }
        self->m_transport->acquireStreamSlot(hosts.at(index), [self, hosts, index, take, generation] {
            if (!self || self->m_finished || generation != self->m_attempt) {
                if (self)
                    self->m_transport->releaseStreamSlot(hosts.at(index));
                return;
            }
            if (hosts.at(index) == self->m_source.registry && self->m_source.kind == Endpoint::Kind::Registry)
                self->m_sourceSlot = true;
            if (hosts.at(index) == self->m_destination.registry && self->m_destination.kind == Endpoint::Kind::Registry)
                self->m_destinationSlot = true;
            (*take)(index + 1);
        });
    };
    (*take)(0);
}

void BlobTransfer::openSource()
{
    switch (m_source.kind) {
    case Endpoint::Kind::File: {
        auto file = std::make_unique<QFile>(m_source.filePath);
        if (!file->open(QIODevice::ReadOnly)) {
            fail(RegistryError(RegistryError::Kind::LocalIo,
                               QStringLiteral("cannot read %1: %2").arg(m_source.filePath, file->errorString())));
            return;
        }
        if (file->size() != m_blob.size()) {
            fail(RegistryError(RegistryError::Kind::SizeMismatch,
                               QStringLiteral("%1 has %2 bytes, the descriptor of %3 says %4")
                                   .arg(m_source.filePath)
                                   .arg(file->size())
                                   .arg(m_blob.digest().toString())
                                   .arg(m_blob.size())));
            return;
        }
        if (travelsWhole()) {
            const QByteArray bytes = file->readAll();
            if (bytes.size() != m_blob.size()) {
                fail(RegistryError(RegistryError::Kind::LocalIo,
                                   QStringLiteral("cannot read %1: %2").arg(m_source.filePath, file->errorString())));
                return;
            }
            uploadWhole(bytes);
            return;
        }
        m_sourceDevice = std::move(file);
        sourceReady(m_sourceDevice.get());
        return;
    }
    case Endpoint::Kind::Memory: {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(m_source.bytes);
        buffer->open(QIODevice::ReadOnly);
        m_sourceDevice = std::move(buffer);
        sourceReady(m_sourceDevice.get());
        return;
    }
    case Endpoint::Kind::Registry:
        break;
    }
    if (travelsWhole()) {
        fetchWhole();
        return;
    }

    RegistryRequest get = request(m_source, "GET", sourceScopes());
    get.pathAndQuery = QStringLiteral("/v2/%1/blobs/%2").arg(m_source.repository, m_blob.digest().toString());
    get.streamResponse = true;
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_transport->send(get, [self, generation](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt) {
            if (response.stream) {
                response.stream->abort();
                response.stream->deleteLater();
            }
            return;
        }
        if (!response.stream) {
            self->fail(response.toError(self->context()));
            return;
        }
        QNetworkReply *reply = response.stream;
        self->m_sourceReply = reply;
        bool hasLength = false;
        const qint64 length = response.header("Content-Length").toLongLong(&hasLength);
        if (hasLength && length != self->m_blob.size()) {
            self->fail(RegistryError(RegistryError::Kind::SizeMismatch,
                                     self->context() + QStringLiteral(": the source sends %1 bytes, the descriptor "
                                                                      "says %2")
                                                           .arg(length)
                                                           .arg(self->m_blob.size()),
                                     response.url));
            return;
        }
        connect(reply, &QNetworkReply::finished, self, [self, reply, generation] {
            if (!self || self->m_finished || generation != self->m_attempt)
                return;
            QString failure;
            if (reply->error() != QNetworkReply::NoError)
                failure = QStringLiteral("the source connection failed: %1").arg(reply->errorString());
            else if (self->m_pipe && self->m_pipe->bytesRead() + reply->bytesAvailable() < self->m_blob.size())
                failure = QStringLiteral("the source ended after %1 of %2 bytes")
                              .arg(self->m_pipe->bytesRead() + reply->bytesAvailable())
                              .arg(self->m_blob.size());
            if (failure.isEmpty())
                return;
            self->m_sourceFailure = failure;
            if (self->m_pipe)
                self->m_pipe->fail(failure);
            if (self->m_outputFile || !self->m_pipe)
                self->fail(RegistryError(RegistryError::Kind::Network, self->context() + QStringLiteral(": ") + failure,
                                         reply->url()));
            else
                self->m_transport->abort(self->m_upload);
        });
        self->sourceReady(reply);
    });
}

void BlobTransfer::sourceReady(QIODevice *device)
{
    if (m_destination.kind == Endpoint::Kind::File) {
        writeFile(device);
        return;
    }
    if (m_options.chunkSize > 0 && m_source.kind != Endpoint::Kind::Registry) {
        m_hasher = std::make_unique<DigestHasher>(m_blob.digest().algorithm());
        m_chunkOffset = 0;
        sendNextChunk();
        return;
    }
    streamUpload(device);
}

void BlobTransfer::fetchWhole()
{
    RegistryRequest get = request(m_source, "GET", sourceScopes());
    get.pathAndQuery = QStringLiteral("/v2/%1/blobs/%2").arg(m_source.repository, m_blob.digest().toString());
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_transport->send(get, [self, generation](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        if (!response.isSuccess()) {
            self->fail(response.toError(self->context()));
            return;
        }
        if (response.body.size() != self->m_blob.size()) {
            // A connection cut after the headers leaves a short body: transient, the transfer starts again.
            self->fail(RegistryError(RegistryError::Kind::Network,
                                     self->context() + QStringLiteral(": the source sent %1 of %2 bytes")
                                                           .arg(response.body.size())
                                                           .arg(self->m_blob.size()),
                                     response.url));
            return;
        }
        if (!self->m_blob.digest().matches(response.body)) {
            self->fail(RegistryError(RegistryError::Kind::DigestMismatch,
                                     self->context() + QStringLiteral(": blob content does not match its digest"),
                                     response.url));
            return;
        }
        self->uploadWhole(response.body);
    });
}

void BlobTransfer::uploadWhole(const QByteArray &bytes)
{
    // Verified before the first byte leaves: a damaged source never reaches the destination's upload session.
    if (m_source.kind == Endpoint::Kind::File && !m_blob.digest().matches(bytes)) {
        fail(RegistryError(
            RegistryError::Kind::DigestMismatch,
            QStringLiteral("%1 does not match its digest %2").arg(m_source.filePath, m_blob.digest().toString())));
        return;
    }
    RegistryRequest put = request(m_destination, "PUT", destinationScopes());
    put.absoluteUrl = withDigest(m_uploadLocation, m_blob.digest());
    put.headers.append({QByteArray("Content-Type"), QByteArray("application/octet-stream")});
    put.body = bytes;
    put.retry = false; // the session may be closed already; a failed attempt restarts the whole transfer
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_upload = m_transport->send(put, [self, generation](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        if (response.status != 201) {
            self->fail(response.toError(self->context() + QStringLiteral(": uploading failed")));
            return;
        }
        self->m_uploadLocation = QUrl(); // the session is closed; nothing to cancel
        self->succeed(Outcome::Copied);
    });
}

void BlobTransfer::streamUpload(QIODevice *device)
{
    // One streamed PUT ?digest= closes the session with the last byte (the OCI "POST then PUT" upload): a request
    // fewer than PATCH + PUT for every blob, and the registry still checks the digest before it links anything.
    m_pipe = new BlobPipe(device, m_blob.digest(), m_blob.size(), this);
    RegistryRequest put = request(m_destination, "PUT", destinationScopes());
    put.absoluteUrl = withDigest(m_uploadLocation, m_blob.digest());
    put.headers.append({QByteArray("Content-Type"), QByteArray("application/octet-stream")});
    put.bodyDevice = m_pipe;
    put.bodySize = m_blob.size();
    put.retry = false;
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_upload = m_transport->send(put, [self, generation](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        BlobPipe *pipe = self->m_pipe;
        if (pipe && pipe->digestMismatch()) {
            // The registry refuses a body that does not match ?digest=; the session is cancelled in cleanup().
            self->fail(RegistryError(RegistryError::Kind::DigestMismatch,
                                     self->context() + QStringLiteral(": ") + pipe->failure(), response.url));
            return;
        }
        if (!self->m_sourceFailure.isEmpty()) {
            self->fail(RegistryError(RegistryError::Kind::Network,
                                     self->context() + QStringLiteral(": ") + self->m_sourceFailure, response.url));
            return;
        }
        if (response.status != 201) {
            self->fail(response.toError(self->context() + QStringLiteral(": uploading failed")));
            return;
        }
        if (!pipe || pipe->state() != BlobPipe::State::Verified) {
            self->fail(RegistryError(
                RegistryError::Kind::SizeMismatch,
                self->context() + QStringLiteral(": the upload ended before the blob was complete"), response.url));
            return;
        }
        self->m_uploadLocation = QUrl(); // the session is closed; nothing to cancel
        self->succeed(Outcome::Copied);
    });
}

void BlobTransfer::sendNextChunk()
{
    const qint64 length = qMin(m_options.chunkSize, m_blob.size() - m_chunkOffset);
    const QByteArray chunk = m_sourceDevice->read(length);
    if (chunk.size() != length) {
        fail(RegistryError(RegistryError::Kind::LocalIo, context() + QStringLiteral(": short read from the source")));
        return;
    }
    m_hasher->addData(chunk);
    RegistryRequest patch = request(m_destination, "PATCH", destinationScopes());
    patch.absoluteUrl = m_uploadLocation;
    patch.headers.append({QByteArray("Content-Type"), QByteArray("application/octet-stream")});
    patch.headers.append(
        {QByteArray("Content-Range"),
         QByteArray::number(m_chunkOffset) + '-' + QByteArray::number(m_chunkOffset + qMax<qint64>(length, 1) - 1)});
    patch.body = chunk;
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_upload = m_transport->send(patch, [self, generation, length](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        if (response.status != 202 && response.status != 204) {
            self->fail(response.toError(self->context() + QStringLiteral(": uploading a chunk failed")));
            return;
        }
        const QUrl next = locationOf(response);
        if (next.isValid())
            self->m_uploadLocation = next;
        self->m_chunkOffset += length;
        if (self->m_chunkOffset < self->m_blob.size()) {
            self->sendNextChunk();
            return;
        }
        const Digest actual = self->m_hasher->result();
        if (actual != self->m_blob.digest()) {
            self->fail(RegistryError(RegistryError::Kind::DigestMismatch,
                                     self->context() +
                                         QStringLiteral(": blob content does not match its digest: expected %1, got %2")
                                             .arg(self->m_blob.digest().toString(), actual.toString())));
            return;
        }
        self->completeUpload(self->m_uploadLocation);
    });
}

void BlobTransfer::completeUpload(const QUrl &location)
{
    RegistryRequest put = request(m_destination, "PUT", destinationScopes());
    put.absoluteUrl = withDigest(location, m_blob.digest());
    put.headers.append({QByteArray("Content-Type"), QByteArray("application/octet-stream")});
    // A lost answer to this PUT cannot be replayed against a closed session; the copy restarts instead.
    put.retry = false;
    const int generation = m_attempt;
    QPointer<BlobTransfer> self(this);
    m_transport->send(put, [self, generation](const RegistryResponse &response) {
        if (!self || self->m_finished || generation != self->m_attempt)
            return;
        if (response.status != 201) {
            self->fail(response.toError(self->context() + QStringLiteral(": completing the upload failed")));
            return;
        }
        self->m_uploadLocation = QUrl(); // the session is closed; nothing to cancel
        self->succeed(Outcome::Copied);
    });
}

void BlobTransfer::writeFile(QIODevice *device)
{
    QDir().mkpath(QFileInfo(m_destination.filePath).absolutePath());
    m_outputFile = std::make_unique<QSaveFile>(m_destination.filePath);
    if (!m_outputFile->open(QIODevice::WriteOnly)) {
        const QString reason = m_outputFile->errorString();
        m_outputFile.reset();
        fail(RegistryError(RegistryError::Kind::LocalIo,
                           QStringLiteral("cannot write %1: %2").arg(m_destination.filePath, reason)));
        return;
    }
    m_hasher = std::make_unique<DigestHasher>(m_blob.digest().algorithm());
    connect(device, &QIODevice::readyRead, this, &BlobTransfer::drainToFile);
    if (auto *reply = qobject_cast<QNetworkReply *>(device))
        connect(reply, &QNetworkReply::finished, this, &BlobTransfer::drainToFile);
    drainToFile();
}

void BlobTransfer::drainToFile()
{
    if (m_finished || !m_outputFile || !m_sourceReply)
        return;
    QNetworkReply *reply = m_sourceReply;
    char buffer[64 * 1024];
    while (reply->bytesAvailable() > 0) {
        const qint64 room = m_blob.size() - m_hasher->bytesHashed();
        const qint64 count = reply->read(buffer, qMin<qint64>(sizeof(buffer), qMax<qint64>(room, 1)));
        if (count <= 0)
            break;
        if (count > room) {
            fail(RegistryError(RegistryError::Kind::SizeMismatch,
                               context() + QStringLiteral(": the source sends more than %1 bytes").arg(m_blob.size())));
            return;
        }
        m_hasher->addData(buffer, count);
        if (m_outputFile->write(buffer, count) != count) {
            fail(RegistryError(
                RegistryError::Kind::LocalIo,
                QStringLiteral("cannot write %1: %2").arg(m_destination.filePath, m_outputFile->errorString())));
            return;
        }
    }
    if (!reply->isFinished() || reply->error() != QNetworkReply::NoError)
        return; // the source's finished handler reports errors
    if (m_hasher->bytesHashed() != m_blob.size()) {
        fail(RegistryError(
            RegistryError::Kind::SizeMismatch,
            context() +
                QStringLiteral(": the source sent %1 of %2 bytes").arg(m_hasher->bytesHashed()).arg(m_blob.size())));
        return;
    }
    const Digest actual = m_hasher->result();
    if (actual != m_blob.digest()) {
        fail(RegistryError(RegistryError::Kind::DigestMismatch,
                           context() + QStringLiteral(": blob content does not match its digest: expected %1, got %2")
                                           .arg(m_blob.digest().toString(), actual.toString())));
        return;
    }
    if (!m_outputFile->commit()) {
        const QString reason = m_outputFile->errorString();
        m_outputFile.reset();
        fail(RegistryError(RegistryError::Kind::LocalIo,
                           QStringLiteral("cannot write %1: %2").arg(m_destination.filePath, reason)));
        return;
    }
    m_outputFile.reset();
    succeed(Outcome::Copied);
}

void BlobTransfer::cleanup()
{
    if (m_sourceReply) {
        disconnect(m_sourceReply, nullptr, this, nullptr);
        m_sourceReply->abort();
        m_sourceReply->deleteLater();
        m_sourceReply = nullptr;
    }
    m_transport->abort(m_upload);
    m_upload.reset();
    if (m_pipe) {
        // The network stack may still hold the device until the aborted reply is gone.
        m_pipe->setParent(nullptr);
        m_pipe->deleteLater();
        m_pipe = nullptr;
    }
    if (m_uploadLocation.isValid()) {
        // Cancel the upload session so the registry drops the partial data.
        RegistryRequest cancel = request(m_destination, "DELETE", destinationScopes());
        cancel.absoluteUrl = m_uploadLocation;
        cancel.retry = false;
        m_transport->send(cancel, [](const RegistryResponse &) {});
        m_uploadLocation = QUrl();
    }
    if (m_outputFile) {
        m_outputFile->cancelWriting();
        m_outputFile.reset();
    }
    m_sourceDevice.reset();
    m_hasher.reset();
    if (m_sourceSlot)
        m_transport->releaseStreamSlot(m_source.registry);
    if (m_destinationSlot && !(m_sourceSlot && m_source.registry == m_destination.registry))
        m_transport->releaseStreamSlot(m_destination.registry);
    m_sourceSlot = false;
    m_destinationSlot = false;
    m_sourceFailure.clear();
}

void BlobTransfer::fail(const RegistryError &error)
{
    if (m_finished)
        return;
    qCDebug(lcRegistry) << "transfer failed:" << error.toString() << "attempt" << m_attempt;
    cleanup();
    const RetryPolicy policy = m_transport->retryPolicy();
    if (error.isTransient() && policy.shouldRetry(m_attempt)) {
        const auto delay = policy.delayFor(m_attempt);
        ++m_attempt; // callbacks of the failed attempt see a new generation and stop
        QPointer<BlobTransfer> self(this);
        QTimer::singleShot(delay, this, [self] {
            if (self && !self->m_finished)
                self->attempt();
        });
        return;
    }
    m_finished = true;
    ++m_attempt;
    m_done(RegistryResult<Outcome>(error));
    deleteLater();
}

void BlobTransfer::succeed(Outcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    ++m_attempt;
    cleanup();
    m_done(RegistryResult<Outcome>(outcome));
    deleteLater();
}
